import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Group,
  Loader,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { type Me, useMe } from '../../api/session.ts';
import type { Location, Lot, OrganisationDetail } from '../../api/types.ts';
import { Details } from '../../components/Details.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { LotSensors } from '../sensors/LotSensors.tsx';
import { LotTrace } from './LotTrace.tsx';
import { RecallSheet } from './RecallSheet.tsx';
import './words.ts';

const organisationRoles = ['org_owner', 'org_staff', 'api_client'];

/** The server's rule (registry.policy.ts): the lot's organisation, the admin and inspectors recall. */
const mayRecall = (me: Me, lot: Lot) =>
  me.role === 'dost_admin' ||
  me.role === 'inspector' ||
  (organisationRoles.includes(me.role) && me.organisationIds.includes(lot.organisationId));
/** Lifting a recall: inspectors and the admin only. */
const mayLift = (me: Me) => me.role === 'dost_admin' || me.role === 'inspector';

export function LotPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const { id } = useParams({ strict: false }) as { id: string };
  const lot = useGet<Lot>(`/api/lots/${id}`);
  const organisation = useGet<OrganisationDetail>(
    lot.data ? `/api/organisations/${lot.data.organisationId}` : null,
  );
  const location = useGet<Location>(lot.data?.locationId ? `/api/locations/${lot.data.locationId}` : null);
  const [change, setChange] = useState<'recalled' | 'active' | null>(null);
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const form = useForm({
    initialValues: { note: '' },
    validate: { note: (v) => (v.trim().length ? null : t('lotPage.reasonRequired')) },
  });
  const send = useSend('PUT', `/api/lots/${id}/status`, {
    invalidate: ['/api/lots', '/api/trace'],
    success: change === 'recalled' ? 'lotPage.recalledNotice' : 'common.saved',
  });

  if (lot.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (lot.error) return <ProblemAlert error={lot.error} />;
  const l = lot.data;
  const open = (status: 'recalled' | 'active') => {
    form.reset();
    setProblem(null);
    setChange(status);
  };
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await send.mutateAsync({ status: change, note: values.note.trim() });
      setChange(null);
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });
  const canRecall = mayRecall(me, l) && l.status !== 'recalled' && l.status !== 'destroyed';
  const canLift = mayLift(me) && l.status === 'recalled';

  return (
    <Stack>
      <PageHeader
        title={`${l.productName} — ${t('lot.lot')} ${l.lot}`}
        actions={
          <>
            <StatusBadge status={l.status} />
            {canRecall ? (
              <Button
                color="red"
                leftSection={<IconAlertTriangle size={16} aria-hidden />}
                onClick={() => open('recalled')}
              >
                {t('lotPage.recall')}
              </Button>
            ) : null}
            {canLift ? (
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => open('active')}
              >
                {t('lotPage.liftRecall')}
              </Button>
            ) : null}
          </>
        }
      />
      {l.status === 'recalled' || l.status === 'on_hold' ? (
        <Alert
          color={l.status === 'recalled' ? 'red' : 'orange'}
          icon={<IconAlertTriangle size={18} aria-hidden />}
        >
          <Text size="sm" fw={600}>
            {t(`lotPage.statusBanner.${l.status}`)}
          </Text>
          {l.statusChange ? (
            <Text size="sm">
              {t('lotPage.statusBy', {
                note: l.statusChange.note ?? t('lotPage.noReason'),
                at: formatDateTime(l.statusChange.at),
                by: l.statusChange.byName ?? '—',
              })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      <Card withBorder>
        <Details
          items={[
            [t('lot.product'), `${l.productName} (GTIN ${l.gtin})`],
            [t('lot.lot'), l.lot],
            [
              t('lot.quantity'),
              l.quantity === null
                ? null
                : `${formatNumber(l.quantity)} ${l.unit ? t(`unit.${l.unit}`, { defaultValue: l.unit }) : ''}`,
            ],
            [t('lot.productionDate'), formatDate(l.productionDate)],
            [t('lot.expiryDate'), formatDate(l.expiryDate)],
            [
              t('lot.status'),
              <Group gap={6} component="span" key="status">
                <StatusBadge status={l.status} />
                {l.statusChange?.note ? (
                  <Text span size="sm">
                    {l.statusChange.note}
                  </Text>
                ) : null}
              </Group>,
            ],
            [
              t('lotPage.producer'),
              organisation.data ? (
                <Anchor key="producer" component={Link} to={`/organisations/${organisation.data.id}`}>
                  {organisation.data.name}
                </Anchor>
              ) : null,
            ],
            [t('lot.location'), location.data ? location.data.name : null],
          ]}
        />
      </Card>
      <Title order={3} size="h4">
        {t('lotPage.trace')}
      </Title>
      <LotTrace lot={l} />
      <LotSensors lotId={l.id} />
      <Title order={3} size="h4">
        {t('lotPage.recallSheet')}
      </Title>
      <RecallSheet lot={l} />
      <FormModal
        title={
          change === 'recalled'
            ? t('lotPage.recallTitle', { lot: l.lot })
            : t('lotPage.liftTitle', { lot: l.lot })
        }
        opened={change !== null}
        onClose={() => setChange(null)}
        onSubmit={submit}
        problem={problem}
        submitting={send.isPending}
        submitLabel={change === 'recalled' ? t('lotPage.confirmRecall') : t('lotPage.confirmLift')}
        size="md"
      >
        <Text size="sm">{change === 'recalled' ? t('lotPage.recallWarning') : t('lotPage.liftWarning')}</Text>
        <Textarea
          label={t('lotPage.reason')}
          description={t('lotPage.reasonHint')}
          required
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps('note')}
        />
      </FormModal>
    </Stack>
  );
}
