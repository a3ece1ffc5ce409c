import { renderLabelSheet } from '../src/stamps/stamps.pdf.ts';
const labels = Array.from({ length: 4000 }, (_, i) => ({ code: `https://txng.dongnai.gov.vn/01/08935049500018/10/L2026-03/21/${1000000 + i}?s=AbCdEfGh${i}`, humanReadable: `https://txng.dongnai.gov.vn/01/08935049500018/10/L2026-03/21/${1000000 + i}`, productName: 'Bưởi Tân Triều loại 1 — hộp 2 quả', lot: 'L2026-03', productionDate: '2026-03-01', expiryDate: '2026-04-01' }));
const t = performance.now();
await renderLabelSheet(labels, { layout: 'a4', carrier: 'qr', title: 'x' });
console.log('pdf x4000', (performance.now() - t).toFixed(0), 'ms');
