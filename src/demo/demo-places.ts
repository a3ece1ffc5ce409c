import type { createLocation } from '../registry/index.ts';
import { type DemoOrganisationKey, demoGlns, demoGrowingAreaCodes } from './demo-data.ts';
import { commune } from './demo-organisations.ts';

export type LocationSeed = Omit<Parameters<typeof createLocation>[1], 'organisationId' | 'locationAi'> & {
  owner: DemoOrganisationKey;
  locationAi?: '414' | '416' | '417';
};

/** A square of about `hectares` around a point, as a GeoJSON polygon (longitude, latitude). */
function squareAround(lat: number, lng: number, hectares: number) {
  const half = Math.sqrt(hectares * 10_000) / 2 / 111_000;
  const ring: [number, number][] = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ].map(([x, y]) => [Number(x.toFixed(6)), Number(y.toFixed(6))] as [number, number]);
  return { type: 'Polygon' as const, coordinates: [ring] };
}

export const demoLocations: Record<string, LocationSeed> = {
  rambutanArea: {
    owner: 'rambutanCoop',
    name: 'Vùng trồng chôm chôm Bình Lộc',
    type: 'growing_area',
    locationAi: '416',
    gln: demoGlns.rambutanArea,
    growingAreaCode: demoGrowingAreaCodes.rambutan,
    communeCode: commune('Phường Bình Lộc'),
    streetAddress: 'Ấp Tân Hạnh',
    latitude: 10.9641,
    longitude: 107.2453,
    polygon: squareAround(10.9641, 107.2453, 25),
    areaHectares: 25,
  },
  durianArea: {
    owner: 'durianFarm',
    name: 'Vườn sầu riêng Ri6 Núi Tung',
    type: 'growing_area',
    locationAi: '416',
    gln: demoGlns.durianArea,
    growingAreaCode: demoGrowingAreaCodes.durian,
    communeCode: commune('Phường Hàng Gòn'),
    streetAddress: 'Ấp Núi Tung',
    latitude: 10.8987,
    longitude: 107.2291,
    polygon: squareAround(10.8987, 107.2291, 4.2),
    areaHectares: 4.2,
  },
  packingHouse: {
    owner: 'packer',
    name: 'Cơ sở sơ chế, đóng gói Xuân Lộc',
    type: 'packing_house',
    gln: demoGlns.packingHouse,
    communeCode: commune('Xã Xuân Lộc'),
    streetAddress: 'Quốc lộ 1A, ấp Bình Hòa',
    latitude: 10.9306,
    longitude: 107.4093,
  },
  exporterWarehouse: {
    owner: 'exporter',
    name: 'Kho lạnh Đồng Xanh - KCN Biên Hòa 2',
    type: 'warehouse',
    gln: demoGlns.exporterWarehouse,
    communeCode: commune('Phường Trấn Biên'),
    streetAddress: 'KCN Biên Hòa 2, đường số 3',
    latitude: 10.9287,
    longitude: 106.8532,
  },
  supermarketStore: {
    owner: 'supermarket',
    name: 'Siêu thị Hợp Phát Biên Hòa',
    type: 'shop',
    gln: demoGlns.supermarketStore,
    communeCode: commune('Phường Biên Hòa'),
    streetAddress: '121 đường Phạm Văn Thuận',
    latitude: 10.9536,
    longitude: 106.8351,
  },
  pigBarn: {
    owner: 'pigFarm',
    name: 'Trại heo thịt Thống Nhất Phát - chuồng số 2',
    type: 'barn',
    locationAi: '416',
    gln: demoGlns.pigBarn,
    communeCode: commune('Xã Dầu Giây'),
    latitude: 10.9442,
    longitude: 107.1416,
    areaHectares: 3,
  },
  slaughterLine: {
    owner: 'slaughterhouse',
    name: 'Nhà máy giết mổ Trảng Bom',
    type: 'slaughterhouse',
    gln: demoGlns.slaughterLine,
    communeCode: commune('Xã Trảng Bom'),
    streetAddress: 'KCN Bàu Xéo',
    latitude: 10.9478,
    longitude: 107.0203,
  },
  marketStallPlace: {
    owner: 'marketStall',
    name: 'Sạp thịt số 42, chợ Biên Hòa',
    type: 'market',
    gln: demoGlns.marketStallPlace,
    communeCode: commune('Phường Biên Hòa'),
    latitude: 10.9469,
    longitude: 106.8166,
  },
  cashewWorkshop: {
    owner: 'cashewCoop',
    name: 'Xưởng chế biến điều HTX Bù Đăng',
    type: 'workshop',
    gln: demoGlns.cashewWorkshop,
    communeCode: commune('Xã Bù Đăng'),
    streetAddress: 'Thôn 4',
    latitude: 11.8166,
    longitude: 107.2333,
  },
};
