/** Every failure of the gs1 module: a stable code (a message key) and the parameters its message needs. */
export class Gs1Error extends Error {
  readonly code: string;
  readonly params: Record<string, unknown>;

  constructor(code: string, params: Record<string, unknown> = {}) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'Gs1Error';
    this.code = code;
    this.params = params;
  }
}

/**
 * Vietnamese and English texts for every Gs1Error code, `{name}` placeholders filled from `params`.
 * The module stays dependency-free: the application registers this catalogue with its i18n.
 */
export const gs1Messages: Record<string, { vi: string; en: string }> = {
  'gs1.empty': { vi: 'Chưa nhập mã.', en: 'The code is empty.' },
  'gs1.malformed': {
    vi: 'Chuỗi dữ liệu GS1 không đúng cấu trúc ({reason}).',
    en: 'The GS1 data string is malformed ({reason}).',
  },
  'gs1.unknownAi': {
    vi: 'Không có AI ({ai}) trong bảng GS1.',
    en: 'AI ({ai}) is not a GS1 Application Identifier.',
  },
  'gs1.emptyValue': { vi: 'AI ({ai}) không có giá trị.', en: 'AI ({ai}) has no value.' },
  'gs1.valueTooShort': { vi: 'Giá trị của AI ({ai}) quá ngắn.', en: 'The value of AI ({ai}) is too short.' },
  'gs1.valueTooLong': { vi: 'Giá trị của AI ({ai}) quá dài.', en: 'The value of AI ({ai}) is too long.' },
  'gs1.invalidCharacter': {
    vi: 'Giá trị của AI ({ai}) có ký tự không hợp lệ ở vị trí {position}.',
    en: 'The value of AI ({ai}) has an invalid character at position {position}.',
  },
  'gs1.checkDigit': {
    vi: 'Số kiểm tra (check digit) trong AI ({ai}) không đúng.',
    en: 'The check digit in AI ({ai}) is wrong.',
  },
  'gs1.checkPair': {
    vi: 'Cặp ký tự kiểm tra của AI ({ai}) không đúng.',
    en: 'The check character pair of AI ({ai}) is wrong.',
  },
  'gs1.invalidDate': {
    vi: 'Ngày giờ trong AI ({ai}) không hợp lệ.',
    en: 'The date or time in AI ({ai}) is not valid.',
  },
  'gs1.invalidValue': {
    vi: 'Giá trị của AI ({ai}) không hợp lệ ({lintError}).',
    en: 'The value of AI ({ai}) is not valid ({lintError}).',
  },
  'gs1.repeatedAi': {
    vi: 'AI ({ai}) xuất hiện nhiều lần với giá trị khác nhau.',
    en: 'AI ({ai}) appears more than once with different values.',
  },
  'gs1.exclusiveAis': {
    vi: 'AI ({ai}) không được đi cùng AI ({other}).',
    en: 'AI ({ai}) may not appear together with AI ({other}).',
  },
  'gs1.missingAssociation': {
    vi: 'AI ({ai}) cần có thêm {requires}.',
    en: 'AI ({ai}) requires {requires}.',
  },
  'gs1.digitalSignatureNeedsSerial': {
    vi: 'Chữ ký số (8030) chỉ dùng với mã có số sê-ri; ({ai}) không có.',
    en: 'A digital signature (8030) needs a serialised key; ({ai}) has no serial component.',
  },
  'gs1.dl.invalidUri': {
    vi: 'Không phải GS1 Digital Link hợp lệ ({reason}).',
    en: 'Not a valid GS1 Digital Link URI ({reason}).',
  },
  'gs1.dl.noPrimaryKey': {
    vi: 'Đường dẫn không chứa mã định danh GS1 chính (GTIN, SSCC, GLN…).',
    en: 'The URI path holds no GS1 primary key (GTIN, SSCC, GLN…).',
  },
  'gs1.dl.invalidQualifier': {
    vi: 'AI ({ai}) không phải thuộc tính định danh hợp lệ của ({key}) hoặc sai thứ tự.',
    en: 'AI ({ai}) is not a valid key qualifier of ({key}) or is out of order.',
  },
  'gs1.dl.invalidAttribute': {
    vi: 'AI ({ai}) không được dùng làm thuộc tính dữ liệu trong Digital Link.',
    en: 'AI ({ai}) may not be a Digital Link data attribute.',
  },
  'gs1.dl.duplicateAi': {
    vi: 'AI ({ai}) xuất hiện hai lần trong Digital Link.',
    en: 'AI ({ai}) appears twice in the Digital Link.',
  },
  'gs1.dl.zeroSuppressedGtin': {
    vi: 'GTIN trong AI ({ai}) chỉ có {digits} chữ số (bỏ các số 0 đứng đầu); Digital Link phải ghi đủ 14 chữ số.',
    en: 'The GTIN in AI ({ai}) has only {digits} digits (leading zeros left out); a Digital Link URI must give all 14.',
  },
  'gs1.dl.convenienceAlpha': {
    vi: 'Digital Link dùng tên viết tắt /{alpha}/ thay cho AI ({ai}); hãy ghi số AI.',
    en: 'The Digital Link URI names AI ({ai}) by the convenience alpha /{alpha}/; write the AI number instead.',
  },
  'gs1.dl.trailingSlash': {
    vi: 'Digital Link không được kết thúc bằng dấu /.',
    en: 'A Digital Link URI may not end with a slash.',
  },
  'gs1.dl.compressedUri': {
    vi: 'Digital Link ở dạng nén; hãy dùng dạng không nén.',
    en: 'The Digital Link URI is compressed; give it uncompressed.',
  },
  'gs1.scanData': {
    vi: 'Dữ liệu máy quét không hợp lệ ({reason}).',
    en: 'The scanner data is not valid ({reason}).',
  },
  'gs1.invalidKey': {
    vi: 'Mã {kind} không đúng định dạng.',
    en: 'The {kind} does not have the right format.',
  },
  'gs1.unknownKeyKind': { vi: 'Không biết loại mã {kind}.', en: 'Unknown kind of key: {kind}.' },
  'gs1.epc.invalidUrn': { vi: 'EPC URN không hợp lệ.', en: 'Not a valid EPC URN.' },
  'gs1.epc.invalidPattern': {
    vi: 'Mẫu EPC (urn:epc:idpat:…) không hợp lệ ({reason}).',
    en: 'Not a valid EPC pattern URI ({reason}).',
  },
};
