/**
 * What each field of the API's request bodies is called in the back office, so a validation message can say
 * "Vui lòng chọn sản phẩm" instead of "/body/productId: bắt buộc phải có". Labels are written to sit inside a
 * sentence (lower case but for names such as GTIN); `choose` marks a field people pick from a list rather than
 * type. A field is found by its own name (the last part of its JSON Pointer that is not an index); `byRoute`
 * names the same field differently where a route means something else by it (a product's name, a stamp kind).
 */
export interface FieldLabel {
  vi: string;
  en: string;
  choose?: boolean;
}

const l = (vi: string, en: string, choose = false): FieldLabel => ({ vi, en, choose });

export const fieldLabels: Record<string, FieldLabel> = {
  // organisations, registrations
  organisation: l('thông tin tổ chức', 'organisation details'),
  organisationId: l('tổ chức', 'organisation', true),
  organisationIds: l('tổ chức', 'organisations', true),
  name: l('tên', 'name'),
  taxCode: l('mã số thuế', 'tax code'),
  type: l('loại hình', 'type', true),
  sector: l('lĩnh vực', 'sector', true),
  communeCode: l('xã, phường', 'commune or ward', true),
  communes: l('xã, phường phụ trách', 'communes in charge', true),
  streetAddress: l('địa chỉ (số nhà, đường, ấp)', 'street address'),
  representative: l('người đại diện', 'representative'),
  phone: l('số điện thoại', 'phone number'),
  email: l('địa chỉ email', 'email address'),
  gs1CompanyPrefixes: l('mã doanh nghiệp GS1', 'GS1 company prefix'),
  glns: l('mã địa điểm toàn cầu (GLN)', 'global location number (GLN)'),
  account: l('tài khoản', 'account'),
  password: l('mật khẩu', 'password'),
  currentPassword: l('mật khẩu hiện tại', 'current password'),
  newPassword: l('mật khẩu mới', 'new password'),
  token: l('liên kết đặt lại mật khẩu', 'password reset link'),
  // certificates, traceability systems
  number: l('số giấy chứng nhận', 'certificate number'),
  issuer: l('cơ quan cấp', 'issuer'),
  validFrom: l('ngày cấp', 'valid from date'),
  validTo: l('ngày hết hiệu lực', 'valid until date'),
  fileUrl: l('tệp đính kèm', 'attached file'),
  provider: l('đơn vị cung cấp', 'provider'),
  standards: l('tiêu chuẩn', 'standards'),
  conformity: l('đánh giá sự phù hợp', 'conformity assessment'),
  connectedToNational: l('kết nối cổng quốc gia', 'connection to the national portal'),
  connectedToProvince: l('kết nối hệ thống của tỉnh', 'connection to the province system'),
  principles: l('nguyên tắc truy xuất nguồn gốc', 'traceability principles'),
  dataItems: l('thông tin bắt buộc theo Thông tư 02/2024', 'data items of Circular 02/2024'),
  evidenceFileIds: l('tài liệu chứng minh', 'evidence'),
  connection: l('cách kết nối với hệ thống của tỉnh', 'connection to the province system'),
  inUseSince: l('ngày đưa vào sử dụng', 'in use since'),
  declaredOn: l('ngày tự công bố', 'declaration date'),
  // products
  gtin: l('mã GTIN', 'GTIN'),
  description: l('mô tả', 'description'),
  images: l('ảnh sản phẩm', 'product images'),
  brand: l('nhãn hiệu', 'brand'),
  modelCode: l('mã kiểu, mẫu', 'model code'),
  productGroup: l('nhóm sản phẩm', 'product group'),
  unit: l('đơn vị', 'unit'),
  netQuantity: l('định lượng', 'net quantity'),
  netQuantityUnit: l('đơn vị định lượng', 'net quantity unit'),
  shelfLifeDays: l('hạn dùng (ngày)', 'shelf life (days)'),
  appliedStandards: l('tiêu chuẩn áp dụng', 'applied standards'),
  conformityDeclaration: l('công bố tiêu chuẩn / hợp quy', 'conformity declaration'),
  riskTier: l('mức rủi ro', 'risk tier', true),
  ocopStars: l('hạng OCOP', 'OCOP rating', true),
  ocopDecision: l('quyết định công nhận OCOP', 'OCOP decision'),
  ocopDecisionDate: l('ngày quyết định OCOP', 'OCOP decision date'),
  ocopValidUntil: l('ngày hết hiệu lực OCOP', 'OCOP valid until date'),
  geographicalIndication: l('chỉ dẫn địa lý', 'geographical indication'),
  certificationMark: l('nhãn hiệu chứng nhận', 'certification mark'),
  mandatory: l('danh mục bắt buộc truy xuất', 'mandatory traceability list'),
  priority: l('danh mục ưu tiên truy xuất', 'priority traceability list'),
  // lots
  productId: l('sản phẩm', 'product', true),
  lot: l('số lô', 'lot number'),
  productionDate: l('ngày sản xuất', 'production date'),
  expiryDate: l('hạn sử dụng', 'expiry date'),
  quantity: l('số lượng', 'quantity'),
  locationId: l('địa điểm', 'location', true),
  inputLotIds: l('lô nguyên liệu đầu vào', 'input lots', true),
  status: l('tình trạng', 'status', true),
  note: l('ghi chú', 'note'),
  // locations
  gln: l('mã GLN', 'GLN'),
  locationAi: l('loại mã địa điểm GS1', 'GS1 location key type', true),
  growingAreaCode: l('mã số vùng trồng', 'growing area code'),
  areaHectares: l('diện tích (ha)', 'area (ha)'),
  coordinates: l('toạ độ', 'coordinates'),
  latitude: l('vĩ độ', 'latitude'),
  longitude: l('kinh độ', 'longitude'),
  polygon: l('ranh giới trên bản đồ', 'boundary on the map'),
  // stage forms, shipments
  stage: l('công đoạn', 'stage', true),
  eventTime: l('thời điểm', 'time'),
  locationGln: l('GLN địa điểm', 'location GLN'),
  harvestStartDate: l('ngày bắt đầu thu hoạch', 'harvest start date'),
  harvestEndDate: l('ngày kết thúc thu hoạch', 'harvest end date'),
  output: l('sản phẩm đầu ra', 'output'),
  outputs: l('sản phẩm đầu ra', 'outputs'),
  inputs: l('nguyên liệu đầu vào', 'inputs'),
  items: l('hàng hoá', 'goods'),
  sscc: l('mã SSCC', 'SSCC'),
  from: l('bên giao', 'sender'),
  to: l('bên nhận', 'receiver'),
  documents: l('chứng từ', 'documents'),
  invoice: l('số hoá đơn', 'invoice number'),
  deliveryNote: l('số phiếu giao hàng', 'delivery note number'),
  quarantineCertificate: l('số giấy chứng nhận kiểm dịch', 'quarantine certificate number'),
  reason: l('lý do', 'reason'),
  // diary
  entryDate: l('ngày', 'date'),
  season: l('mùa vụ', 'season'),
  inputName: l('tên vật tư', 'input name'),
  activeIngredient: l('hoạt chất', 'active ingredient'),
  dose: l('liều lượng', 'dose'),
  withdrawalDays: l('thời gian cách ly (ngày)', 'withdrawal period (days)'),
  photoFileIds: l('ảnh', 'photos'),
  // stamps
  kind: l('loại', 'kind', true),
  firstSerial: l('số sê-ri đầu', 'first serial'),
  lastSerial: l('số sê-ri cuối', 'last serial'),
  serials: l('số sê-ri', 'serial numbers'),
  layout: l('khổ in', 'print layout', true),
  carrier: l('vật mang dữ liệu', 'data carrier', true),
  reprint: l('in lại', 'reprint'),
  // review
  decision: l('quyết định', 'decision', true),
  approvedQuantity: l('số lượng được duyệt', 'approved quantity'),
  entityType: l('loại hồ sơ', 'record type', true),
  entityId: l('hồ sơ', 'record', true),
  // users, API keys
  role: l('vai trò', 'role', true),
  disabled: l('khoá tài khoản', 'disabled'),
  unlock: l('mở khoá', 'unlock'),
  method: l('cách đặt lại mật khẩu', 'reset method', true),
  expiresAt: l('ngày hết hạn', 'expiry date'),
};

/** The first segment of the route after `/api/` → field → label, where a route means something of its own. */
export const byRoute: Record<string, Record<string, FieldLabel>> = {
  products: { name: l('tên sản phẩm', 'product name'), unit: l('đơn vị tính', 'unit') },
  organisations: {
    name: l('tên tổ chức, cơ sở', 'organisation name'),
    kind: l('loại giấy chứng nhận', 'certificate kind', true),
  },
  registrations: { name: l('tên', 'name'), type: l('loại hình', 'type', true) },
  locations: { name: l('tên địa điểm', 'location name'), type: l('loại địa điểm', 'location type', true) },
  lots: { status: l('tình trạng lô', 'lot status', true) },
  catalogues: {
    kind: l('loại danh mục', 'kind of list', true),
    category: l('nhóm ưu tiên', 'priority category', true),
    title: l('tên danh mục', 'list title'),
    decisionNumber: l('số quyết định', 'decision number'),
    decisionDate: l('ngày quyết định', 'decision date'),
    signer: l('người ký', 'signer'),
    fileId: l('tệp quyết định', 'decision file'),
    effectiveFrom: l('ngày có hiệu lực', 'effective from'),
    effectiveTo: l('ngày hết hiệu lực', 'effective to'),
    items: l('các dòng sản phẩm', 'items'),
    match: l('cách đối chiếu', 'match by', true),
    value: l('nhóm, mã GTIN hoặc tên sản phẩm', 'product group, GTIN or name'),
    note: l('ghi chú', 'note'),
    decision: l('quyết định', 'decision', true),
    reason: l('lý do', 'reason'),
  },
  stamps: {
    gtin: l('sản phẩm', 'product', true),
    quantity: l('số lượng tem', 'number of stamps'),
    kind: l('loại tem', 'stamp kind', true),
  },
  diary: {
    kind: l('loại công việc', 'kind of work', true),
    gtin: l('sản phẩm', 'product', true),
    locationId: l('vùng trồng / chuồng trại', 'plot or barn', true),
  },
  // the stage form picks goods from a list of products and lots
  stages: {
    gtin: l('sản phẩm', 'product', true),
    name: l('tên bên ngoài hệ thống', 'name outside the system'),
  },
  users: { name: l('họ và tên', 'full name'), organisationId: l('tổ chức', 'organisation', true) },
  'api-keys': { name: l('tên khoá', 'key name') },
};
