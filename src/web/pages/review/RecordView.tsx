import {
  Alert,
  Anchor,
  Badge,
  Box,
  Group,
  Image,
  List,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconFile, IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FeatureMap, type LngLat, lngLat } from '../../components/GeoMap.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { changedFields, formatField, recordFields } from './record-fields.ts';
import type { RecordFile, ReviewRecord } from './review-types.ts';

type Row = Record<string, unknown>;
const changedStyle = {
  background: 'var(--mantine-color-blue-0)',
  borderLeft: '3px solid var(--mantine-color-blue-6)',
  paddingLeft: 6,
};

/**
 * The whole record under review, read-only, beside the checks: every field in words, its images and files to open,
 * its place on the map; for an edit of a published record, what differs from the version the public sees.
 */
export function RecordView({ entityType, record }: { entityType: string; record: ReviewRecord | null }) {
  const { t } = useTranslation();
  if (!record)
    return (
      <Text size="sm" c="dimmed">
        {t('review.noRecord')}
      </Text>
    );
  const { current, published, files } = record;
  const specs = recordFields[entityType] ?? [];
  const changed = changedFields(specs, current, published);
  const imagesChanged =
    published !== null && JSON.stringify(current.images ?? []) !== JSON.stringify(published.images ?? []);
  return (
    <Stack gap="sm" data-testid="review-record">
      <Title order={3} size="h5">
        {t('review.recordTitle')}
      </Title>
      {published ? (
        <Alert color="blue" variant="light" p="xs">
          <Text size="sm">{t('review.recordChangedIntro')}</Text>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6} component="dl" m={0}>
        {specs.map((spec) => {
          const isChanged = changed.has(spec.key);
          return (
            <Box
              key={spec.key}
              style={isChanged ? changedStyle : undefined}
              data-changed={isChanged || undefined}
            >
              <Text component="dt" size="xs" c="dimmed" fw={600}>
                {t(spec.label)}
                {isChanged ? (
                  <Badge size="xs" color="blue" variant="light" ml={6} style={{ textTransform: 'none' }}>
                    {t('review.changed')}
                  </Badge>
                ) : null}
              </Text>
              <Text component="dd" m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {formatField(spec, current, t)}
              </Text>
              {isChanged && published ? (
                <Text size="xs" c="dimmed">
                  {t('review.was', { value: formatField(spec, published, t) })}
                </Text>
              ) : null}
            </Box>
          );
        })}
        {entityType === 'product' ? <OcopField current={current} /> : null}
      </SimpleGrid>
      {entityType === 'product' ? (
        <Box style={imagesChanged ? changedStyle : undefined}>
          <Text size="xs" c="dimmed" fw={600} mb={4}>
            {t('product.images')}
            {imagesChanged ? (
              <Badge size="xs" color="blue" variant="light" ml={6} style={{ textTransform: 'none' }}>
                {t('review.changed')}
              </Badge>
            ) : null}
          </Text>
          <Thumbnails urls={(current.images as string[] | undefined) ?? []} files={files} />
        </Box>
      ) : null}
      {entityType === 'organisation' ? <Certificates current={current} /> : null}
      {entityType === 'location' ? <PlaceOnMap current={current} /> : null}
      {files.length ? <FileList files={files} /> : null}
    </Stack>
  );
}

function OcopField({ current }: { current: Row }) {
  const { t } = useTranslation();
  const ocop = current.ocop as { stars: number; decision: string; validUntil: string } | null;
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {t('review.ocop')}
      </Text>
      <Text component="dd" m={0} size="sm">
        {ocop
          ? t('review.ocopValue', {
              stars: ocop.stars,
              decision: ocop.decision,
              until: formatDate(ocop.validUntil),
            })
          : '—'}
      </Text>
    </div>
  );
}

/** Thumbnails that open the image larger; a stored image shows its small version first. */
function Thumbnails({ urls, files }: { urls: string[]; files: RecordFile[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  if (!urls.length)
    return (
      <Text size="sm" c="dimmed">
        {t('review.noImages')}
      </Text>
    );
  const stored = (url: string) => files.find((f) => url.includes(f.id));
  return (
    <>
      <Group gap="xs">
        {urls.map((url, i) => {
          const name = stored(url)?.originalName ?? t('review.imageN', { n: i + 1 });
          return (
            <UnstyledButton
              key={url}
              onClick={() => setOpen(url)}
              aria-label={t('review.openImage', { name })}
              data-testid="record-thumbnail"
            >
              <Image
                src={stored(url)?.thumbnailUrl ?? url}
                alt=""
                w={88}
                h={88}
                radius="sm"
                fit="cover"
                style={{ border: '1px solid var(--mantine-color-gray-3)' }}
              />
            </UnstyledButton>
          );
        })}
      </Group>
      <Modal opened={open !== null} onClose={() => setOpen(null)} size="xl" title={t('product.images')}>
        {open ? <Image src={open} alt={stored(open)?.originalName ?? ''} fit="contain" mah="75vh" /> : null}
      </Modal>
    </>
  );
}

function Certificates({ current }: { current: Row }) {
  const { t } = useTranslation();
  const certificates =
    (current.certificates as
      | {
          id: string;
          kind: string;
          number: string;
          issuer: string | null;
          validFrom: string | null;
          validTo: string | null;
          fileUrl: string | null;
        }[]
      | undefined) ?? [];
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} mb={4}>
        {t('review.certificates')}
      </Text>
      {certificates.length ? (
        <List size="sm" spacing={4}>
          {certificates.map((c) => (
            <List.Item key={c.id}>
              {t(`certificateKind.${c.kind}`, { defaultValue: c.kind })} {c.number}
              {c.issuer ? ` — ${c.issuer}` : ''} ({formatDate(c.validFrom)} – {formatDate(c.validTo)})
              {c.fileUrl ? (
                <>
                  {' '}
                  <Anchor href={c.fileUrl} target="_blank" rel="noopener">
                    {t('common.open')}
                  </Anchor>
                </>
              ) : null}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('certificate.empty')}
        </Text>
      )}
    </div>
  );
}

function PlaceOnMap({ current }: { current: Row }) {
  const { t } = useTranslation();
  const lat = current.latitude as number | null;
  const lng = current.longitude as number | null;
  const polygon = current.polygon as { type: string; coordinates: number[][][] | number[][][][] } | null;
  const rings: LngLat[][] | null = polygon
    ? (polygon.type === 'Polygon'
        ? (polygon.coordinates as number[][][])
        : (polygon.coordinates as number[][][][]).flat(1)
      ).map((ring) => ring.map(lngLat))
    : null;
  if ((lat === null || lng === null) && !rings) return null;
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} mb={4}>
        {t('review.mapPoint')}
      </Text>
      <FeatureMap
        label={t('review.mapPoint')}
        features={[
          {
            id: String(current.id),
            label: String(current.name),
            point: lat !== null && lng !== null ? [lng, lat] : null,
            polygon: rings,
          },
        ]}
      />
    </div>
  );
}

function FileList({ files }: { files: RecordFile[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} mb={4}>
        {t('review.files')}
      </Text>
      <List size="sm" spacing={4} data-testid="record-files">
        {files.map((f) => (
          <List.Item
            key={f.id}
            icon={
              f.kind === 'image' ? <IconPhoto size={16} aria-hidden /> : <IconFile size={16} aria-hidden />
            }
          >
            <Anchor href={f.url} target="_blank" rel="noopener">
              {f.originalName ?? t(`review.imageN`, { n: files.indexOf(f) + 1 })}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              {t('review.bytes', { size: formatNumber(Math.max(1, Math.round(f.byteSize / 1024))) })}
            </Text>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
