/**
 * The visit checklist as the back office shows it: the same codes and words as the server's
 * (src/inspections/checklist.ts; inspections.test.ts checks they match).
 */
export const checklist = [
  { code: 'principle.one_step', vi: 'Nguyên tắc: truy xuất một bước trước – một bước sau' },
  { code: 'principle.key_data', vi: 'Nguyên tắc: dữ liệu chính luôn sẵn có' },
  { code: 'principle.transparency', vi: 'Nguyên tắc: minh bạch' },
  { code: 'principle.participation', vi: 'Nguyên tắc: mọi bên tham gia' },
  { code: 'item.product_name', vi: 'Dữ liệu 1: tên sản phẩm' },
  { code: 'item.product_image', vi: 'Dữ liệu 2: hình ảnh sản phẩm' },
  { code: 'item.producer_name', vi: 'Dữ liệu 3: tên cơ sở sản xuất, kinh doanh' },
  { code: 'item.producer_address', vi: 'Dữ liệu 4: địa chỉ cơ sở sản xuất, kinh doanh' },
  {
    code: 'item.stages',
    vi: 'Dữ liệu 5: các công đoạn (mã truy vết sản phẩm, mã truy vết địa điểm, thời gian của sự kiện)',
  },
  { code: 'item.event_time', vi: 'Dữ liệu 6: thời gian sự kiện sản xuất, kinh doanh' },
  { code: 'item.trace_code', vi: 'Dữ liệu 7: mã truy vết' },
  { code: 'item.brand', vi: 'Dữ liệu 8: nhãn hiệu, thương hiệu, mã kiểu, số sê-ri (nếu có)' },
  { code: 'item.shelf_life', vi: 'Dữ liệu 9: hạn sử dụng (nếu có)' },
  { code: 'item.standards', vi: 'Dữ liệu 10: tiêu chuẩn áp dụng (TCVN, QCVN, quốc tế, cơ sở)' },
  { code: 'stamp_use', vi: 'Sử dụng tem truy xuất nguồn gốc' },
  { code: 'labelling', vi: 'Ghi nhãn hàng hóa' },
  { code: 'conformity', vi: 'Công bố hợp chuẩn, hợp quy' },
] as const;
