import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSend } from '../../api/hooks.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { enter } from '../../components/field-checks.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import { EvidenceUpload } from './EvidenceUpload.tsx';
import type { Evidence, Plan, Task, TaskState } from './types.ts';

const states: TaskState[] = ['not_started', 'in_progress', 'done'];
const stateColor: Record<TaskState, string> = { not_started: 'gray', in_progress: 'blue', done: 'teal' };
const invalidate = ['/api/plan'];

const bodyOf = (task: Task, changes: Partial<Task> = {}) => {
  const v = { ...task, ...changes };
  return {
    code: v.code,
    what: v.what,
    who: v.who,
    partners: v.partners,
    expectedResult: v.expectedResult,
    deadline: v.deadline,
    state: v.state,
    fileIds: v.fileIds,
    note: v.note,
  };
};

/** The plan's tasks: who leads each, by when, how far it is (overdue in red) and what shows it. */
export function TasksTab({ plan, editable }: { plan: Plan; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const changeState = useSend<{ task: Task; state: TaskState }, Task>(
    'PUT',
    (v) => `/api/plan/tasks/${v.task.id}`,
    {
      invalidate,
      success: 'provincePlan.saved',
      body: (v) => bodyOf(v.task, { state: v.state }),
    },
  );
  return (
    <Stack>
      {editable ? (
        <Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('provincePlan.addTask')}
          </Button>
        </Group>
      ) : null}
      <ProblemAlert error={changeState.error} />
      {plan.tasks.length === 0 ? (
        <Alert>{t('provincePlan.noTasks')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('provincePlan.taskCode')}</Table.Th>
                <Table.Th>{t('provincePlan.what')}</Table.Th>
                <Table.Th>{t('provincePlan.who')}</Table.Th>
                <Table.Th>{t('provincePlan.deadline')}</Table.Th>
                <Table.Th>{t('provincePlan.state')}</Table.Th>
                <Table.Th>{t('provincePlan.evidence')}</Table.Th>
                {editable ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.code ?? ''}</Table.Td>
                  <Table.Td maw={380}>
                    <Text size="sm" fw={500}>
                      {task.what}
                    </Text>
                    {task.expectedResult ? (
                      <Text size="xs" c="dimmed">
                        {t('provincePlan.expectedResult')}: {task.expectedResult}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td maw={240}>
                    <Text size="sm">{task.who}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {task.deadline ? formatDate(task.deadline) : t('provincePlan.noDeadline')}
                    </Text>
                    {task.note ? (
                      <Text size="xs" c="dimmed">
                        {task.note}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {editable ? (
                        <Select
                          size="xs"
                          w={170}
                          aria-label={t('provincePlan.stateOf', { what: task.what })}
                          allowDeselect={false}
                          value={task.state}
                          onChange={(v) =>
                            v && v !== task.state && changeState.mutate({ task, state: v as TaskState })
                          }
                          data={states.map((s) => ({ value: s, label: t(`provincePlan.taskState.${s}`) }))}
                        />
                      ) : (
                        <Badge color={stateColor[task.state]} variant="light">
                          {t(`provincePlan.taskState.${task.state}`)}
                        </Badge>
                      )}
                      {task.overdue ? (
                        <Badge color="red" variant="filled">
                          {t('provincePlan.overdue')}
                        </Badge>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {task.evidence.map((f) => (
                        <Anchor key={f.id} href={`/files/${f.id}`} target="_blank" size="sm">
                          {f.name ?? t('provincePlan.evidence')}
                        </Anchor>
                      ))}
                    </Stack>
                  </Table.Td>
                  {editable ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`${t('provincePlan.editTask')}: ${task.what}`}
                        onClick={() => setEditing(task)}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <TaskForm
          plan={plan}
          task={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}

function TaskForm({ plan, task, onClose }: { plan: Plan; task?: Task; onClose(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(task?.code ?? '');
  const [what, setWhat] = useState(task?.what ?? '');
  const [who, setWho] = useState(task?.who ?? '');
  const [partners, setPartners] = useState(task?.partners ?? '');
  const [expectedResult, setExpected] = useState(task?.expectedResult ?? '');
  const [deadline, setDeadline] = useState(task?.deadline ?? '');
  const [state, setState] = useState<TaskState>(task?.state ?? 'not_started');
  const [note, setNote] = useState(task?.note ?? '');
  const [evidence, setEvidence] = useState<Evidence[]>(task?.evidence ?? []);
  const [checked, setChecked] = useState(false);
  const send = useSend<object, Task>(
    task ? 'PUT' : 'POST',
    task ? `/api/plan/tasks/${task.id}` : `/api/plan/plans/${plan.id}/tasks`,
    { invalidate, success: 'provincePlan.saved' },
  );
  const remove = useSend<object>('DELETE', `/api/plan/tasks/${task?.id}`, {
    invalidate,
    success: 'common.deleted',
  });
  const errors = {
    what: enter(t, t('provincePlan.what'))(what),
    who: enter(t, t('provincePlan.who'))(who),
  };
  const text = (s: string) => s.trim() || null;
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setChecked(true);
    if (Object.values(errors).some(Boolean)) return;
    send.mutate(
      {
        code: text(code),
        what,
        who,
        partners: text(partners),
        expectedResult: text(expectedResult),
        deadline: deadline || null,
        state,
        fileIds: evidence.map((f) => f.id),
        note: text(note),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={task ? t('provincePlan.editTask') : t('provincePlan.addTask')}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput
          label={t('provincePlan.taskCode')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
        />
        <Textarea
          label={t('provincePlan.what')}
          required
          autosize
          minRows={2}
          value={what}
          onChange={(e) => setWhat(e.currentTarget.value)}
          error={checked && errors.what}
          style={{ gridColumn: 'span 3' }}
        />
      </SimpleGrid>
      <TextInput
        label={t('provincePlan.who')}
        required
        value={who}
        onChange={(e) => setWho(e.currentTarget.value)}
        error={checked && errors.who}
      />
      <TextInput
        label={t('provincePlan.partners')}
        value={partners}
        onChange={(e) => setPartners(e.currentTarget.value)}
      />
      <Textarea
        label={t('provincePlan.expectedResult')}
        autosize
        value={expectedResult}
        onChange={(e) => setExpected(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('provincePlan.deadline')} value={deadline} onChange={setDeadline} />
        <Select
          label={t('provincePlan.state')}
          required
          allowDeselect={false}
          value={state}
          onChange={(v) => setState((v as TaskState) ?? 'not_started')}
          data={states.map((s) => ({ value: s, label: t(`provincePlan.taskState.${s}`) }))}
        />
      </SimpleGrid>
      <Textarea
        label={t('provincePlan.note')}
        autosize
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <EvidenceUpload value={evidence} onChange={setEvidence} />
      {send.error ? <ProblemAlert error={send.error} /> : null}
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {task ? (
        <Group>
          <Button
            color="red"
            variant="subtle"
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(t('provincePlan.confirmDeleteTask', { what: task.what })))
                remove.mutate({}, { onSuccess: onClose });
            }}
          >
            {t('provincePlan.deleteTask')}
          </Button>
        </Group>
      ) : null}
    </FormModal>
  );
}
