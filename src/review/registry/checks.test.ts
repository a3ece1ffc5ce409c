import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../epcis/index.ts';
import { timelineChecks } from './lot.review.ts';
import { bizStepName, hostedFileId, isFetchableImage } from './shared.ts';

const event = (bizStep: string, eventTime: string) =>
  ({ bizStep, eventTime: new Date(eventTime) }) as StoredEvent;
const verdicts = (checks: { code: string; ok: boolean }[]) =>
  Object.fromEntries(checks.map((c) => [c.code, c.ok]));
const now = Date.parse('2026-06-10T00:00:00Z');

describe('automatic pre-checks', () => {
  it('reads a business step in any of its spellings', () => {
    expect(bizStepName('shipping')).toBe('shipping');
    expect(bizStepName('https://ref.gs1.org/cbv/BizStep-shipping')).toBe('shipping');
    expect(bizStepName('urn:epcglobal:cbv:bizstep:shipping')).toBe('shipping');
    expect(bizStepName(null)).toBeNull();
  });

  it('finds a shipment dated before the harvest, and one before the production date', () => {
    const harvestThenShip = [
      event('commissioning', '2026-06-01T01:00:00Z'),
      event('shipping', '2026-06-02T01:00:00Z'),
    ];
    expect(
      verdicts(timelineChecks(harvestThenShip, '2026-06-01', now))['review.check.noShipmentBeforeOrigin'],
    ).toBe(true);
    const shipFirst = [
      event('shipping', '2026-05-30T01:00:00Z'),
      event('harvesting', '2026-06-01T01:00:00Z'),
    ];
    expect(verdicts(timelineChecks(shipFirst, null, now))['review.check.noShipmentBeforeOrigin']).toBe(false);
    // production dates are local days: 06:00 in Hà Nội on 1 June is still 31 May in UTC
    const beforeProduction = [event('shipping', '2026-05-31T22:00:00Z')];
    expect(
      verdicts(timelineChecks(beforeProduction, '2026-06-01', now))['review.check.noShipmentBeforeOrigin'],
    ).toBe(true);
    const dayBefore = [event('shipping', '2026-05-31T10:00:00Z')];
    expect(
      verdicts(timelineChecks(dayBefore, '2026-06-01', now))['review.check.noShipmentBeforeOrigin'],
    ).toBe(false);
  });

  it('finds an event dated in the future, allowing a few minutes of clock drift', () => {
    const drift = [event('receiving', new Date(now + 60_000).toISOString())];
    expect(verdicts(timelineChecks(drift, null, now))['review.check.noFutureEvent']).toBe(true);
    const future = [event('receiving', new Date(now + 3600_000).toISOString())];
    expect(verdicts(timelineChecks(future, null, now))['review.check.noFutureEvent']).toBe(false);
    expect(verdicts(timelineChecks([], null, now))['review.check.tt02.stages']).toBe(false);
  });

  it('tells images this program serves from others, and refuses addresses nobody can fetch', () => {
    const id = '3f1c2b9a-8d7e-4c6b-9a5f-0e1d2c3b4a59';
    expect(hostedFileId(`https://txng.dongnai.gov.vn/files/${id}`)).toBe(id);
    expect(hostedFileId(`/files/${id}?variant=thumb`)).toBe(id);
    expect(hostedFileId('https://example.vn/files/abc.jpg')).toBeNull();
    expect(isFetchableImage('https://example.vn/a.jpg')).toBe(true);
    expect(isFetchableImage('ftp://example.vn/a.jpg')).toBe(false);
    expect(isFetchableImage('//evil.example/a.jpg')).toBe(false);
  });
});
