import {
  Alert,
  Button,
  Group,
  Menu,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDots, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { enter } from '../../components/field-checks.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { IndicatorForm, ManualValueForm, TargetsForm } from './IndicatorForms.tsx';
import { TasksTab } from './TasksTab.tsx';
import { type Evaluation, type Indicator, mayEditPlan, type Plan, vietnamToday, yearsOf } from './types.ts';
import './words.ts';

/**
 * The province's plan (issue 13 §1): its decision and period, its indicators with a target for each year and the
 * value reached (computed by the formula the department chose, or entered by hand with its source), and its tasks.
 * The department's administrator edits; the province's staff read; organisations never reach it.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const plan = useGet<Plan>('/api/plan');
  const editable = mayEditPlan(me.permissions);
  const [editingPlan, setEditingPlan] = useState(false);
  const missing = plan.error instanceof ApiError && plan.error.status === 404;
  return (
    <Stack>
      <PageHeader
        title={t('nav.plan')}
        description={t('provincePlan.description')}
        actions={
          editable && (plan.data || missing) ? (
            <Button
              variant={plan.data ? 'default' : 'filled'}
              leftSection={
                plan.data ? <IconPencil size={16} aria-hidden /> : <IconPlus size={16} aria-hidden />
              }
              onClick={() => setEditingPlan(true)}
            >
              {plan.data ? t('provincePlan.editPlan') : t('provincePlan.createPlan')}
            </Button>
          ) : undefined
        }
      />
      {missing ? (
        <Alert>{t('provincePlan.noPlan')}</Alert>
      ) : plan.error ? (
        <ProblemAlert error={plan.error} />
      ) : !plan.data ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : (
        <>
          <PlanHeading plan={plan.data} />
          {!editable ? (
            <Text size="sm" c="dimmed">
              {t('provincePlan.readOnly')}
            </Text>
          ) : null}
          <Tabs defaultValue="indicators" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="indicators">{t('provincePlan.tabIndicators')}</Tabs.Tab>
              <Tabs.Tab value="tasks">{t('provincePlan.tabTasks')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="indicators">
              <Indicators plan={plan.data} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="tasks">
              <TasksTab plan={plan.data} editable={editable} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
      {editingPlan ? <PlanForm plan={plan.data} onClose={() => setEditingPlan(false)} /> : null}
    </Stack>
  );
}

function PlanHeading({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const decision = plan.decisionNumber
    ? [
        t('provincePlan.decision', { number: plan.decisionNumber }),
        plan.decisionDate ? t('provincePlan.decisionOn', { date: formatDate(plan.decisionDate) }) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : t('provincePlan.noDecisionNumber');
  return (
    <Stack gap={4}>
      <Text fw={600} size="lg">
        {plan.title}
      </Text>
      <Text size="sm">
        {[plan.agency, decision, plan.signer ? t('provincePlan.signedBy', { signer: plan.signer }) : null]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('provincePlan.period', { from: plan.startYear, to: plan.endYear })}
      </Text>
    </Stack>
  );
}

const shownYear = (plan: Plan) => {
  const year = Number(vietnamToday().slice(0, 4));
  return Math.min(Math.max(year, plan.startYear), plan.endYear);
};

const withUnit = (value: number | null | undefined, unit: Indicator['unit']) =>
  value === null || value === undefined ? '—' : `${formatNumber(value)}${unit === 'percent' ? ' %' : ''}`;

function Indicators({ plan, editable }: { plan: Plan; editable: boolean }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(shownYear(plan));
  const today = vietnamToday();
  // this year's value is counted up to today; a past year's to its last day
  const to = `${year}-12-31` < today ? `${year}-12-31` : today;
  const from = `${year}-01-01`;
  const evaluation = useGet<Evaluation>(to >= from ? '/api/plan/evaluation' : null, { from, to });
  const [form, setForm] = useState<{ kind: 'indicator' | 'targets' | 'value'; indicator?: Indicator } | null>(
    null,
  );
  const remove = useSend<Indicator>('DELETE', (i) => `/api/plan/indicators/${i.id}`, {
    invalidate: ['/api/plan'],
    success: 'common.deleted',
  });
  const years = yearsOf(plan);
  const byId = new Map((evaluation.data?.indicators ?? []).map((e) => [e.id, e]));
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <Select
            label={t('provincePlan.yearShown')}
            w={200}
            allowDeselect={false}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            data={years.map(String)}
          />
          {to >= from ? (
            <Text size="sm" c="dimmed" pb={8}>
              {t('provincePlan.valueAsOf', { from: formatDate(from), to: formatDate(to) })}
            </Text>
          ) : null}
        </Group>
        {editable ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setForm({ kind: 'indicator' })}
          >
            {t('provincePlan.addIndicator')}
          </Button>
        ) : null}
      </Group>
      <ProblemAlert error={evaluation.error ?? remove.error} />
      {plan.indicators.length === 0 ? (
        <Alert>{t('provincePlan.noIndicators')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped verticalSpacing="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2}>{t('provincePlan.code')}</Table.Th>
                <Table.Th rowSpan={2}>{t('provincePlan.indicator')}</Table.Th>
                <Table.Th colSpan={years.length} ta="center">
                  {t('provincePlan.targets')}
                </Table.Th>
                <Table.Th rowSpan={2} ta="right">
                  {t('provincePlan.value', { year })}
                </Table.Th>
                <Table.Th rowSpan={2}>{t('provincePlan.met')}</Table.Th>
                {editable ? <Table.Th rowSpan={2}>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
              <Table.Tr>
                {years.map((y) => (
                  <Table.Th key={y} ta="right" aria-label={t('provincePlan.target', { year: y })}>
                    {y}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.indicators.map((indicator) => {
                const e = byId.get(indicator.id);
                const sign = indicator.direction === 'at_most' ? '≤ ' : '≥ ';
                const entered = indicator.manualValues.find((m) => m.year === year);
                return (
                  <Table.Tr key={indicator.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{indicator.code}</Table.Td>
                    <Table.Td miw={300}>
                      <Text size="sm" fw={500}>
                        {indicator.name}
                      </Text>
                      <Text size="xs" c="dimmed" mt={2}>
                        <Text span size="xs" fw={600} c={indicator.formulaKey ? 'blue' : 'gray'}>
                          {indicator.formulaKey ? t('provincePlan.computed') : t('provincePlan.manual')}
                        </Text>
                        {e?.source === 'manual' ? '' : e?.describe ? ` · ${e.describe}` : ''}
                      </Text>
                      {e?.source === 'manual' && e.manualSource ? (
                        <Text size="xs" c="dimmed">
                          {t('provincePlan.source')}: {e.manualSource}
                          {entered?.enteredByName
                            ? ` (${t('provincePlan.enteredBy', {
                                name: entered.enteredByName,
                                at: formatDateTime(entered.enteredAt),
                              })})`
                            : ''}
                        </Text>
                      ) : null}
                    </Table.Td>
                    {years.map((y) => {
                      const target = indicator.targets.find((x) => x.year === y)?.target;
                      return (
                        <Table.Td key={y} ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {target === undefined ? '—' : `${sign}${withUnit(target, indicator.unit)}`}
                        </Table.Td>
                      );
                    })}
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600}>
                        {withUnit(e?.value, indicator.unit)}
                      </Text>
                      {e &&
                      e.value !== null &&
                      e.denominator !== undefined &&
                      indicator.unit === 'percent' ? (
                        <Text size="xs" c="dimmed">
                          {t('provincePlan.ofTotal', {
                            numerator: formatNumber(e.numerator),
                            denominator: formatNumber(e.denominator),
                          })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td miw={110}>
                      {!e ? null : (
                        <Text
                          size="sm"
                          fw={600}
                          c={e.met === null ? 'dimmed' : e.met ? 'teal.8' : 'orange.8'}
                        >
                          {e.met === null
                            ? e.target === null
                              ? t('provincePlan.noTarget')
                              : t('provincePlan.metUnknown')
                            : e.met
                              ? t('provincePlan.metYes')
                              : t('provincePlan.metNo')}
                        </Text>
                      )}
                    </Table.Td>
                    {editable ? (
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <Button
                              size="xs"
                              variant="default"
                              rightSection={<IconDots size={14} aria-hidden />}
                              aria-label={`${t('common.actions')}: ${indicator.code} ${indicator.name}`}
                            >
                              {t('common.actions')}
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {!indicator.formulaKey ? (
                              <Menu.Item onClick={() => setForm({ kind: 'value', indicator })}>
                                {t('provincePlan.enterValue')}
                              </Menu.Item>
                            ) : null}
                            <Menu.Item onClick={() => setForm({ kind: 'targets', indicator })}>
                              {t('provincePlan.setTargets')}
                            </Menu.Item>
                            <Menu.Item onClick={() => setForm({ kind: 'indicator', indicator })}>
                              {t('provincePlan.editIndicator')}
                            </Menu.Item>
                            <Menu.Item
                              color="red"
                              onClick={() => {
                                if (
                                  window.confirm(
                                    t('provincePlan.confirmDeleteIndicator', { name: indicator.name }),
                                  )
                                )
                                  remove.mutate(indicator);
                              }}
                            >
                              {t('provincePlan.deleteIndicator')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {form?.kind === 'indicator' ? (
        <IndicatorForm plan={plan} indicator={form.indicator} onClose={() => setForm(null)} />
      ) : null}
      {form?.kind === 'targets' && form.indicator ? (
        <TargetsForm plan={plan} indicator={form.indicator} onClose={() => setForm(null)} />
      ) : null}
      {form?.kind === 'value' && form.indicator ? (
        <ManualValueForm plan={plan} indicator={form.indicator} year={year} onClose={() => setForm(null)} />
      ) : null}
    </Stack>
  );
}

/** The plan's decision and period; entering the first plan makes it the province's current one. */
function PlanForm({ plan, onClose }: { plan?: Plan; onClose(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(plan?.title ?? '');
  const [decisionNumber, setNumber] = useState(plan?.decisionNumber ?? '');
  const [decisionDate, setDate] = useState(plan?.decisionDate ?? '');
  const [signer, setSigner] = useState(plan?.signer ?? '');
  const [agency, setAgency] = useState(plan?.agency ?? '');
  const thisYear = Number(vietnamToday().slice(0, 4));
  const [startYear, setStart] = useState<number | string>(plan?.startYear ?? thisYear);
  const [endYear, setEnd] = useState<number | string>(plan?.endYear ?? thisYear + 4);
  const [checked, setChecked] = useState(false);
  const send = useSend<object>(
    plan ? 'PUT' : 'POST',
    plan ? `/api/plan/plans/${plan.id}` : '/api/plan/plans',
    {
      invalidate: ['/api/plan'],
      success: 'provincePlan.saved',
    },
  );
  const errors = {
    title: enter(t, t('provincePlan.planTitle'))(title),
    startYear: enter(t, t('provincePlan.startYear'))(startYear),
    endYear: enter(t, t('provincePlan.endYear'))(endYear),
  };
  const text = (s: string) => s.trim() || null;
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setChecked(true);
    if (Object.values(errors).some(Boolean)) return;
    send.mutate(
      {
        title,
        decisionNumber: text(decisionNumber),
        decisionDate: decisionDate || null,
        signer: text(signer),
        agency: text(agency),
        startYear: Number(startYear),
        endYear: Number(endYear),
        ...(plan ? {} : { isCurrent: true }),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={plan ? t('provincePlan.editPlan') : t('provincePlan.createPlan')}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
    >
      <TextInput
        label={t('provincePlan.planTitle')}
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={checked && errors.title}
      />
      <TextInput
        label={t('provincePlan.agency')}
        value={agency}
        onChange={(e) => setAgency(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('provincePlan.decisionNumber')}
          value={decisionNumber}
          onChange={(e) => setNumber(e.currentTarget.value)}
        />
        <DateField label={t('provincePlan.decisionDate')} value={decisionDate} onChange={setDate} />
        <TextInput
          label={t('provincePlan.signer')}
          value={signer}
          onChange={(e) => setSigner(e.currentTarget.value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2 }}>
        <NumberInput
          label={t('provincePlan.startYear')}
          required
          clampBehavior="none"
          allowDecimal={false}
          thousandSeparator=""
          value={startYear}
          onChange={setStart}
          error={checked && errors.startYear}
        />
        <NumberInput
          label={t('provincePlan.endYear')}
          required
          clampBehavior="none"
          allowDecimal={false}
          thousandSeparator=""
          value={endYear}
          onChange={setEnd}
          error={checked && errors.endYear}
        />
      </SimpleGrid>
      {send.error ? <ProblemAlert error={send.error} /> : null}
    </FormModal>
  );
}
