import { Badge, Group, List, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/hooks.ts';
import { type ApprovalNeed, fieldNeed, meets, missingNeeds } from './approval-needs.ts';

/**
 * The form's view of what approval will check: `mark(label, field)` puts a small badge beside the label of a field
 * a check needs ("Cần để được duyệt" for a check that blocks approval, "Nên có khi thẩm định" for one that only
 * warns), and `needs` feeds the live summary. Both come from the server's list, so form and pre-checks agree.
 */
export function useApprovalNeeds(entityType: string, values: Record<string, unknown>) {
  const { t } = useTranslation();
  const answer = useGet<{ needs: ApprovalNeed[] }>('/api/review/approval-needs', { entityType });
  const needs = answer.data?.needs ?? [];
  const mark = (label: string, field: string): ReactNode => {
    const need = fieldNeed(needs, field, values);
    if (!need) return label;
    return (
      <>
        {label}{' '}
        <Badge
          size="xs"
          radius="sm"
          variant={need.met ? 'light' : 'outline'}
          color={need.met ? 'teal' : need.blocking ? 'blue' : 'gray'}
          style={{ verticalAlign: 'middle', textTransform: 'none' }}
          data-testid={`approval-mark-${field}`}
          // kept out of the field's name (people and tests find the field by its label); the summary says it in words
          aria-hidden
        >
          {t(need.blocking ? 'review.neededForApproval' : 'review.recommendedForApproval')}
        </Badge>
      </>
    );
  };
  return { needs, mark };
}

/** Live, under the form: which of what approval checks the values give, and what is still missing. */
export function ApprovalNeedsSummary({
  needs,
  values,
}: {
  needs: ApprovalNeed[];
  values: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  if (!needs.length) return null;
  const missing = missingNeeds(needs, values);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="approval-needs">
      <Group justify="space-between" mb={6}>
        <Text fw={600} size="sm">
          {t('review.approvalNeedsTitle')}
        </Text>
        <Text size="xs" c={missing.some((n) => n.blocking) ? 'red.8' : 'dimmed'}>
          {missing.length
            ? t('review.approvalNeedsMissing', { count: missing.length })
            : t('review.approvalNeedsAllMet')}
        </Text>
      </Group>
      <List spacing={4} size="sm">
        {needs.map((n) => {
          const met = meets(n, values);
          const look = met
            ? { color: 'teal', icon: <IconCheck size={12} aria-hidden />, word: t('review.needMet') }
            : n.blocking
              ? { color: 'red', icon: <IconX size={12} aria-hidden />, word: t('review.needMissing') }
              : {
                  color: 'orange',
                  icon: <IconAlertTriangle size={12} aria-hidden />,
                  word: t('review.needRecommended'),
                };
          return (
            <List.Item
              key={n.code}
              icon={
                <ThemeIcon size={18} radius="xl" color={look.color}>
                  {look.icon}
                </ThemeIcon>
              }
            >
              <span className="visually-hidden">{look.word}: </span>
              {n.message}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
