import type { StoredEvent } from '../epcis/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import { getPublishedOrganisationsByIds, ownersOfIdentifiers } from '../registry/index.ts';

/** Keeps, of the events a walk step fetched for some ids, those the public may see. */
export type PublicFilter = (ids: string[], events: StoredEvent[]) => Promise<StoredEvent[]>;

/**
 * What reaches the public pages (consumer page, passport): only what parties to the chain said, as approved
 * organisations. The parties are the owners of the goods the walk reaches (by company prefix, GTIN or GLN), and
 * whoever a shown event names as source or destination: the packing house the farm shipped to, the supermarket
 * the exporter sold to. An organisation that writes about another's goods without being handed them is not a
 * party, so its events never show, whatever they claim; nor do events of organisations not (or no longer)
 * approved, nor the department's own (they have their own pages). One instance per walk: parties accumulate.
 */
export function publicChainFilter(db: DbOrTx): PublicFilter {
  const parties = new Set<string>();
  const approved = new Map<string, boolean>();
  return async (ids, events) => {
    const links = events.flatMap((e) =>
      e.links.filter((l) => l.kind !== 'bizTransaction').map((l) => l.value),
    );
    const owners = await ownersOfIdentifiers(db, [...ids, ...links]);
    for (const id of ids) for (const owner of owners.get(id) ?? []) parties.add(owner);
    const capturers = [...new Set(events.flatMap((e) => e.organisationId ?? []))].filter(
      (o) => !approved.has(o),
    );
    for (const organisation of await getPublishedOrganisationsByIds(db, capturers)) {
      approved.set(organisation.id, organisation.reviewStatus === 'approved');
    }
    const shown = new Set<StoredEvent>();
    // a party's event can make another organisation a party, whose events may come earlier in the batch
    for (let grew = true; grew; ) {
      grew = false;
      for (const event of events) {
        const by = event.organisationId;
        if (shown.has(event) || by === null || !approved.get(by) || !parties.has(by)) continue;
        shown.add(event);
        grew = true;
        for (const link of event.links) {
          if (link.kind !== 'bizTransaction')
            for (const owner of owners.get(link.value) ?? []) parties.add(owner);
        }
      }
    }
    return events.filter((e) => shown.has(e));
  };
}
