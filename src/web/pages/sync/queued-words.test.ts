import { describe, expect, it } from 'vitest';
import { queuedLines } from './queued-words.ts';

const words = {
  kind: (kind: string) => ({ organisation: 'cơ sở', event: 'sự kiện truy xuất' })[kind] ?? kind,
  number: (n: number) => new Intl.NumberFormat('vi-VN').format(n),
  nothing: 'đã có đủ, không cần gửi thêm',
};
const none = { organisation: 0, location: 0, product: 0, lot: 0, event: 0, stamp: 0 };

describe('what "send everything approved" queued, in words', () => {
  it('names each receiver with what it will get, in Vietnamese numbers, and says when it had everything', () => {
    const lines = queuedLines(
      {
        receivers: [
          {
            id: 'national',
            label: 'Cổng truy xuất nguồn gốc quốc gia',
            queued: { ...none, organisation: 3, event: 1204 },
            total: 1207,
          },
          { id: 'hub', label: 'Trung tâm dữ liệu (hub TXNG)', queued: none, total: 0 },
        ],
      },
      words,
    );
    expect(lines).toEqual([
      'Cổng truy xuất nguồn gốc quốc gia: 3 cơ sở, 1.204 sự kiện truy xuất',
      'Trung tâm dữ liệu (hub TXNG): đã có đủ, không cần gửi thêm',
    ]);
  });
});
