import { NumberInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { choose, enter } from '../../components/field-checks.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EvidenceUpload } from './EvidenceUpload.tsx';
import type { Direction, Evidence, Formula, Indicator, Plan, Unit } from './types.ts';
import { yearsOf } from './types.ts';

const manual = 'manual';
const invalidate = ['/api/plan'];

/** Adds an indicator to the plan, or edits one: a formula chosen from the list in words, or values entered by hand. */
export function IndicatorForm({
  plan,
  indicator,
  onClose,
}: {
  plan: Plan;
  indicator?: Indicator;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const formulas = useGet<{ items: Formula[] }>('/api/plan/formulas');
  const [code, setCode] = useState(indicator?.code ?? '');
  const [name, setName] = useState(indicator?.name ?? '');
  const [formula, setFormula] = useState<string>(indicator?.formulaKey ?? manual);
  const [unit, setUnit] = useState<Unit>(indicator?.unit ?? 'percent');
  const [direction, setDirection] = useState<Direction>(indicator?.direction ?? 'at_least');
  const [description, setDescription] = useState(indicator?.description ?? '');
  const [checked, setChecked] = useState(false);
  const send = useSend<object, Indicator>(
    indicator ? 'PUT' : 'POST',
    indicator ? `/api/plan/indicators/${indicator.id}` : `/api/plan/plans/${plan.id}/indicators`,
    { invalidate, success: 'provincePlan.saved' },
  );
  const chosen = formulas.data?.items.find((f) => f.key === formula);
  const errors = {
    code: enter(t, t('provincePlan.indicatorCode'))(code),
    name: enter(t, t('provincePlan.indicatorName'))(name),
    formula: choose(t, t('provincePlan.formula'))(formula),
  };
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setChecked(true);
    if (Object.values(errors).some(Boolean)) return;
    send.mutate(
      {
        code,
        name,
        formulaKey: formula === manual ? null : formula,
        unit: chosen?.unit ?? unit,
        direction,
        description: description.trim() || null,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={indicator ? t('provincePlan.editIndicator') : t('provincePlan.addIndicator')}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('provincePlan.indicatorCode')}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={checked && errors.code}
        />
        <TextInput
          label={t('provincePlan.indicatorName')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={checked && errors.name}
          style={{ gridColumn: 'span 2' }}
        />
      </SimpleGrid>
      <Select
        label={t('provincePlan.formula')}
        required
        allowDeselect={false}
        searchable
        value={formula}
        onChange={(v) => setFormula(v ?? manual)}
        data={[
          { value: manual, label: t('provincePlan.formulaManual') },
          ...(formulas.data?.items ?? []).map((f) => ({ value: f.key, label: f.name })),
        ]}
        error={checked && errors.formula}
      />
      <Text size="sm" c="dimmed">
        {chosen ? chosen.describe : t('provincePlan.formulaHintManual')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('provincePlan.unit')}
          required
          allowDeselect={false}
          disabled={!!chosen}
          value={chosen?.unit ?? unit}
          onChange={(v) => setUnit((v as Unit) ?? 'percent')}
          data={[
            { value: 'percent', label: t('provincePlan.unitPercent') },
            { value: 'count', label: t('provincePlan.unitCount') },
          ]}
        />
        <Select
          label={t('provincePlan.direction')}
          style={{ gridColumn: 'span 2' }}
          required
          allowDeselect={false}
          value={direction}
          onChange={(v) => setDirection((v as Direction) ?? 'at_least')}
          data={[
            { value: 'at_least', label: t('provincePlan.atLeast') },
            { value: 'at_most', label: t('provincePlan.atMost') },
          ]}
        />
      </SimpleGrid>
      <Textarea
        label={t('provincePlan.indicatorDescription')}
        autosize
        minRows={2}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      {send.error ? <ProblemAlert error={send.error} /> : null}
    </FormModal>
  );
}

/** The indicator's target for each year of the plan (an empty year has none). */
export function TargetsForm({
  plan,
  indicator,
  onClose,
}: {
  plan: Plan;
  indicator: Indicator;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const years = yearsOf(plan);
  const [values, setValues] = useState<Record<number, number | string>>(
    Object.fromEntries(years.map((y) => [y, indicator.targets.find((x) => x.year === y)?.target ?? ''])),
  );
  const send = useSend<object, Indicator>('PUT', `/api/plan/indicators/${indicator.id}/targets`, {
    invalidate,
    success: 'provincePlan.saved',
  });
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    send.mutate(
      {
        targets: years.map((year) => ({
          year,
          target: values[year] === '' || values[year] === undefined ? null : Number(values[year]),
        })),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={t('provincePlan.targetsOf', { name: indicator.name })}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
    >
      <Text size="sm" c="dimmed">
        {t('provincePlan.targetsHint')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {years.map((year) => (
          <NumberInput
            key={year}
            label={t('provincePlan.targetYear', { year })}
            value={values[year]}
            onChange={(v) => setValues({ ...values, [year]: v })}
            min={0}
            clampBehavior="none"
            decimalScale={2}
            suffix={indicator.unit === 'percent' ? ' %' : undefined}
          />
        ))}
      </SimpleGrid>
      {send.error ? <ProblemAlert error={send.error} /> : null}
    </FormModal>
  );
}

/** A hand-entered indicator's value for a year, with where the figure comes from and its evidence. */
export function ManualValueForm({
  plan,
  indicator,
  year: initialYear,
  onClose,
}: {
  plan: Plan;
  indicator: Indicator;
  year: number;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(initialYear));
  const existing = (y: string) => indicator.manualValues.find((m) => m.year === Number(y));
  const [value, setValue] = useState<number | string>(existing(year)?.value ?? '');
  const [source, setSource] = useState(existing(year)?.source ?? '');
  const [evidence, setEvidence] = useState<Evidence[]>(existing(year)?.evidence ?? []);
  const [checked, setChecked] = useState(false);
  const send = useSend<object, Indicator>('PUT', `/api/plan/indicators/${indicator.id}/values`, {
    invalidate,
    success: 'provincePlan.saved',
  });
  const errors = {
    value: enter(t, t('provincePlan.manualValue'))(value),
    source: enter(t, t('provincePlan.source'))(source),
  };
  const pickYear = (y: string | null) => {
    if (!y) return;
    setYear(y);
    setValue(existing(y)?.value ?? '');
    setSource(existing(y)?.source ?? '');
    setEvidence(existing(y)?.evidence ?? []);
  };
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setChecked(true);
    if (Object.values(errors).some(Boolean)) return;
    send.mutate(
      { year: Number(year), value: Number(value), source, fileIds: evidence.map((f) => f.id) },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={t('provincePlan.enterValueOf', { name: indicator.name })}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('provincePlan.year')}
          required
          allowDeselect={false}
          value={year}
          onChange={pickYear}
          data={yearsOf(plan).map(String)}
        />
        <NumberInput
          label={t('provincePlan.manualValue')}
          required
          min={0}
          clampBehavior="none"
          decimalScale={2}
          suffix={indicator.unit === 'percent' ? ' %' : undefined}
          value={value}
          onChange={setValue}
          error={checked && errors.value}
        />
      </SimpleGrid>
      <Textarea
        label={t('provincePlan.source')}
        description={t('provincePlan.sourceHint')}
        required
        autosize
        minRows={2}
        value={source}
        onChange={(e) => setSource(e.currentTarget.value)}
        error={checked && errors.source}
      />
      <EvidenceUpload value={evidence} onChange={setEvidence} />
      {send.error ? <ProblemAlert error={send.error} /> : null}
    </FormModal>
  );
}
