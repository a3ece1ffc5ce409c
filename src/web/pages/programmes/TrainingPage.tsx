import {
  Anchor,
  Button,
  FileButton,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { DateField } from '../../components/DateField.tsx';
import { EntityMultiSelect } from '../../components/EntitySelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../format.ts';
import { RemoveRowButton, RowText } from './RowFields.tsx';
import { patchRow, rowKey, withoutRow } from './survey-types.ts';
import { YearListTop } from './YearListTop.tsx';
import './words.ts';

export interface Course {
  id: string;
  topic: string;
  startsOn: string;
  endsOn: string;
  organiser: string;
  place: string;
  trainers: string[];
  organisations: { id: string; name: string }[];
  people: { name: string; unit: string }[];
  materials: { title: string; link: string | null; fileId: string | null; fileUrl: string | null }[];
  participantCount: number;
  note: string | null;
}

/** Training courses (issue 13 §2): the admin records them; the province's staff read them, by year. */
export function TrainingPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const [year, setYear] = useState<string | null>(String(new Date().getFullYear()));
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  const list = useGet<{ items: Course[] }>('/api/training-courses', { year: year ?? undefined });
  const items = list.data?.items ?? [];
  const people = items.reduce((s, c) => s + c.participantCount, 0);
  const organisations = new Set(items.flatMap((c) => c.organisations.map((o) => o.id))).size;
  return (
    <>
      <Stack>
        <YearListTop words="training" year={[year, setYear]} list={list} onCreate={() => setEditing('new')} />
        {items.length ? (
          <>
            <Text size="sm" fw={600}>
              {t('training.totals', { courses: items.length, people, organisations })}
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('training.dates')}</Table.Th>
                    <Table.Th>{t('training.topic')}</Table.Th>
                    <Table.Th>{t('training.organiser')}</Table.Th>
                    <Table.Th>{t('training.place')}</Table.Th>
                    <Table.Th>{t('training.participantCount')}</Table.Th>
                    <Table.Th>{t('training.materials')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        {formatDate(c.startsOn)}
                        {c.endsOn !== c.startsOn ? ` – ${formatDate(c.endsOn)}` : ''}
                      </Table.Td>
                      <Table.Td>
                        {me.role === 'dost_admin' ? (
                          <Anchor component="button" type="button" onClick={() => setEditing(c)}>
                            {c.topic}
                          </Anchor>
                        ) : (
                          c.topic
                        )}
                        {c.trainers.length ? (
                          <Text size="xs" c="dimmed">
                            {t('training.trainers')}: {c.trainers.join(', ')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{c.organiser}</Table.Td>
                      <Table.Td>{c.place}</Table.Td>
                      <Table.Td>
                        {c.participantCount}
                        {c.organisations.length ? (
                          <Text size="xs" c="dimmed">
                            {c.organisations.map((o) => o.name).join(', ')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {c.materials.map((m) =>
                          m.link || m.fileUrl ? (
                            <Anchor
                              key={m.title}
                              href={(m.fileUrl ?? m.link)!}
                              target="_blank"
                              rel="noreferrer"
                              size="sm"
                              display="block"
                            >
                              {m.title}
                            </Anchor>
                          ) : (
                            <Text key={m.title} size="sm">
                              {m.title}
                            </Text>
                          ),
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Stack>
      {editing ? (
        <CourseForm course={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function CourseForm({ course, onClose }: { course?: Course; onClose(): void }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState(course?.topic ?? '');
  const [startsOn, setStarts] = useState(course?.startsOn ?? '');
  const [endsOn, setEnds] = useState(course?.endsOn ?? '');
  const [organiser, setOrganiser] = useState(course?.organiser ?? 'Sở Khoa học và Công nghệ');
  const [place, setPlace] = useState(course?.place ?? '');
  const [trainers, setTrainers] = useState(course?.trainers ?? []);
  const [organisationIds, setOrganisations] = useState(course?.organisations.map((o) => o.id) ?? []);
  const [people, setPeople] = useState((course?.people ?? []).map((p) => ({ ...p, key: rowKey() })));
  const [materials, setMaterials] = useState(
    (course?.materials ?? []).map((m) => ({
      title: m.title,
      link: m.link ?? '',
      fileId: m.fileId,
      fileName: m.fileId ? t('training.fileAttached') : null,
      key: rowKey(),
    })),
  );
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [count, setCount] = useState<number | string>(course?.participantCount ?? '');
  const [note, setNote] = useState(course?.note ?? '');
  const send = useSend<object, Course>(
    course ? 'PUT' : 'POST',
    course ? `/api/training-courses/${course.id}` : '/api/training-courses',
    {
      invalidate: ['/api/training-courses'],
      success: 'training.saved',
    },
  );
  const submit = (event?: React.FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    send.mutate(
      {
        topic,
        startsOn,
        endsOn: endsOn || undefined,
        organiser,
        place,
        trainers,
        organisationIds,
        people: people.filter((p) => p.name || p.unit).map(({ name, unit }) => ({ name, unit })),
        materials: materials
          .filter((m) => m.title || m.link || m.fileId)
          .map((m) => ({ title: m.title, link: m.link || undefined, fileId: m.fileId ?? undefined })),
        participantCount: typeof count === 'number' ? count : undefined,
        note: note || undefined,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <FormModal
      title={course ? t('training.edit') : t('training.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      problem={null}
      submitting={send.isPending}
    >
      <TextInput
        label={t('training.topic')}
        required
        value={topic}
        onChange={(e) => setTopic(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('training.startsOn')} required value={startsOn} onChange={setStarts} />
        <DateField label={t('training.endsOn')} value={endsOn} onChange={setEnds} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('training.organiser')}
          required
          value={organiser}
          onChange={(e) => setOrganiser(e.currentTarget.value)}
        />
        <TextInput
          label={t('training.place')}
          required
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
        />
      </SimpleGrid>
      <TagsInput
        label={t('training.trainers')}
        description={t('training.trainersHint')}
        value={trainers}
        onChange={setTrainers}
      />
      <EntityMultiSelect<{ id: string; name: string }>
        label={t('training.organisations')}
        path="/api/organisations"
        option={(o) => ({ value: o.id, label: o.name })}
        value={organisationIds}
        onChange={setOrganisations}
      />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('training.people')}
        </Text>
        {people.map((p, i) => (
          <Group key={p.key} gap="xs" wrap="nowrap" align="flex-end">
            <RowText
              label={t('training.personName')}
              value={p.name}
              onChange={(name) => setPeople(patchRow(i, { name }))}
            />
            <RowText
              label={t('training.personUnit')}
              value={p.unit}
              onChange={(unit) => setPeople(patchRow(i, { unit }))}
            />
            <RemoveRowButton label={t('training.removeRow')} onClick={() => setPeople(withoutRow(i))} />
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => setPeople((ps) => [...ps, { name: '', unit: '', key: rowKey() }])}
        >
          {t('training.addPerson')}
        </Button>
      </Stack>
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('training.materials')}
        </Text>
        {materials.map((m, i) => (
          <Group key={m.key} gap="xs" wrap="nowrap">
            <RowText
              label={t('training.materialTitle')}
              value={m.title}
              onChange={(title) => setMaterials(patchRow(i, { title }))}
            />
            <RowText
              label={t('training.materialLink')}
              value={m.link}
              onChange={(link) => setMaterials(patchRow(i, { link }))}
            />
            <FileButton
              accept="application/pdf,image/*"
              onChange={async (file) => {
                if (!file) return;
                setUploadError(null);
                try {
                  const stored = await api<{ id: string; name: string | null }>(
                    'POST',
                    '/api/training-courses/materials',
                    {
                      form: (() => {
                        const form = new FormData();
                        form.append('file', file);
                        return form;
                      })(),
                    },
                  );
                  setMaterials((ms) =>
                    ms.map((x, j) =>
                      j === i
                        ? { ...x, fileId: stored.id, fileName: file.name, title: x.title || file.name }
                        : x,
                    ),
                  );
                } catch (error) {
                  setUploadError(error);
                }
              }}
            >
              {(props) => (
                <Button {...props} variant="default" size="sm">
                  {m.fileName ?? t('training.attachFile')}
                </Button>
              )}
            </FileButton>
            <RemoveRowButton label={t('training.removeRow')} onClick={() => setMaterials(withoutRow(i))} />
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() =>
            setMaterials((ms) => [
              ...ms,
              { title: '', link: '', fileId: null, fileName: null, key: rowKey() },
            ])
          }
        >
          {t('training.addMaterial')}
        </Button>
        <ProblemAlert error={uploadError} />
      </Stack>
      <NumberInput
        label={t('training.participantCount')}
        description={t('training.participantHint')}
        min={0}
        clampBehavior="none"
        allowDecimal={false}
        w={240}
        value={count}
        onChange={setCount}
      />
      <Textarea
        label={t('training.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <ProblemAlert error={send.error} />
    </FormModal>
  );
}
