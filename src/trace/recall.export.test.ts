import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { recallCsv } from './recall.export.ts';
import type { RecallReport, RecallRow } from './recall.presenter.ts';

const row = (overrides: Partial<RecallRow>): RecallRow => ({
  traceabilityLotCode: 'SR01',
  gtin: '08930002000102',
  productDescription: 'Sầu riêng',
  quantity: -3,
  unitOfMeasure: 'KGM',
  locationDescription: null,
  locationGln: null,
  date: new Date('2026-06-02T01:00:00Z'),
  event: 'shipping',
  referenceDocumentType: null,
  referenceDocumentNumber: null,
  party: null,
  source: null,
  destination: null,
  affectedAs: 'recalled',
  lotStatus: 'recalled',
  identifier: 'https://id.gs1.org/01/08930002000102/10/SR01',
  ...overrides,
});

describe('recall CSV', () => {
  it('csv formula injection: cells a spreadsheet would run as formulas are quoted as text', () => {
    const report = {
      rows: [
        row({
          productDescription: '=HYPERLINK("http://evil.example","x")',
          party: '+cmd|" /C calc"!A0',
          source: '-2+3',
          destination: '@SUM(A1)',
          locationDescription: '\tVườn',
          referenceDocumentNumber: '\rHĐ-01',
          unitOfMeasure: 'KG=M',
        }),
      ],
    } as RecallReport;
    const [record] = parse(recallCsv(report), { bom: true, columns: true, relax_quotes: true }) as Record<
      string,
      string
    >[];
    const cell = (header: string) => record[Object.keys(record).find((k) => k.includes(header))!];
    expect(cell('Product description')).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(cell('Party')).toBe(`'+cmd|" /C calc"!A0`);
    expect(cell('Source')).toBe("'-2+3");
    expect(cell('Destination')).toBe("'@SUM(A1)");
    expect(cell('Location description')).toBe("'\tVườn");
    expect(cell('Reference document number')).toBe("'\rHĐ-01");
    expect(cell('Unit of measure')).toBe('KG=M');
    expect(cell('Quantity')).toBe('-3');
    expect(cell('Date')).toBe('2026-06-02T01:00:00.000Z');
  });
});
