import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/index.ts';
import {
  administrativeUnits,
  configureAdministrativeUnits,
  findAdministrativeUnit,
  readAdministrativeUnits,
} from './admin-units.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txng-units-'));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
};
const province = { code: '75', name: 'Tỉnh Đồng Nai' };

afterEach(() => {
  configureAdministrativeUnits(null);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('administrative units file', () => {
  it('ships a valid file for the merged Đồng Nai', () => {
    const { units } = administrativeUnits();
    expect(units.length).toBeGreaterThan(50);
    expect(findAdministrativeUnit('75W010')?.name).toBe('Phường Long Khánh');
  });

  it('reads the file named by TXNG_ADMIN_UNITS instead', () => {
    const file = write('custom.json', {
      province,
      units: [{ code: '26734', name: 'Phường Trấn Biên', kind: 'ward' }],
    });
    configureAdministrativeUnits(loadConfig({ TXNG_ADMIN_UNITS: file }).adminUnitsFile);
    expect(administrativeUnits().units).toHaveLength(1);
    expect(findAdministrativeUnit('26734')?.name).toBe('Phường Trấn Biên');
  });

  it('refuses a file with a repeated code or a bad shape, naming where', () => {
    const repeated = write('repeated.json', {
      province,
      units: [
        { code: 'A', name: 'Xã A', kind: 'commune' },
        { code: 'A', name: 'Xã B', kind: 'commune' },
      ],
    });
    expect(() => readAdministrativeUnits(repeated)).toThrow(/repeats the code A/);
    const bad = write('bad.json', { province, units: [{ code: 'A', name: 'Xã A', kind: 'district' }] });
    expect(() => readAdministrativeUnits(bad)).toThrow(/units\/0\/kind/);
  });
});
