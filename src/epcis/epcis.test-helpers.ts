import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The GS1 and OpenEPCIS test documents, copied into the repository with their provenance (test/vectors/README.md). */
export const testdata = fileURLToPath(new URL('../../test/vectors/', import.meta.url));

export const readText = (relative: string) => fs.readFileSync(path.join(testdata, relative), 'utf8');
export const readJson = (relative: string) => JSON.parse(readText(relative));

export interface ManifestEntry {
  path: string;
  format: string;
  schema_result: string;
  schema_error: string;
  upstream_label: string;
  doc_kind: string;
  epcis_version: string;
}

export const manifest = (): ManifestEntry[] => readJson('epcis-manifest.json').files;

/** A minimal valid EPCIS document around the given events. */
export function epcisDocument(events: unknown[], context: unknown[] = []) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', ...context],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-05-01T08:00:00+07:00',
    epcisBody: { eventList: events },
  };
}

/** An ObjectEvent observing one serialised trade item (GTIN 08934567000017 + serial), at a GLN of GS1 Vietnam. */
export function objectEvent(serial: string | number, extra: Record<string, unknown> = {}) {
  return {
    type: 'ObjectEvent',
    eventTime: '2024-05-01T08:00:00.000+07:00',
    eventTimeZoneOffset: '+07:00',
    epcList: [`https://id.gs1.org/01/08934567000017/21/${serial}`],
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: 'https://id.gs1.org/414/8934567000000' },
    ...extra,
  };
}
