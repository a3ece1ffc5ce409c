import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Location, locationAis, locationTypes } from '../../api/types.ts';
import { OrganisationPicker } from '../../components/acting-organisation.tsx';
import { CommuneSelect } from '../../components/CommuneSelect.tsx';
import { GeoEditor, type LngLat, lngLat } from '../../components/GeoMap.tsx';
import { compact, enumOptions } from '../../components/options.ts';
import { ApprovalNeedsSummary, useApprovalNeeds } from '../review/ApprovalNeeds.tsx';

export const emptyLocation = {
  organisationId: '',
  name: '',
  gln: '',
  locationAi: '414',
  type: 'farm',
  growingAreaCode: '',
  communeCode: '',
  streetAddress: '',
  latitude: '' as number | string,
  longitude: '' as number | string,
  areaHectares: '' as number | string,
  shape: 'point' as 'point' | 'polygon',
  polygon: [] as LngLat[],
};
export type LocationValues = typeof emptyLocation;

export function locationValues(l: Location): LocationValues {
  const ring = l.polygon?.type === 'Polygon' ? l.polygon.coordinates[0] : l.polygon?.coordinates[0]?.[0];
  return {
    organisationId: l.organisationId,
    name: l.name,
    gln: l.gln ?? '',
    locationAi: l.locationAi,
    type: l.type ?? '',
    growingAreaCode: l.growingAreaCode ?? '',
    communeCode: l.communeCode ?? '',
    streetAddress: l.streetAddress ?? '',
    latitude: l.latitude ?? '',
    longitude: l.longitude ?? '',
    areaHectares: l.areaHectares ?? '',
    shape: ring ? 'polygon' : 'point',
    // The stored ring repeats its first vertex; the editor works with the open list of vertices.
    polygon: ring ? ring.slice(0, -1).map(lngLat) : [],
  };
}

/** The API body: a closed GeoJSON ring once three vertices are drawn; numbers as numbers. */
export function locationBody(v: LocationValues, creating: boolean) {
  const { shape: _shape, polygon, latitude, longitude, areaHectares, organisationId, ...rest } = v;
  const num = (x: number | string) => (x === '' ? undefined : Number(x));
  return {
    ...compact(rest),
    ...(creating ? { organisationId } : {}),
    latitude: num(latitude),
    longitude: num(longitude),
    areaHectares: num(areaHectares),
    polygon: polygon.length >= 3 ? { type: 'Polygon', coordinates: [[...polygon, polygon[0]]] } : undefined,
  };
}

export function LocationForm({
  form,
  creating,
}: {
  form: UseFormReturnType<LocationValues>;
  creating: boolean;
}) {
  const { t } = useTranslation();
  const v = form.values;
  const { needs, mark } = useApprovalNeeds('location', v);
  const point: LngLat | null =
    v.latitude !== '' && v.longitude !== '' ? [Number(v.longitude), Number(v.latitude)] : null;
  return (
    <Stack>
      {creating ? (
        <OrganisationPicker
          value={v.organisationId}
          onChange={(id) => form.setFieldValue('organisationId', id)}
          error={form.errors.organisationId}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('location.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('location.type')}
          required
          allowDeselect={false}
          data={enumOptions(t, 'locationType', locationTypes)}
          {...form.getInputProps('type')}
        />
        <TextInput
          label={t('location.gln')}
          description={t('location.glnHint')}
          inputMode="numeric"
          {...form.getInputProps('gln')}
        />
        <Select
          label={t('location.locationAi')}
          allowDeselect={false}
          data={enumOptions(t, 'locationAi', locationAis)}
          {...form.getInputProps('locationAi')}
        />
        {v.type === 'growing_area' || v.type === 'farm' ? (
          <TextInput label={t('location.growingAreaCode')} {...form.getInputProps('growingAreaCode')} />
        ) : null}
        <CommuneSelect
          label={mark(t('organisation.commune'), 'communeCode')}
          {...form.getInputProps('communeCode')}
        />
        <TextInput
          label={mark(t('organisation.streetAddress'), 'streetAddress')}
          {...form.getInputProps('streetAddress')}
        />
        <NumberInput
          label={t('location.areaHectares')}
          min={0}
          decimalScale={4}
          {...form.getInputProps('areaHectares')}
        />
      </SimpleGrid>
      <SegmentedControl
        aria-label={t('map.shape')}
        value={v.shape}
        onChange={(s) => form.setFieldValue('shape', s as 'point' | 'polygon')}
        data={[
          { value: 'point', label: t('map.point') },
          { value: 'polygon', label: t('map.polygon') },
        ]}
      />
      <GeoEditor
        label={t('map.label')}
        mode={v.shape}
        point={point}
        polygon={v.polygon}
        onPoint={(p) => {
          form.setFieldValue('longitude', p ? p[0] : '');
          form.setFieldValue('latitude', p ? p[1] : '');
        }}
        onPolygon={(p) => form.setFieldValue('polygon', p)}
      />
      <SimpleGrid cols={2}>
        <NumberInput
          label={mark(t('location.latitude'), 'latitude')}
          min={-90}
          max={90}
          decimalScale={6}
          {...form.getInputProps('latitude')}
        />
        <NumberInput
          label={t('location.longitude')}
          min={-180}
          max={180}
          decimalScale={6}
          {...form.getInputProps('longitude')}
        />
      </SimpleGrid>
      {v.shape === 'polygon' ? (
        <PolygonText value={v.polygon} onChange={(p) => form.setFieldValue('polygon', p)} />
      ) : null}
      <ApprovalNeedsSummary needs={needs} values={v} />
    </Stack>
  );
}

const formatVertices = (polygon: LngLat[]) => polygon.map(([lng, lat]) => `${lat}, ${lng}`).join('\n');

/** The polygon's corners as text, "latitude, longitude" per line: drawn on the map or typed, either way. */
function PolygonText({ value, onChange }: { value: LngLat[]; onChange(polygon: LngLat[]): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(formatVertices(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(formatVertices(value)), [value]);
  const commit = () => {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const points = lines.map((l) => l.split(/[,;\s]+/).map(Number));
    const ok = points.every(
      (p) => p.length === 2 && p.every(Number.isFinite) && Math.abs(p[0]) <= 90 && Math.abs(p[1]) <= 180,
    );
    setInvalid(!ok);
    if (ok) onChange(points.map(([lat, lng]) => [lng, lat] as LngLat));
  };
  return (
    <Textarea
      label={t('map.vertices')}
      description={t('map.verticesHint')}
      autosize
      minRows={3}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={commit}
      error={invalid ? t('map.verticesInvalid') : undefined}
    />
  );
}
