import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Gs1Options, SYNTAX_ENGINE_OPTIONS } from '../gs1/index.ts';

/**
 * Reading the GS1 and OpenEPCIS conformance material, copied into the repository with its provenance and licence
 * (test/vectors/README.md).
 */
export const vectorsDir = fileURLToPath(new URL('../../test/vectors/', import.meta.url));

export const readText = (relative: string) => fs.readFileSync(path.join(vectorsDir, relative), 'utf8');
export const readJson = (relative: string) => JSON.parse(readText(relative));

/** A GS1 vector file: its cases, and whatever else it records. */
export const loadVectors = <T = any>(relative: string): { cases: T[] } & Record<string, unknown> =>
  readJson(relative);

/** One EPCIS document of the OpenEPCIS corpus, with what the upstream schema check said of it. */
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

/** Engine option names as the Syntax Engine's vectors record them → our options. */
export function engineOptions(options: Record<string, string> = {}): Gs1Options {
  const out: Gs1Options = { ...SYNTAX_ENGINE_OPTIONS };
  for (const [name, value] of Object.entries(options)) {
    const on = value === 'true';
    switch (name) {
      case 'PermitUnknownAIs':
        out.permitUnknownAis = on;
        break;
      case 'PermitZeroSuppressedGTINinDLuris':
        out.permitZeroSuppressedGtin = on;
        break;
      case 'permitConvenienceAlphas':
        out.permitConvenienceAlphas = on;
        break;
      case 'ValidationEnabled(gs1_encoder_vUNKNOWN_AI_NOT_DL_ATTR)':
        out.permitUnknownAiAsDlAttribute = !on;
        break;
      case 'AddCheckDigit':
        break;
      default:
        throw new Error(`engine option ${name} has no equivalent`);
    }
  }
  return out;
}

/** A vector's `{ ai, value }` list as [ai, value] pairs. */
export const pairs = (ais: { ai: string; value: string }[]) => ais.map(({ ai, value }) => [ai, value]);
