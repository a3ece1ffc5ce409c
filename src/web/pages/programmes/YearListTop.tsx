import { Alert, Button, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import './words.ts';

const thisYear = new Date().getFullYear();
/** Next year and the six before it: the years a course or a programme is looked up by. */
export const yearOptions = Array.from({ length: 7 }, (_, i) => String(thisYear + 1 - i));

/**
 * The top of a list kept by year (training courses, support programmes): its title with the admin's create button,
 * the year picker, the error of loading it and the words for an empty year. `words` names the list's word group.
 */
export function YearListTop(props: {
  words: 'training' | 'support';
  year: [string | null, (year: string | null) => void];
  list: { error: unknown; isSuccess: boolean; data?: { items: unknown[] } };
  onCreate(): void;
}) {
  const { t } = useTranslation();
  const me = useMe().data!;
  const w = (key: string) => t(`${props.words}.${key}`);
  const [year, setYear] = props.year;
  return (
    <>
      <PageHeader
        title={w('title')}
        description={w('description')}
        actions={me.role === 'dost_admin' ? <Button onClick={props.onCreate}>{w('create')}</Button> : null}
      />
      <Select
        label={w('year')}
        w={200}
        clearable
        placeholder={t('training.allYears')}
        value={year}
        onChange={setYear}
        data={yearOptions}
      />
      <ProblemAlert error={props.list.error} />
      {props.list.isSuccess && !props.list.data?.items.length ? <Alert>{w('empty')}</Alert> : null}
    </>
  );
}
