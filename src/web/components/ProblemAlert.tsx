import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ProblemDocument } from '../api/client.ts';
import { sentenceCase } from './field-checks.ts';

/**
 * Shows a problem document: its title, then every field message not already shown beside an input — in words only,
 * never the field's JSON Pointer (the API's `detail` repeats the messages with their pointers, so it is shown only
 * for a problem without field messages).
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // A new problem is brought into view and announced (role="alert"), also at the top of a scrolled dialog.
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  if (!error) return null;
  const problem: ProblemDocument =
    error instanceof ApiError
      ? error.problem
      : 'title' in (error as object)
        ? (error as ProblemDocument)
        : { type: 'about:blank', title: t('common.networkError'), status: 0 };
  return (
    <Alert
      ref={ref}
      data-testid="problem"
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={problem.title}
      role="alert"
      mb="md"
    >
      {problem.errors ? (
        problem.errors.length ? (
          <List size="sm">
            {problem.errors.map((e) => (
              <List.Item key={`${e.field}-${e.code}`}>{sentenceCase(e.message)}</List.Item>
            ))}
          </List>
        ) : null
      ) : problem.detail ? (
        problem.detail
      ) : null}
    </Alert>
  );
}
