import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBarcode, IconExternalLink, IconSoup, IconTestPipe } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProblemDocument } from '../../api/client.ts';
import { applyProblem } from '../../api/form-errors.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { isStaff, useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import './words.ts';

interface Kitchen {
  id: string;
  name: string;
  organisationName: string | null;
  communeName: string | null;
  publicUrl: string;
}
interface Receipt {
  id: string;
  method: 'stamp' | 'shipment';
  gtin: string;
  lot: string;
  productName: string | null;
  quantity: number;
  unit: string;
  supplier: { organisationId: string | null; name: string };
  origin: { communeName: string | null; provinceName: string | null; placeName: string | null };
  receivedAt: string;
}
interface Sample {
  id: string;
  dishId: string;
  dishName: string;
  servedOn: string;
  takenAt: string;
  discardBy: string;
  discardedAt: string | null;
  due: boolean;
}
interface Dish {
  id: string;
  meal: Meal;
  name: string;
  portions: number | null;
  ingredients: (Receipt & { usedQuantity: number | null; usedUnit: string | null })[];
  sample: Sample | null;
}
type Meal = 'breakfast' | 'lunch' | 'snack' | 'dinner';
const meals: Meal[] = ['breakfast', 'lunch', 'snack', 'dinner'];
const units = ['KGM', 'GRM', 'LTR', 'MLT', 'H87'];

/** Today in Vietnam (the menu's days are local days). */
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const origin = (r: Receipt) =>
  [r.origin.placeName, r.origin.communeName, r.origin.provinceName].filter(Boolean).join(', ') || '—';
const goods = (r: Receipt) => `${r.productName ?? r.gtin} · ${r.lot}`;
/** A button's action: clears the last failure, sends, and keeps a new failure for the alert below the list. */
const keepingError = (setError: (error: unknown) => void, send: () => Promise<unknown>) => async () => {
  setError(null);
  try {
    await send();
  } catch (error) {
    setError(error);
  }
};

export function KitchensPage() {
  const me = useMe();
  if (!me.data) return null;
  return isStaff(me.data) ? <KitchensOverview /> : <OwnKitchens />;
}

function OwnKitchens() {
  const { t } = useTranslation();
  const kitchens = useGet<Kitchen[]>('/api/kitchens');
  const [chosen, setChosen] = useState<string | null>(null);
  const list = kitchens.data ?? [];
  const kitchen = list.find((k) => k.id === chosen) ?? list[0];
  return (
    <>
      <PageHeader
        title={t('kitchen.title')}
        description={t('kitchen.description')}
        actions={
          kitchen ? (
            <Anchor href={kitchen.publicUrl} target="_blank" rel="noopener">
              <Group gap={4}>
                {t('kitchen.publicPage')} <IconExternalLink size={16} aria-hidden />
              </Group>
            </Anchor>
          ) : null
        }
      />
      {kitchens.error ? <ProblemAlert error={kitchens.error} /> : null}
      {list.length > 1 ? (
        <Select
          label={t('kitchen.choose')}
          data={list.map((k) => ({ value: k.id, label: k.name }))}
          value={kitchen?.id ?? null}
          onChange={setChosen}
          mb="md"
          maw={420}
        />
      ) : null}
      {kitchens.isSuccess && !kitchen ? <RegisterKitchen /> : null}
      {kitchen ? (
        <Tabs defaultValue="receive" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="receive" leftSection={<IconBarcode size={16} aria-hidden />}>
              {t('kitchen.tabReceive')}
            </Tabs.Tab>
            <Tabs.Tab value="menu" leftSection={<IconSoup size={16} aria-hidden />}>
              {t('kitchen.tabMenu')}
            </Tabs.Tab>
            <Tabs.Tab value="samples" leftSection={<IconTestPipe size={16} aria-hidden />}>
              {t('kitchen.tabSamples')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="receive">
            <Receive kitchen={kitchen} />
          </Tabs.Panel>
          <Tabs.Panel value="menu">
            <Menu kitchen={kitchen} />
          </Tabs.Panel>
          <Tabs.Panel value="samples">
            <Samples kitchen={kitchen} />
          </Tabs.Panel>
        </Tabs>
      ) : null}
    </>
  );
}

function RegisterKitchen() {
  const { t } = useTranslation();
  const places = useGet<{ items: { id: string; name: string }[] }>('/api/locations', {
    type: 'school_kitchen',
    pageSize: 100,
  });
  const form = useForm({ initialValues: { locationId: '' } });
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const send = useSend<{ locationId: string }>('POST', '/api/kitchens', { invalidate: ['/api/kitchens'] });
  return (
    <Card withBorder maw={520}>
      <Text mb="sm">{t('kitchen.none')}</Text>
      <form
        onSubmit={form.onSubmit(async (v) => {
          setProblem(null);
          try {
            await send.mutateAsync(v);
          } catch (error) {
            setProblem(applyProblem(form, error));
          }
        })}
      >
        <Select
          label={t('kitchen.location')}
          data={(places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          {...form.getInputProps('locationId')}
          mb="sm"
        />
        {problem ? <ProblemAlert error={problem} /> : null}
        <Button type="submit" loading={send.isPending}>
          {t('kitchen.register')}
        </Button>
      </form>
    </Card>
  );
}

function Receive({ kitchen }: { kitchen: Kitchen }) {
  const { t } = useTranslation();
  const receipts = useGet<Receipt[]>(`/api/kitchens/${kitchen.id}/receipts`);
  const form = useForm<{ code: string; quantity: number | string; unit: string | null }>({
    initialValues: { code: '', quantity: '', unit: null },
  });
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const send = useSend<object, Receipt[]>('POST', `/api/kitchens/${kitchen.id}/receipts`, {
    invalidate: [`/api/kitchens/${kitchen.id}`],
  });
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    setDone(null);
    try {
      const saved = await send.mutateAsync({
        code: v.code.trim(),
        ...(v.quantity !== '' ? { quantity: Number(v.quantity) } : {}),
        ...(v.unit ? { unit: v.unit } : {}),
      });
      setDone(saved.length);
      form.reset();
    } catch (error) {
      setProblem(applyProblem(form, error));
    }
  });
  return (
    <Stack>
      <Card withBorder>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput
              label={t('kitchen.code')}
              description={t('kitchen.codeHint')}
              autoFocus
              autoComplete="off"
              data-testid="kitchen-code"
              {...form.getInputProps('code')}
            />
            <Group grow align="flex-start">
              <NumberInput label={t('kitchen.quantity')} min={0} {...form.getInputProps('quantity')} />
              <Select
                label={t('kitchen.unit')}
                clearable
                data={units.map((u) => ({ value: u, label: t(`unit.${u}`, { defaultValue: u }) }))}
                {...form.getInputProps('unit')}
              />
            </Group>
            {problem ? <ProblemAlert error={problem} /> : null}
            {done !== null ? (
              <Alert color="teal" data-testid="kitchen-received">
                {t('kitchen.received', { count: done })}
              </Alert>
            ) : null}
            <Group>
              <Button
                type="submit"
                loading={send.isPending}
                leftSection={<IconBarcode size={16} aria-hidden />}
              >
                {t('kitchen.receive')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Title order={2} size="h4">
        {t('kitchen.receivedTitle')}
      </Title>
      {receipts.error ? <ProblemAlert error={receipts.error} /> : null}
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="kitchen-receipts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kitchen.receivedAt')}</Table.Th>
              <Table.Th>{t('kitchen.goods')}</Table.Th>
              <Table.Th>{t('kitchen.supplier')}</Table.Th>
              <Table.Th>{t('kitchen.origin')}</Table.Th>
              <Table.Th>{t('kitchen.method')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(receipts.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatDateTime(r.receivedAt)}</Table.Td>
                <Table.Td>
                  {goods(r)}
                  <Text size="xs" c="dimmed">
                    {formatNumber(r.quantity)} {t(`unit.${r.unit}`, { defaultValue: r.unit })}
                  </Text>
                </Table.Td>
                <Table.Td>{r.supplier.name}</Table.Td>
                <Table.Td>{origin(r)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.method === 'stamp' ? 'teal' : 'blue'}>
                    {r.method === 'stamp' ? t('kitchen.methodStamp') : t('kitchen.methodShipment')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Menu({ kitchen }: { kitchen: Kitchen }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(today());
  const menu = useGet<{ date: string; dishes: Dish[] }>(`/api/kitchens/${kitchen.id}/menu`, { date });
  const receipts = useGet<Receipt[]>(`/api/kitchens/${kitchen.id}/receipts`);
  const form = useForm<{ meal: Meal; name: string; portions: number | string; ingredients: string[] }>({
    initialValues: { meal: 'lunch', name: '', portions: '', ingredients: [] },
  });
  const [problem, setProblem] = useState<ProblemDocument | null>(null);
  const send = useSend<object>('POST', `/api/kitchens/${kitchen.id}/dishes`, {
    invalidate: [`/api/kitchens/${kitchen.id}`],
  });
  const sample = useSend<{ dishId: string }>('POST', `/api/kitchens/${kitchen.id}/samples`, {
    invalidate: [`/api/kitchens/${kitchen.id}`],
  });
  const [sampleError, setSampleError] = useState<unknown>(null);
  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      await send.mutateAsync({
        servedOn: date,
        meal: v.meal,
        name: v.name.trim(),
        ...(v.portions !== '' ? { portions: Number(v.portions) } : {}),
        ingredients: v.ingredients.map((receiptId) => ({ receiptId })),
      });
      form.setValues({ name: '', portions: '', ingredients: [] });
    } catch (error) {
      const rest = applyProblem(form, error);
      // an ingredient's message (/body/ingredients/0/receiptId) has no input of its own: shown above the button
      setProblem(rest ?? (error instanceof ApiError ? error.problem : null));
    }
  });
  const dishes = menu.data?.dishes ?? [];
  return (
    <Stack>
      <TextInput
        type="date"
        label={t('kitchen.date')}
        value={date}
        max={today()}
        onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
        maw={220}
      />
      <Card withBorder>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Group grow align="flex-start">
              <Select
                label={t('kitchen.meal')}
                data={meals.map((m) => ({ value: m, label: t(`kitchen.meals.${m}`) }))}
                allowDeselect={false}
                {...form.getInputProps('meal')}
              />
              <TextInput
                label={t('kitchen.dishName')}
                data-testid="dish-name"
                {...form.getInputProps('name')}
              />
              <NumberInput label={t('kitchen.portions')} min={1} {...form.getInputProps('portions')} />
            </Group>
            <Checkbox.Group label={t('kitchen.ingredients')} {...form.getInputProps('ingredients')}>
              <Stack gap={6} mt={6}>
                {(receipts.data ?? []).map((r) => (
                  <Checkbox
                    key={r.id}
                    value={r.id}
                    label={`${goods(r)} — ${r.supplier.name} (${formatDateTime(r.receivedAt)})`}
                  />
                ))}
                {receipts.isSuccess && !receipts.data.length ? (
                  <Text size="sm" c="dimmed">
                    {t('kitchen.noReceipts')}
                  </Text>
                ) : null}
              </Stack>
            </Checkbox.Group>
            {problem ? <ProblemAlert error={problem} /> : null}
            <Group>
              <Button type="submit" loading={send.isPending} data-testid="add-dish">
                {t('kitchen.addDish')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Title order={2} size="h4">
        {t('kitchen.menuOf', { date: formatDate(date) })}
      </Title>
      {sampleError ? <ProblemAlert error={sampleError} /> : null}
      {menu.isSuccess && !dishes.length ? <Text c="dimmed">{t('kitchen.noDishes')}</Text> : null}
      {dishes.map((d) => (
        <Card key={d.id} withBorder data-testid="dish">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text fw={600}>
                {d.name}{' '}
                <Badge variant="light" ml={4}>
                  {t(`kitchen.meals.${d.meal}`)}
                </Badge>
                {d.portions ? (
                  <Text span size="sm" c="dimmed" ml={6}>
                    {t('kitchen.portionsCount', { count: d.portions, n: formatNumber(d.portions) })}
                  </Text>
                ) : null}
              </Text>
              <Stack gap={0} mt={4}>
                {d.ingredients.map((i) => (
                  <Text key={i.id} size="sm">
                    {goods(i)} — {i.supplier.name} · {origin(i)}
                  </Text>
                ))}
              </Stack>
            </div>
            {d.sample ? (
              <Badge color="teal" variant="light">
                {t('kitchen.sampleKept', { time: formatDateTime(d.sample.discardBy) })}
              </Badge>
            ) : (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconTestPipe size={14} aria-hidden />}
                loading={sample.isPending}
                onClick={keepingError(setSampleError, () => sample.mutateAsync({ dishId: d.id }))}
              >
                {t('kitchen.keepSample')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Samples({ kitchen }: { kitchen: Kitchen }) {
  const { t } = useTranslation();
  const due = useGet<Sample[]>(`/api/kitchens/${kitchen.id}/samples`, { due: 'true' });
  const recent = useGet<Sample[]>(`/api/kitchens/${kitchen.id}/samples`);
  const discard = useSend<{ id: string }>(
    'POST',
    (b) => `/api/kitchens/${kitchen.id}/samples/${b.id}/discard`,
    {
      invalidate: [`/api/kitchens/${kitchen.id}`],
      body: () => ({}),
    },
  );
  const [error, setError] = useState<unknown>(null);
  const rows = (list: Sample[], withAction: boolean) =>
    list.map((s) => (
      <Table.Tr key={s.id}>
        <Table.Td>
          {s.dishName}
          <Text size="xs" c="dimmed">
            {formatDate(s.servedOn)}
          </Text>
        </Table.Td>
        <Table.Td>{formatDateTime(s.takenAt)}</Table.Td>
        <Table.Td>{formatDateTime(s.discardBy)}</Table.Td>
        <Table.Td>
          {withAction ? (
            <Button
              size="xs"
              color="red"
              variant="light"
              onClick={keepingError(setError, () => discard.mutateAsync({ id: s.id }))}
            >
              {t('kitchen.discard')}
            </Button>
          ) : s.discardedAt ? (
            `${t('kitchen.discarded')} ${formatDateTime(s.discardedAt)}`
          ) : (
            t('kitchen.kept')
          )}
        </Table.Td>
      </Table.Tr>
    ));
  const head = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{t('kitchen.dish')}</Table.Th>
        <Table.Th>{t('kitchen.takenAt')}</Table.Th>
        <Table.Th>{t('kitchen.discardBy')}</Table.Th>
        <Table.Th />
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack>
      {error ? <ProblemAlert error={error} /> : null}
      <Title order={2} size="h4">
        {t('kitchen.dueTitle')}
      </Title>
      {due.isSuccess && !due.data.length ? <Text c="dimmed">{t('kitchen.noDue')}</Text> : null}
      {due.data?.length ? (
        <Table striped data-testid="samples-due">
          {head}
          <Table.Tbody>{rows(due.data, true)}</Table.Tbody>
        </Table>
      ) : null}
      <Title order={2} size="h4">
        {t('kitchen.recentSamples')}
      </Title>
      <Table striped data-testid="samples-recent">
        {head}
        <Table.Tbody>{rows(recent.data ?? [], false)}</Table.Tbody>
      </Table>
    </Stack>
  );
}

interface Overview {
  from: string;
  to: string;
  kitchens: {
    id: string;
    name: string;
    organisationName: string | null;
    communeName: string | null;
    deliveriesByStamp: number;
    deliveriesOther: number;
    daysWithMenu: number;
    dishes: number;
    suppliers: number;
  }[];
  suppliers: {
    organisationId: string | null;
    name: string;
    kitchens: number;
    deliveriesByStamp: number;
    deliveriesOther: number;
  }[];
}

function KitchensOverview() {
  const { t } = useTranslation();
  const overview = useGet<Overview>('/api/kitchens/overview');
  const refused = overview.error instanceof ApiError && overview.error.status === 403;
  return (
    <>
      <PageHeader title={t('kitchen.overview')} description={t('kitchen.officerDescription')} />
      {refused ? <Alert color="gray">{t('kitchen.noAccess')}</Alert> : null}
      {overview.error && !refused ? <ProblemAlert error={overview.error} /> : null}
      {overview.data ? (
        <Stack>
          <Text size="sm" c="dimmed">
            {formatDate(overview.data.from)} – {formatDate(overview.data.to)}
          </Text>
          <Title order={2} size="h4">
            {t('kitchen.kitchens')}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped data-testid="overview-kitchens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('kitchen.kitchens')}</Table.Th>
                  <Table.Th>{t('kitchen.organisation')}</Table.Th>
                  <Table.Th>{t('kitchen.commune')}</Table.Th>
                  <Table.Th>{t('kitchen.byStamp')}</Table.Th>
                  <Table.Th>{t('kitchen.other')}</Table.Th>
                  <Table.Th>{t('kitchen.daysWithMenu')}</Table.Th>
                  <Table.Th>{t('kitchen.suppliers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.data.kitchens.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>
                      <Anchor href={`/bep-an/${k.id}`} target="_blank" rel="noopener">
                        {k.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{k.organisationName ?? '—'}</Table.Td>
                    <Table.Td>{k.communeName ?? '—'}</Table.Td>
                    <Table.Td>{formatNumber(k.deliveriesByStamp)}</Table.Td>
                    <Table.Td>{formatNumber(k.deliveriesOther)}</Table.Td>
                    <Table.Td>{formatNumber(k.daysWithMenu)}</Table.Td>
                    <Table.Td>{formatNumber(k.suppliers)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Title order={2} size="h4">
            {t('kitchen.suppliers')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="overview-suppliers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('kitchen.supplier')}</Table.Th>
                  <Table.Th>{t('kitchen.supplierKitchens')}</Table.Th>
                  <Table.Th>{t('kitchen.byStamp')}</Table.Th>
                  <Table.Th>{t('kitchen.other')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {overview.data.suppliers.map((s) => (
                  <Table.Tr key={s.organisationId ?? s.name}>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>{formatNumber(s.kitchens)}</Table.Td>
                    <Table.Td>{formatNumber(s.deliveriesByStamp)}</Table.Td>
                    <Table.Td>{formatNumber(s.deliveriesOther)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
    </>
  );
}
