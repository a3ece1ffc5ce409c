import { describe, expect, it } from 'vitest';
import { emptyStage, stageBody } from './stage-form.ts';

const line = (gtin: string, lot: string, quantity: number | string) => ({
  key: lot,
  gtin,
  lot,
  quantity,
  unit: 'KGM',
});

describe('stage form bodies', () => {
  it('sends a harvest with its output, the time in Vietnam and nothing of the other stages', () => {
    const body = stageBody({
      ...emptyStage(),
      stage: 'harvest',
      eventTime: '2026-06-15T07:30',
      locationId: 'loc',
      output: line(' 8934567890128 ', 'L1', '500'),
      harvestStartDate: '2026-06-14',
    });
    expect(body).toEqual({
      stage: 'harvest',
      organisationId: undefined,
      eventTime: '2026-06-15T07:30:00+07:00',
      locationId: 'loc',
      note: undefined,
      output: { gtin: '8934567890128', lot: 'L1', quantity: 500, unit: 'KGM' },
      harvestStartDate: '2026-06-14',
      harvestEndDate: undefined,
      expiryDate: undefined,
    });
  });

  it('drops empty lines and leaves out the outputs of a packing into an SSCC', () => {
    const body = stageBody({
      ...emptyStage(),
      stage: 'pack',
      locationId: 'loc',
      inputs: [line('8934567890128', 'L1', 500), line('', '', '')],
      outputs: [line('', '', '')],
      sscc: '089345678900000017',
    });
    expect(body.inputs).toEqual([{ gtin: '8934567890128', lot: 'L1', quantity: 500, unit: 'KGM' }]);
    expect(body).not.toHaveProperty('outputs');
    expect(body.sscc).toBe('089345678900000017');
  });

  it('names the counterpart of a shipment `to` with its documents, without blanks', () => {
    const body = stageBody({
      ...emptyStage(),
      stage: 'ship',
      locationId: 'loc',
      items: [line('8934567890128', 'L1', 20)],
      party: { organisationId: 'org-2', locationId: '', name: '', gln: '', taxCode: '' },
      documents: { invoice: 'HD-0001', deliveryNote: '', quarantineCertificate: '' },
    });
    expect(body.to).toEqual({ organisationId: 'org-2' });
    expect(body.documents).toEqual({ invoice: 'HD-0001' });
    expect(body).not.toHaveProperty('from');
  });
});
