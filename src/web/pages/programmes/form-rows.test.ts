import { describe, expect, it } from 'vitest';
import { patchRow, withoutRow } from './survey-types.ts';

describe('editing one row of a form’s list', () => {
  const rows = [
    { name: 'Nguyễn Văn A', unit: 'Xã Tân Triều', key: 'row-1' },
    { name: 'Trần Thị B', unit: '', key: 'row-2' },
  ];

  it('changes only the row named, keeping its other fields and the list itself untouched', () => {
    const next = patchRow(1, { unit: 'Phường Biên Hòa' })(rows);
    expect(next).toEqual([rows[0], { name: 'Trần Thị B', unit: 'Phường Biên Hòa', key: 'row-2' }]);
    expect(next[0]).toBe(rows[0]);
    expect(rows[1].unit).toBe('');
  });

  it('removes only the row named', () => {
    expect(withoutRow(0)(rows)).toEqual([rows[1]]);
    expect(withoutRow(5)(rows)).toEqual(rows);
  });
});
