import { describe, expect, it } from 'vitest';
import type { StoredEvent, StoredEventId } from '../epcis/index.ts';
import { lotOfItem, walkEvents } from './trace.walk.ts';

const lot = (n: number) => `https://id.gs1.org/01/08936016000203/10/L${n}`;
const sscc = 'https://id.gs1.org/00/089360160000000012';
let pk = 0;
function event(type: string, action: string | null, ids: [string, StoredEventId['role']][]): StoredEvent {
  pk++;
  return {
    pk,
    eventId: `e${pk}`,
    eventType: type,
    eventTime: new Date(Date.UTC(2026, 0, 1, 0, pk)),
    eventTimeZoneOffset: '+07:00',
    recordTime: new Date(),
    action,
    bizStep: null,
    disposition: null,
    readPoint: null,
    bizLocation: null,
    organisationId: null,
    ids: ids.map(([id, role]) => ({ id, role, isClass: true, quantity: null, uom: null })),
    links: [],
    document: {},
  };
}

function store(events: StoredEvent[]) {
  const calls: string[][] = [];
  const fetch = async (ids: string[]) => {
    calls.push(ids);
    return events.filter((e) => e.ids.some((i) => ids.includes(i.id)));
  };
  return { fetch, calls };
}

describe('walkEvents', () => {
  const make = event('TransformationEvent', null, [
    [lot(1), 'input'],
    [lot(2), 'output'],
  ]);
  const pack = event('AggregationEvent', 'ADD', [
    [sscc, 'parent'],
    [lot(2), 'child'],
    [lot(3), 'child'],
  ]);
  const ship = event('ObjectEvent', 'OBSERVE', [[sscc, 'epc']]);

  it('goes from a product to its inputs backward and never to the pallet it was packed in later', async () => {
    const { fetch, calls } = store([make, pack, ship]);
    const result = await walkEvents([lot(2)], 'backward', fetch);
    expect(result.items.map((i) => i.id)).toEqual([lot(2), lot(1)]);
    expect(result.truncated).toBe(false);
    expect(calls).toEqual([[lot(2)], [lot(1)]]);
  });

  it('goes forward into the pallet without drawing in the other lots packed with it', async () => {
    const { fetch } = store([make, pack, ship]);
    const result = await walkEvents([lot(1)], 'forward', fetch);
    expect(result.items.map((i) => [i.id, i.via?.relation ?? null])).toEqual([
      [lot(1), null],
      [lot(2), 'output'],
      [sscc, 'container'],
    ]);
    expect(result.events.map((e) => e.eventId)).toEqual([make.eventId, pack.eventId, ship.eventId]);
  });

  it('does not follow a GTIN without a lot, and stops at the item limit', async () => {
    const wide = event('TransformationEvent', null, [
      ['https://id.gs1.org/01/08936016000203', 'input'],
      [lot(9), 'output'],
    ]);
    const { fetch, calls } = store([wide]);
    await walkEvents([lot(9)], 'backward', fetch);
    expect(calls).toEqual([[lot(9)]]);
    const limited = await walkEvents([lot(2)], 'both', store([make, pack, ship]).fetch, {
      maxDepth: 10,
      maxItems: 2,
    });
    expect(limited.items).toHaveLength(2);
    expect(limited.truncated).toBe(true);
  });

  it('knows the lot of a serialised item', () => {
    expect(lotOfItem(`${lot(4)}/21/ABC`)).toBe(lot(4));
    expect(lotOfItem(lot(4))).toBeNull();
  });
});
