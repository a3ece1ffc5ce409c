import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  Drawer,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import type { Location } from '../../api/types.ts';
import { OrganisationPicker, ownOrganisation } from '../../components/acting-organisation.tsx';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import type { Page } from '../../components/list-state.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { OfflinePanel, useSyncStatus, WaitingEntries } from '../../offline/OfflinePanel.tsx';
import type { OutboxItem } from '../../offline/outbox.ts';
import { DiaryEntryForm } from './DiaryEntryForm.tsx';
import { type DiaryKind, diaryKinds, kindIcons } from './diary-kinds.ts';

interface DiaryEntry {
  id: string;
  entryDate: string;
  kind: DiaryKind;
  inputName: string | null;
  activeIngredient: string | null;
  dose: string | null;
  withdrawalUntil: string | null;
  quantity: number | null;
  unit: string | null;
  lot: { gtin: string; lot: string } | null;
  note: string | null;
  photos: { id: string; url: string; thumbnailUrl: string }[];
}

const thisSeason = () => `${new Date().getFullYear()}`;

/** The production diary, made for a phone in the field: pick the plot once, then one tap per kind of work. */
export function DiaryPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const phone = useMediaQuery('(max-width: 48em)');
  const [organisationId, setOrganisationId] = useState(ownOrganisation(me) ?? '');
  const [locationId, setLocationId] = useLocalStorage({ key: 'txng.diary.location', defaultValue: '' });
  const [season, setSeason] = useLocalStorage({ key: 'txng.diary.season', defaultValue: thisSeason() });
  const [kind, setKind] = useState<DiaryKind | null>(null);
  // an entry kept on the phone that the server refused, opened in the form to be fixed
  const [fixing, setFixing] = useState<OutboxItem | null>(null);
  const waitingHere = useSyncStatus().pending.some(
    (i) => i.kind === 'diary' && i.body.locationId === locationId,
  );
  const entries = useGet<Page<DiaryEntry>>(locationId ? '/api/diary' : null, {
    locationId,
    season: season || undefined,
    pageSize: 50,
  });
  const today = new Date().toISOString().slice(0, 10);
  const withdrawing = (entries.data?.items ?? []).filter(
    (e) => e.withdrawalUntil && e.withdrawalUntil >= today,
  );

  return (
    <Stack maw={720} mx="auto">
      <Title order={1} size="h2">
        {t('nav.diary')}
      </Title>
      <OfflinePanel kind="diary" onFix={setFixing} />
      <OrganisationPicker value={organisationId} onChange={setOrganisationId} />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <EntitySelect<Location>
          label={t('diary.plot')}
          required
          path="/api/locations"
          query={{ organisationId: organisationId || undefined }}
          option={(l) => ({ value: l.id, label: l.name })}
          value={locationId}
          onChange={setLocationId}
        />
        <TextInput
          label={t('diary.season')}
          description={t('diary.seasonHint')}
          value={season}
          onChange={(e) => setSeason(e.currentTarget.value)}
        />
      </SimpleGrid>

      {locationId ? (
        <>
          {withdrawing.map((e) => (
            <Alert
              key={e.id}
              color="orange"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('diary.withdrawalActive')}
            >
              {t('diary.withdrawalUntil', {
                name: e.inputName ?? t(`diary.kind.${e.kind}`),
                date: formatDate(e.withdrawalUntil),
              })}
            </Alert>
          ))}
          <Text fw={600}>{t('diary.record')}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {diaryKinds.map((k) => {
              const Icon = kindIcons[k];
              return (
                <Button
                  key={k}
                  variant="light"
                  h={88}
                  onClick={() => setKind(k)}
                  styles={{
                    label: { flexDirection: 'column', gap: 6, whiteSpace: 'normal', textAlign: 'center' },
                  }}
                >
                  <Icon size={28} aria-hidden />
                  {t(`diary.kind.${k}`)}
                </Button>
              );
            })}
          </SimpleGrid>
          <Title order={2} size="h4" mt="md">
            {t('diary.entries')}
          </Title>
          <WaitingEntries
            kind="diary"
            where={(item) => item.body.locationId === locationId}
            render={(item) => [item.body.inputName, item.body.note].filter(Boolean).join(' · ')}
          />
          {entries.isPending ? (
            <Center>
              <Loader aria-label={t('common.loading')} />
            </Center>
          ) : entries.error ? (
            <ProblemAlert error={entries.error} />
          ) : entries.data?.items.length ? (
            entries.data.items.map((e) => (
              <Card key={e.id} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600}>{t(`diary.kind.${e.kind}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {formatDate(e.entryDate)}
                  </Text>
                </Group>
                <Text size="sm">
                  {[
                    e.inputName,
                    e.activeIngredient,
                    e.dose,
                    e.quantity !== null
                      ? `${formatNumber(e.quantity)} ${e.unit ? t(`unit.${e.unit}`) : ''}`
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {e.lot ? <Badge variant="light">{`${e.lot.gtin} / ${e.lot.lot}`}</Badge> : null}
                {e.note ? (
                  <Text size="sm" c="dimmed">
                    {e.note}
                  </Text>
                ) : null}
                {e.photos.length ? (
                  <Group gap={6} mt={6}>
                    {e.photos.map((p) => (
                      <img
                        key={p.id}
                        src={p.thumbnailUrl}
                        alt=""
                        width={56}
                        height={56}
                        style={{ objectFit: 'cover', borderRadius: 4 }}
                      />
                    ))}
                  </Group>
                ) : null}
              </Card>
            ))
          ) : waitingHere ? null : (
            <Text c="dimmed">{t('diary.empty')}</Text>
          )}
        </>
      ) : (
        <Text c="dimmed">{t('diary.pickPlot')}</Text>
      )}

      <Drawer
        opened={kind !== null || fixing !== null}
        onClose={() => {
          setKind(null);
          setFixing(null);
        }}
        position={phone ? 'bottom' : 'right'}
        size={phone ? '100%' : 'md'}
        title={fixing ? fixing.label : kind ? t(`diary.kind.${kind}`) : ''}
      >
        {fixing ? (
          <DiaryEntryForm
            key={fixing.id}
            kind={fixing.body.kind as DiaryKind}
            organisationId={fixing.organisationId ?? ''}
            locationId={String(fixing.body.locationId)}
            season={String(fixing.body.season)}
            initial={fixing}
            onDone={() => setFixing(null)}
          />
        ) : kind ? (
          <DiaryEntryForm
            kind={kind}
            organisationId={organisationId}
            locationId={locationId}
            season={season}
            onDone={() => setKind(null)}
          />
        ) : null}
      </Drawer>
    </Stack>
  );
}
