import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const administrativeUnitSchema = z.object({
  code: z.string().min(1).max(20),
  name: z.string().min(1),
  kind: z.enum(['ward', 'commune', 'special_zone']),
  formerArea: z.string().optional(),
});

export const administrativeUnitsSchema = z.object({
  _note: z.string().optional(),
  province: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  units: z.array(administrativeUnitSchema).min(1),
});

export type AdministrativeUnit = z.infer<typeof administrativeUnitSchema>;
export type AdministrativeUnits = z.infer<typeof administrativeUnitsSchema>;

const defaultPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../config/administrative-units.json',
);

/** Reads and checks the province's communes and wards; the department replaces the file, so mistakes must stop start-up. */
export function readAdministrativeUnits(file: string): AdministrativeUnits {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read the administrative units file ${file}: ${(err as Error).message}`);
  }
  const parsed = administrativeUnitsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(
      `The administrative units file ${file} is not valid at /${first.path.join('/')}: ${first.message}`,
    );
  }
  const seen = new Set<string>();
  for (const unit of parsed.data.units) {
    if (seen.has(unit.code))
      throw new Error(`The administrative units file ${file} repeats the code ${unit.code}`);
    seen.add(unit.code);
  }
  return parsed.data;
}

let loaded: { file: string; units: AdministrativeUnits; byCode: Map<string, AdministrativeUnit> } | null =
  null;
let configuredFile: string | null = null;

/** The file named by the configuration (TXNG_ADMIN_UNITS), set once at start; `null` is the shipped file. */
export function configureAdministrativeUnits(file: string | null) {
  configuredFile = file;
}

export function administrativeUnits(): AdministrativeUnits {
  return load().units;
}

export function findAdministrativeUnit(code: string): AdministrativeUnit | null {
  return load().byCode.get(code) ?? null;
}

function load() {
  const file = configuredFile ?? defaultPath;
  if (loaded?.file !== file) {
    const units = readAdministrativeUnits(file);
    loaded = { file, units, byCode: new Map(units.units.map((u) => [u.code, u])) };
  }
  return loaded;
}
