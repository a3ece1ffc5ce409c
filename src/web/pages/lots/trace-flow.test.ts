import { describe, expect, it } from 'vitest';
import { layers, nameOf, stepOf, type Trace } from './trace-flow.ts';

const lot = (code: string) => `https://id.gs1.org/01/08930000000017/10/${code}`;
const item = (id: string, depth: number, via: Trace['items'][number]['via'] = null) => ({
  id,
  gtin: '08930000000017',
  lot: id.split('/').pop()!,
  serial: null,
  sscc: null,
  productName: 'Chôm chôm',
  lotStatus: 'active',
  depth,
  via,
});
const event = (id: string, time: string, ids: string[], bizStep: string, extra: object = {}) => ({
  eventId: id,
  eventType: 'ObjectEvent',
  eventTime: time,
  eventTimeZoneOffset: '+07:00',
  recordTime: time,
  action: 'OBSERVE',
  bizStep,
  disposition: null,
  readPoint: null,
  bizLocation: null,
  capturedBy: null,
  ids: ids.map((i) => ({ id: i, role: 'epcList', quantity: 10, uom: 'KGM' })),
  sources: [],
  destinations: [],
  bizTransactions: [],
  ilmd: null,
  ...extra,
});
const trace = (direction: 'backward' | 'forward', items: Trace['items'], events: Trace['events']): Trace => ({
  root: lot('A'),
  direction,
  asOf: null,
  truncated: false,
  items,
  parties: [
    { id: 'urn:epc:id:pgln:893000000001', gln: '8930000000010', organisationId: 'o1', name: 'HTX Bình Lộc' },
  ],
  locations: [],
  events,
});

describe('trace flow', () => {
  it('names steps from short and URI business steps, a harvest by its dates, processing by its type', () => {
    expect(
      stepOf({ bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping', eventType: 'ObjectEvent', ilmd: null }),
    ).toBe('shipping');
    expect(
      stepOf({
        bizStep: 'commissioning',
        eventType: 'ObjectEvent',
        ilmd: { 'cbvmda:harvestStartDate': '2026-06-01' },
      }),
    ).toBe('harvesting');
    expect(stepOf({ bizStep: 'commissioning', eventType: 'TransformationEvent', ilmd: null })).toBe(
      'transforming',
    );
    expect(stepOf({ bizStep: 'urn:x:whatever', eventType: 'ObjectEvent', ilmd: null })).toBe('event');
  });

  it('lays origins farthest first, the lot in the middle with the events of both walks once, destinations after', () => {
    const harvest = event('e1', '2026-06-01T01:00:00Z', [lot('A')], 'commissioning');
    const ship = event('e2', '2026-06-02T01:00:00Z', [lot('A')], 'shipping');
    const made = event('e3', '2026-06-03T01:00:00Z', [lot('B')], 'packing');
    const back = trace(
      'backward',
      [
        item(lot('A'), 0),
        item(lot('IN1'), 1, { from: lot('A'), relation: 'input', eventId: 'x' }),
        item(lot('IN0'), 2, { from: lot('IN1'), relation: 'input', eventId: 'y' }),
      ],
      [harvest],
    );
    const fwd = trace(
      'forward',
      [item(lot('A'), 0), item(lot('B'), 1, { from: lot('A'), relation: 'output', eventId: 'z' })],
      [harvest, ship, made],
    );
    const flow = layers(back, fwd);
    expect(flow.origins.map((l) => l.map((n) => n.item.lot))).toEqual([['IN0'], ['IN1']]);
    expect(flow.root?.events.map((e) => e.eventId)).toEqual(['e1', 'e2']);
    expect(flow.destinations.map((l) => l.map((n) => [n.item.lot, n.events.map((e) => e.eventId)]))).toEqual([
      [['B', ['e3']]],
    ]);
  });

  it('names a party by its registered name and leaves an unknown one unnamed', () => {
    const tr = trace('forward', [], []);
    expect(nameOf(tr, 'urn:epc:id:pgln:893000000001').name).toBe('HTX Bình Lộc');
    expect(nameOf(tr, 'urn:epc:id:pgln:999').name).toBeNull();
  });
});
