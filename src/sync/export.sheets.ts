import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { MasterData } from './export.masterdata.ts';
import { publicImageUrl } from './public-url.ts';

type Cell = string | number | null;
interface Column<T> {
  /** The CSV header: a stable name an upload tool maps. */
  key: string;
  /** The spreadsheet's header, for people. */
  vi: string;
  value: (row: T) => Cell;
}
interface Sheet<T> {
  /** The CSV file's name and the worksheet's. */
  name: string;
  title: string;
  columns: Column<T>[];
  rows: T[];
}

const list = (values: string[]) => values.join(';');
const col = <T>(key: string, vi: string, value: (row: T) => Cell): Column<T> => ({ key, vi, value });

type O = MasterData['organisations'][number];
type L = MasterData['locations'][number];
type P = MasterData['products'][number];
type Lot = MasterData['lots'][number];

/**
 * The four master-data tables of the package. Organisations carry what the portal activates a profile by (tax
 * code, GLN, address) and nothing about a person; images are the addresses the portal fetches them from.
 */
export function masterDataSheets(data: MasterData, ctx: { baseUrl: string; origin: string }) {
  const image = (raw: string) => {
    const url = publicImageUrl(raw, ctx.baseUrl);
    return url.ok ? url.url : raw;
  };
  const organisations: Sheet<O> = {
    name: 'organisations',
    title: 'Tổ chức',
    rows: data.organisations,
    columns: [
      col('id', 'Mã trong hệ thống tỉnh', (o) => o.id),
      col('name', 'Tên cơ sở sản xuất, kinh doanh', (o) => o.name),
      col('taxCode', 'Mã số thuế', (o) => o.taxCode),
      col('type', 'Loại hình', (o) => o.type),
      col('sector', 'Lĩnh vực', (o) => o.sector),
      col('glns', 'Mã địa điểm toàn cầu (GLN)', (o) => list(o.glns)),
      col('gs1CompanyPrefixes', 'Mã doanh nghiệp GS1', (o) => list(o.gs1CompanyPrefixes)),
      col('streetAddress', 'Địa chỉ', (o) => o.streetAddress),
      col('communeCode', 'Mã xã, phường', (o) => o.communeCode),
      col('communeName', 'Xã, phường', (o) => o.communeName),
    ],
  };
  const locations: Sheet<L> = {
    name: 'locations',
    title: 'Địa điểm',
    rows: data.locations,
    columns: [
      col('id', 'Mã trong hệ thống tỉnh', (l) => l.id),
      col('organisationId', 'Mã tổ chức', (l) => l.organisationId),
      col('name', 'Tên địa điểm', (l) => l.name),
      col('gln', 'Mã địa điểm toàn cầu (GLN)', (l) => l.gln),
      col('type', 'Loại địa điểm', (l) => l.type),
      col('growingAreaCode', 'Mã số vùng trồng', (l) => l.growingAreaCode),
      col('streetAddress', 'Địa chỉ', (l) => l.streetAddress),
      col('communeCode', 'Mã xã, phường', (l) => l.communeCode),
      col('communeName', 'Xã, phường', (l) => l.communeName),
      col('latitude', 'Vĩ độ', (l) => l.latitude),
      col('longitude', 'Kinh độ', (l) => l.longitude),
      col('areaHectares', 'Diện tích (ha)', (l) => l.areaHectares),
    ],
  };
  const products: Sheet<P> = {
    name: 'products',
    title: 'Sản phẩm',
    rows: data.products,
    columns: [
      col('id', 'Mã trong hệ thống tỉnh', (p) => p.id),
      col('organisationId', 'Mã tổ chức', (p) => p.organisationId),
      col('gtin', 'Mã GTIN', (p) => p.gtin),
      col('name', 'Tên sản phẩm', (p) => p.name),
      col('group', 'Nhóm sản phẩm', (p) => p.productGroup ?? p.sector),
      col('unit', 'Đơn vị tính', (p) => p.unit ?? p.netQuantityUnit),
      col('origin', 'Xuất xứ', () => ctx.origin),
      col('description', 'Mô tả', (p) => p.description),
      col('images', 'Ảnh sản phẩm', (p) => list(p.images.map(image))),
      col('netQuantity', 'Định lượng', (p) => p.netQuantity),
      col('netQuantityUnit', 'Đơn vị định lượng', (p) => p.netQuantityUnit),
      col('brand', 'Nhãn hiệu', (p) => p.brand),
      col('modelCode', 'Mã kiểu', (p) => p.modelCode),
      col('shelfLifeDays', 'Hạn sử dụng (ngày)', (p) => p.shelfLifeDays),
      col('appliedStandards', 'Tiêu chuẩn áp dụng', (p) => list(p.appliedStandards)),
    ],
  };
  const lots: Sheet<Lot> = {
    name: 'lots',
    title: 'Lô sản xuất',
    rows: data.lots,
    columns: [
      col('id', 'Mã trong hệ thống tỉnh', (l) => l.id),
      col('organisationId', 'Mã tổ chức', (l) => l.organisationId),
      col('gtin', 'Mã GTIN', (l) => l.gtin),
      col('productName', 'Tên sản phẩm', (l) => l.productName),
      col('lot', 'Số lô', (l) => l.lot),
      col('traceCode', 'Mã truy vết (Digital Link)', (l) => l.digitalLink),
      col('productionDate', 'Ngày sản xuất', (l) => l.productionDate),
      col('expiryDate', 'Hạn sử dụng', (l) => l.expiryDate),
      col('quantity', 'Số lượng', (l) => l.quantity),
      col('unit', 'Đơn vị', (l) => l.unit),
      col('status', 'Tình trạng', (l) => l.status),
    ],
  };
  return [organisations, locations, products, lots] as Sheet<unknown>[];
}

/** A sheet as CSV: UTF-8 with a byte-order mark, so a spreadsheet opens its Vietnamese right. */
export function sheetCsv(sheet: Sheet<unknown>): string {
  return stringify(
    sheet.rows.map((row) => sheet.columns.map((c) => c.value(row) ?? '')),
    { header: true, bom: true, columns: sheet.columns.map((c) => c.key) },
  );
}

/** Every sheet in one workbook, a worksheet each: the people's header on top, the CSV's names as cell notes. */
export async function sheetsXlsx(sheets: Sheet<unknown>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'TXNG';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.title);
    ws.columns = sheet.columns.map((c) => ({
      header: c.vi,
      key: c.key,
      width: Math.max(12, c.vi.length + 2),
    }));
    ws.getRow(1).font = { bold: true };
    sheet.columns.forEach((c, i) => {
      ws.getRow(1).getCell(i + 1).note = c.key;
    });
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => c.value(row)));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
