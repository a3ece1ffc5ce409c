import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colours: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  pending: 'blue',
  approved: 'green',
  active: 'green',
  returned: 'orange',
  on_hold: 'orange',
  rejected: 'red',
  recalled: 'red',
  destroyed: 'dark',
  revoked: 'red',
  printed: 'teal',
  activated: 'teal',
};

/** A review or life-cycle status, in words and colour (the words carry the meaning, not the colour alone). */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={colours[status] ?? 'gray'} variant="light" styles={{ root: { minWidth: 'max-content' } }}>
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
