import { defineMessages } from '../platform/index.ts';

defineMessages({
  'public.unchangedSince': {
    vi: '✔ Dữ liệu không thay đổi từ khi được duyệt ngày {date}.',
    en: '✔ Data unchanged since it was approved on {date}.',
  },
  'public.proofLink': { vi: 'Xem bằng chứng', en: 'See the proof' },
  'proof.page.title': { vi: 'Bằng chứng dữ liệu không bị sửa', en: 'Proof the data was not altered' },
  'proof.page.valid': { vi: 'Đã kiểm chứng: dữ liệu không bị sửa', en: 'Verified: the data was not altered' },
  'proof.page.invalid': { vi: 'Không kiểm chứng được', en: 'Could not be verified' },
  'proof.page.record': {
    vi: 'Việc {what} lúc {when} (giờ Việt Nam) được ghi vào nhật ký của tỉnh.',
    en: 'The step “{what}” at {when} (Vietnam time) is in the province’s log.',
  },
  'proof.page.event': {
    vi: 'Một sự kiện truy xuất (ghi nhận hàng hoá di chuyển hoặc được chế biến).',
    en: 'A traceability event (goods moved or processed).',
  },
  'proof.page.signed': {
    vi: 'Nằm trong điểm mốc số {seq}, do {province} ký ngày {date}.',
    en: 'Part of checkpoint {seq}, signed by {province} on {date}.',
  },
  'proof.page.steps': { vi: 'Các bước đã kiểm', en: 'What was checked' },
  'proof.page.why': {
    vi: 'Mỗi ngày, tỉnh tính một mã tổng hợp (gốc Merkle) của mọi thay đổi trong ngày và ký bằng khoá của tỉnh. Bản ghi này nằm trong mã đó: nếu ai sửa nó sau khi duyệt, mã sẽ không còn khớp chữ ký. Các đơn vị khác có thể lưu giữ bản sao các điểm mốc để đối chiếu.',
    en: 'Every day the province computes one summary code (a Merkle root) of all the day’s changes and signs it with its key. This record is part of it: if anyone altered it after approval, the code would no longer match the signature. Others can keep copies of the checkpoints to compare.',
  },
  'proof.page.selfCheck': {
    vi: 'Tự kiểm tra: tải tệp bằng chứng và khoá công khai, rồi chạy lệnh',
    en: 'Check it yourself: download the proof file and the public key, then run',
  },
  'proof.page.download': { vi: 'Tải tệp bằng chứng (JSON)', en: 'Download the proof (JSON)' },
  'proof.page.key': { vi: 'Khoá công khai của tỉnh', en: 'The province’s public key' },
  'proof.page.none': {
    vi: 'Chưa có bằng chứng cho mục này. Bằng chứng có sau khi điểm mốc hằng ngày được ký.',
    en: 'No proof for this yet. A proof exists once the daily checkpoint has been signed.',
  },
  'proof.page.bad': { vi: 'Địa chỉ bằng chứng không đúng.', en: 'This proof address is not valid.' },
  'proof.list.title': { vi: 'Điểm mốc đã ký của nhật ký', en: 'Signed checkpoints of the log' },
  'proof.list.intro': {
    vi: 'Mọi thay đổi quan trọng (hồ sơ, phê duyệt, sự kiện truy xuất, tem, kết quả kiểm tra) được nối thành chuỗi. Mỗi ngày tỉnh ký một điểm mốc của chuỗi. Ai cũng có thể tải và lưu giữ các điểm mốc này; nếu sau này dữ liệu bị sửa, bản sao sẽ cho thấy.',
    en: 'Every change that counts (records, approvals, traceability events, stamps, inspection outcomes) is chained. Every day the province signs a checkpoint of the chain. Anyone can download and keep these checkpoints; if the data were altered later, the copies would show it.',
  },
  'proof.list.item': {
    vi: 'Số {seq} — ngày {date}: {records} bản ghi (số {from}–{to})',
    en: 'No. {seq} — {date}: {records} records ({from}–{to})',
  },
  'proof.list.none': { vi: 'Chưa có điểm mốc nào.', en: 'No checkpoint yet.' },
  'proof.list.export': { vi: 'Tải toàn bộ điểm mốc (JSON)', en: 'Download every checkpoint (JSON)' },
  'proof.list.keyFile': { vi: 'Tải khoá công khai (.pem)', en: 'Download the public key (.pem)' },
  'proof.list.fingerprint': { vi: 'Mã khoá', en: 'Key id' },
});
