import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import type { Me } from '../../api/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import { mayDecide, mayPropose } from './catalogue-policy.ts';
import './words.ts';

/**
 * Issuing a list through the page (issue 12 §1): a sector's officer (or the admin) opens a list and drafts its
 * versions, commune officers propose versions too; a draft is submitted, and the department's reviewer, the admin or
 * the sector's own officer approves it (issued, in force from its date) or returns it with a reason. The same rules
 * as the server's (src/catalogues/catalogues.policy.ts): a button shows only to whom the server would let act.
 */

const sectors = ['agriculture', 'industry_trade', 'health', 'other'];
const categories = ['key', 'specialty', 'ocop', 'geographical_indication', 'export', 'high_risk'];
const matchKinds = ['product_group', 'name', 'gtin'] as const;

/** "Lập danh mục": a new list of the officer's own sector (the admin picks the sector). */
export function NewListButton({ me, onCreated }: { me: Me; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [sector, setSector] = useState<string | null>(me.role === 'sector_officer' ? me.sector : null);
  const [kind, setKind] = useState<string | null>('mandatory');
  const [category, setCategory] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const send = useSend<object, { id: string }>('POST', '/api/catalogues/lists', {
    invalidate: ['/api/catalogues'],
    success: 'catalogue.listCreated',
  });
  const close = () => {
    setOpen(false);
    send.reset();
  };
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('catalogue.newList')}
      </Button>
      <Modal opened={open} onClose={close} title={t('catalogue.newList')}>
        <Stack>
          <ProblemAlert error={send.error} />
          <Select
            label={t('organisation.sector')}
            required
            data={sectors.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
            value={sector}
            onChange={setSector}
            disabled={me.role === 'sector_officer'}
          />
          <Select
            label={t('catalogue.kind')}
            required
            allowDeselect={false}
            data={['mandatory', 'priority'].map((k) => ({ value: k, label: t(`catalogueKind.${k}`) }))}
            value={kind}
            onChange={setKind}
          />
          {kind === 'priority' ? (
            <Select
              label={t('catalogue.category')}
              required
              data={categories.map((c) => ({ value: c, label: t(`catalogueCategory.${c}`) }))}
              value={category}
              onChange={setCategory}
            />
          ) : null}
          <TextInput
            label={t('catalogue.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={send.isPending}
              onClick={() =>
                send.mutate(
                  {
                    sector: sector ?? undefined,
                    kind,
                    title,
                    category: kind === 'priority' ? (category ?? undefined) : undefined,
                  },
                  {
                    onSuccess: (list) => {
                      close();
                      setTitle('');
                      onCreated(list.id);
                    },
                  },
                )
              }
            >
              {t('catalogue.createList')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

interface Item {
  match: string;
  value: string;
}
interface VersionDetail {
  number: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  signer: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  reviewNote: string | null;
  items: Item[];
}

/** "Soạn phiên bản mới": the decision that issues it and the products it names (copied from the latest version). */
export function NewVersionButton({ listId, latestId }: { listId: string; latestId: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('catalogue.newVersion')}
      </Button>
      {open ? <VersionForm listId={listId} latestId={latestId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** "Sửa": a draft or a returned version, with the reviewer's reason for returning it. */
function EditVersionButton({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('catalogue.edit')}
      </Button>
      {open ? <VersionForm latestId={versionId} editing onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function VersionForm({
  listId,
  latestId,
  editing = false,
  onClose,
}: {
  listId?: string;
  latestId: string | null;
  editing?: boolean;
  onClose(): void;
}) {
  const latest = useGet<VersionDetail>(latestId ? `/api/catalogues/versions/${latestId}` : null);
  if (latestId && !latest.data && !latest.error) return null;
  return (
    <VersionFields
      path={editing ? `/api/catalogues/versions/${latestId}` : `/api/catalogues/lists/${listId}/versions`}
      editing={editing}
      from={latest.data ?? null}
      onClose={onClose}
    />
  );
}

function VersionFields({
  path,
  editing,
  from,
  onClose,
}: {
  path: string;
  editing: boolean;
  from: VersionDetail | null;
  onClose(): void;
}) {
  const { t } = useTranslation();
  // a new version copies the latest one's signer and lines; an edited one starts from all it has
  const kept = (v: string | null | undefined) => (editing ? (v ?? '') : '');
  const [decisionNumber, setDecisionNumber] = useState(kept(from?.decisionNumber));
  const [decisionDate, setDecisionDate] = useState(kept(from?.decisionDate));
  const [signer, setSigner] = useState(from?.signer ?? '');
  const [effectiveFrom, setEffectiveFrom] = useState(kept(from?.effectiveFrom));
  const [effectiveTo, setEffectiveTo] = useState(kept(from?.effectiveTo));
  const [items, setItems] = useState<Item[]>(
    from?.items.length
      ? from.items.map((i) => ({ match: i.match, value: i.value }))
      : [{ match: 'name', value: '' }],
  );
  const send = useSend<object>(editing ? 'PUT' : 'POST', path, {
    invalidate: ['/api/catalogues'],
    success: 'catalogue.versionSaved',
  });
  const setItem = (i: number, change: Partial<Item>) =>
    setItems(items.map((item, j) => (j === i ? { ...item, ...change } : item)));
  const save = () =>
    send.mutate(
      {
        decisionNumber: decisionNumber || undefined,
        decisionDate: decisionDate || undefined,
        signer: signer || undefined,
        effectiveFrom: effectiveFrom || undefined,
        effectiveTo: effectiveTo || undefined,
        items: items.filter((i) => i.value.trim()),
      },
      { onSuccess: onClose },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? t('catalogue.editVersion', { number: from?.number }) : t('catalogue.newVersion')}
      size="lg"
    >
      <Stack>
        <ProblemAlert error={send.error} />
        {editing && from?.reviewNote ? (
          <Alert color="orange" variant="light" title={t('catalogue.returnedBecause')}>
            {from.reviewNote}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('catalogue.decisionNumber')}
            value={decisionNumber}
            onChange={(e) => setDecisionNumber(e.currentTarget.value)}
          />
          <DateField label={t('catalogue.decisionDate')} value={decisionDate} onChange={setDecisionDate} />
          <TextInput
            label={t('catalogue.signer')}
            value={signer}
            onChange={(e) => setSigner(e.currentTarget.value)}
          />
          <div />
          <DateField label={t('catalogue.effectiveFrom')} value={effectiveFrom} onChange={setEffectiveFrom} />
          <DateField label={t('catalogue.effectiveTo')} value={effectiveTo} onChange={setEffectiveTo} />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          {t('catalogue.items')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('catalogue.itemsHint')}
        </Text>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <Group key={i} align="flex-end" wrap="nowrap">
            <Select
              label={t('catalogue.match')}
              allowDeselect={false}
              data={matchKinds.map((m) => ({ value: m, label: t(`catalogueMatch.${m}`) }))}
              value={item.match}
              onChange={(v) => v && setItem(i, { match: v })}
              w={200}
            />
            <TextInput
              label={t('catalogue.value')}
              value={item.value}
              onChange={(e) => setItem(i, { value: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('catalogue.removeItem')}
              onClick={() => setItems(items.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <div>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setItems([...items, { match: 'name', value: '' }])}
          >
            {t('catalogue.addItem')}
          </Button>
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={send.isPending} onClick={save}>
            {t('catalogue.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Decision = 'submit' | 'approve' | 'return';

/** A version's next step, for whom may take it: submit a draft; approve or return a submitted version. */
export function VersionActions({
  me,
  sector,
  version,
}: {
  me: Me;
  sector: string;
  version: { id: string; number: string; state: string; effectiveFrom: string | null };
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const send = useSend<Decision>(
    'POST',
    (d) =>
      d === 'submit'
        ? `/api/catalogues/versions/${version.id}/submit`
        : `/api/catalogues/versions/${version.id}/decision`,
    {
      invalidate: ['/api/catalogues'],
      success: `catalogue.done.${asking ?? 'submit'}`,
      body: (d) => (d === 'submit' ? {} : { decision: d, reason: reason.trim() || undefined }),
    },
  );
  const steps: Decision[] = [];
  if ((version.state === 'draft' || version.state === 'returned') && mayPropose(me, sector))
    steps.push('submit');
  if (version.state === 'submitted' && mayDecide(me, sector)) steps.push('approve', 'return');
  const editable = (version.state === 'draft' || version.state === 'returned') && mayPropose(me, sector);
  if (steps.length === 0) return null;
  const close = () => {
    setAsking(null);
    setReason('');
    send.reset();
  };
  return (
    <>
      <Group gap="xs">
        {editable ? <EditVersionButton versionId={version.id} /> : null}
        {steps.map((s) => (
          <Button
            key={s}
            size="xs"
            variant={s === 'return' ? 'default' : 'light'}
            onClick={() => {
              send.reset();
              setAsking(s);
            }}
          >
            {t(`catalogue.step.${s}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={asking !== null}
        onClose={close}
        title={asking ? t(`catalogue.confirm.${asking}`, { number: version.number }) : ''}
      >
        <Stack>
          <ProblemAlert error={send.error} />
          {asking === 'approve' ? (
            <Alert color="orange" variant="light">
              {t('catalogue.approveNote', {
                date: version.effectiveFrom ? formatDate(version.effectiveFrom) : '—',
              })}
            </Alert>
          ) : null}
          {asking === 'return' ? (
            <Textarea
              label={t('catalogue.returnReason')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={send.isPending}
              disabled={asking === 'return' && !reason.trim()}
              onClick={() => asking && send.mutate(asking, { onSuccess: close })}
            >
              {asking ? t(`catalogue.step.${asking}`) : ''}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
