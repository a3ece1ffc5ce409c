import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { RemoveRowButton, VndInput } from './RowFields.tsx';
import { patchRow, rowKey, withoutRow } from './survey-types.ts';
import { YearListTop } from './YearListTop.tsx';
import './words.ts';

type Kind = 'pilot' | 'stamps_funded' | 'system_funded' | 'other';
type State = 'planned' | 'running' | 'finished';
interface Recipient {
  organisationId: string;
  organisationName: string;
  support: string;
  costVnd: number;
  supportedOn: string;
}
interface Programme {
  id: string;
  name: string;
  year: number;
  kind: Kind;
  budgetVnd: number;
  state: State;
  note: string | null;
  recipients: Recipient[];
  spentVnd: number;
}

const kinds: Kind[] = ['pilot', 'stamps_funded', 'system_funded', 'other'];
const states: State[] = ['planned', 'running', 'finished'];
const stateColor: Record<State, string> = { planned: 'gray', running: 'blue', finished: 'teal' };

/** Support programmes (issue 13 §2): organisations chosen for support, what each was given and what it cost. */
export function SupportPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [year, setYear] = useState<string | null>(null);
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const list = useGet<{ items: Programme[] }>('/api/support-programmes', { year: year ?? undefined });
  const items = list.data?.items ?? [];
  return (
    <>
      <Stack>
        <YearListTop words="support" year={[year, setYear]} list={list} onCreate={() => setEditing('new')} />
        {items.map((p) => (
          <Paper key={p.id} withBorder p="md">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start">
                <div>
                  {me.role === 'dost_admin' ? (
                    <Anchor component="button" type="button" fw={600} onClick={() => setEditing(p)}>
                      {p.name}
                    </Anchor>
                  ) : (
                    <Text fw={600}>{p.name}</Text>
                  )}
                  <Text size="sm" c="dimmed">
                    {p.year} · {t(`support.kinds.${p.kind}`)} ·{' '}
                    {t('support.recipientCount', { count: p.recipients.length })}
                  </Text>
                </div>
                <Badge color={stateColor[p.state]} variant="light">
                  {t(`support.state.${p.state}`)}
                </Badge>
              </Group>
              <Text size="sm">
                {t('support.budget')}: <b>{formatNumber(p.budgetVnd)}</b> · {t('support.spent')}:{' '}
                <b>{formatNumber(p.spentVnd)}</b>
              </Text>
              {p.note ? <Text size="sm">{p.note}</Text> : null}
              {p.recipients.length ? (
                <Table.ScrollContainer minWidth={560}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('support.organisation')}</Table.Th>
                        <Table.Th>{t('support.support')}</Table.Th>
                        <Table.Th>{t('support.cost')}</Table.Th>
                        <Table.Th>{t('support.supportedOn')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.recipients.map((r) => (
                        <Table.Tr key={r.organisationId}>
                          <Table.Td>{r.organisationName}</Table.Td>
                          <Table.Td>{r.support}</Table.Td>
                          <Table.Td>{formatNumber(r.costVnd)}</Table.Td>
                          <Table.Td>{formatDate(r.supportedOn)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
      {editing ? (
        <ProgrammeForm programme={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

interface RecipientDraft {
  organisationId: string;
  support: string;
  costVnd: number | string;
  supportedOn: string;
  key: string;
}

function ProgrammeForm({ programme, onClose }: { programme?: Programme; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(programme?.name ?? '');
  const [year, setYear] = useState<number | string>(programme?.year ?? new Date().getFullYear());
  const [kind, setKind] = useState<Kind>(programme?.kind ?? 'pilot');
  const [budget, setBudget] = useState<number | string>(programme?.budgetVnd ?? '');
  const [state, setState] = useState<State>(programme?.state ?? 'planned');
  const [note, setNote] = useState(programme?.note ?? '');
  const [recipients, setRecipients] = useState<RecipientDraft[]>(
    (programme?.recipients ?? []).map((r) => ({ ...r, key: rowKey() })),
  );
  const send = useSend<object, Programme>(
    programme ? 'PUT' : 'POST',
    programme ? `/api/support-programmes/${programme.id}` : '/api/support-programmes',
    { invalidate: ['/api/support-programmes'], success: 'support.saved' },
  );
  const edit = (i: number, patch: Partial<RecipientDraft>) => setRecipients(patchRow(i, patch));
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    send.mutate(
      {
        name,
        year: Number(year),
        kind,
        budgetVnd: typeof budget === 'number' ? budget : Number(budget),
        state,
        note: note || undefined,
        recipients: recipients.map((r) => ({
          ...r,
          costVnd: typeof r.costVnd === 'number' ? r.costVnd : Number(r.costVnd),
        })),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={programme ? t('support.edit') : t('support.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
      size="xl"
    >
      <TextInput
        label={t('support.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NumberInput
          label={t('support.year')}
          required
          allowDecimal={false}
          clampBehavior="none"
          value={year}
          onChange={setYear}
        />
        <Select
          label={t('support.kind')}
          allowDeselect={false}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={kinds.map((k) => ({ value: k, label: t(`support.kinds.${k}`) }))}
        />
        <Select
          label={t('support.stateLabel')}
          allowDeselect={false}
          value={state}
          onChange={(v) => setState(v as State)}
          data={states.map((s) => ({ value: s, label: t(`support.state.${s}`) }))}
        />
      </SimpleGrid>
      <VndInput label={t('support.budget')} required value={budget} onChange={setBudget} />
      <Textarea
        label={t('support.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Text size="sm" fw={500}>
        {t('support.recipients')}
      </Text>
      {!recipients.length ? (
        <Text size="sm" c="dimmed">
          {t('support.noRecipients')}
        </Text>
      ) : null}
      {recipients.map((r, i) => (
        <Paper key={r.key} withBorder p="sm">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-end">
              <EntitySelect<{ id: string; name: string }>
                label={t('support.organisation')}
                required
                path="/api/organisations"
                option={(o) => ({ value: o.id, label: o.name })}
                value={r.organisationId}
                onChange={(organisationId) => edit(i, { organisationId })}
              />
              <RemoveRowButton label={t('support.removeRow')} onClick={() => setRecipients(withoutRow(i))} />
            </Group>
            <TextInput
              label={t('support.support')}
              required
              value={r.support}
              onChange={(e) => edit(i, { support: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <VndInput
                label={t('support.cost')}
                required
                value={r.costVnd}
                onChange={(costVnd) => edit(i, { costVnd })}
              />
              <DateField
                label={t('support.supportedOn')}
                required
                value={r.supportedOn}
                onChange={(supportedOn) => edit(i, { supportedOn })}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        onClick={() =>
          setRecipients((rs) => [
            ...rs,
            { organisationId: '', support: '', costVnd: '', supportedOn: '', key: rowKey() },
          ])
        }
      >
        {t('support.addRecipient')}
      </Button>
      <ProblemAlert error={send.error} />
    </FormModal>
  );
}
