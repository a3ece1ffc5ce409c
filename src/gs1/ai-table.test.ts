import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vectorsDir } from '../test/index.ts';
import { AI_DEFINITIONS } from './ai-table.generated.ts';
import { aiDefinition, aiLengthForPrefix } from './ai-table.ts';
import { GENERATED_FILE, parseSyntaxDictionary, renderAiTable } from './generate-ai-table.ts';

const dictionary = readFileSync(
  path.join(vectorsDir, 'gs1-syntax-dictionary/gs1-syntax-dictionary.txt'),
  'utf8',
);

describe('AI table generated from the GS1 Barcode Syntax Dictionary', () => {
  it('is exactly what the generator writes from the dictionary (regenerate after a dictionary update)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderAiTable(dictionary));
  });

  it('holds every AI of the dictionary, ranges expanded (541)', () => {
    expect(parseSyntaxDictionary(dictionary)).toHaveLength(541);
    expect(AI_DEFINITIONS).toHaveLength(541);
  });

  it('keeps formats, linters, flags and Digital Link rules', () => {
    expect(aiDefinition('01')).toMatchObject({
      fnc1: false,
      dlDataAttribute: true,
      components: [{ cset: 'N', min: 14, max: 14, optional: false, linters: ['csum', 'gcppos2'] }],
      ex: ['255', '37'],
      dlPrimaryKey: true,
      dlQualifiers: [['22', '10', '21'], ['235']],
    });
    expect(aiDefinition('253')?.components.map((c) => [c.cset, c.min, c.max, c.optional])).toEqual([
      ['N', 13, 13, false],
      ['X', 1, 17, true],
    ]);
    expect(aiDefinition('250')?.req).toEqual([
      [
        ['01', '21'],
        ['03', '21'],
        ['8006', '21'],
      ],
    ]);
    expect(aiDefinition('3103')).toMatchObject({ ex: ['310n'], fnc1: false });
    expect(aiDefinition('8013')?.components[0].linters).toEqual(['csumalpha', 'gcppos1']);
    expect(aiDefinition('21')).toMatchObject({ dlDataAttribute: false, fnc1: true });
    expect(aiDefinition('414')?.dlQualifiers).toEqual([['254'], ['7040']]);
    expect(aiDefinition('8001')?.components).toHaveLength(5);
    expect(aiDefinition('99')?.title).toBe('INTERNAL');
    expect(aiDefinition('3106')).toBeUndefined();
  });

  it('knows the AI length from its first two digits', () => {
    expect(aiLengthForPrefix('01')).toBe(2);
    expect(aiLengthForPrefix('25')).toBe(3);
    expect(aiLengthForPrefix('31')).toBe(4);
    expect(aiLengthForPrefix('80')).toBe(4);
    expect(aiLengthForPrefix('05')).toBeUndefined();
  });
});
