import { describe, expect, it } from 'vitest';
import { engineOptions, loadVectors } from '../test/index.ts';
import { parseDigitalLinkWith } from './digital-link.ts';
import { Gs1Error } from './errors.ts';
import { resolveOptions } from './options.ts';
import { generateScanData, processScanData } from './scan-data.ts';

interface ScanCase {
  op: 'process' | 'generate';
  scan_data?: string;
  valid?: boolean;
  expected_symbology?: string;
  expected_data_str?: string;
  symbology?: string;
  data_str?: string;
  expected_scan_data?: string | null;
  options?: Record<string, string>;
  note?: string;
  source_line: number;
}

const { cases } = loadVectors<ScanCase>('gs1-syntax-engine/scandata.json');
const options = resolveOptions(engineOptions());
const parseDl = (uri: string) => parseDigitalLinkWith(uri, options).ais;

describe('gs1-syntax-engine scandata.json: process', () => {
  const processCases = cases.filter((c) => c.op === 'process');
  it.each(processCases.map((c) => [`line ${c.source_line}: ${JSON.stringify(c.scan_data)}`, c] as const))(
    '%s',
    (_, c) => {
      if (!c.valid) {
        expect(() => processScanData(c.scan_data!, options, parseDl)).toThrow(Gs1Error);
        return;
      }
      const result = processScanData(c.scan_data!, options, parseDl);
      expect(result.symbology).toBe(c.expected_symbology);
      expect(result.dataString).toBe(c.expected_data_str);
    },
  );
});

describe('gs1-syntax-engine scandata.json: generate', () => {
  const generateCases = cases.filter((c) => c.op === 'generate');
  it.each(
    generateCases.map(
      (c) => [`line ${c.source_line}: ${c.symbology} ${JSON.stringify(c.data_str)}`, c] as const,
    ),
  )('%s', (_, c) => {
    const addCheckDigit = c.options?.AddCheckDigit === 'true';
    expect(generateScanData(c.symbology!, c.data_str!, options, addCheckDigit)).toBe(c.expected_scan_data);
  });
});
