import { List, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface PreCheckView {
  code: string;
  ok: boolean;
  blocking: boolean;
  applies: boolean;
  message: string;
}

/**
 * Pre-check results in words and colour: passed ("Đạt"), failed and blocking approval ("Chưa đạt", red), a warning
 * (failed, not blocking — the only use of "Cảnh báo", orange), or not applying to this record ("Không áp dụng").
 */
export function PreCheckList({ checks }: { checks: PreCheckView[] }) {
  const { t } = useTranslation();
  const state = (c: PreCheckView) =>
    !c.applies ? 'notApplicable' : c.ok ? 'ok' : c.blocking ? 'blocking' : 'warning';
  const look = {
    ok: { color: 'teal', icon: <IconCheck size={14} aria-hidden />, label: t('review.checkOk') },
    blocking: { color: 'red', icon: <IconX size={14} aria-hidden />, label: t('review.checkBlocking') },
    warning: {
      color: 'orange',
      icon: <IconAlertTriangle size={14} aria-hidden />,
      label: t('review.checkWarning'),
    },
    notApplicable: {
      color: 'gray',
      icon: <IconMinus size={14} aria-hidden />,
      label: t('review.checkNotApplicable'),
    },
  };
  return (
    <List spacing="xs" size="sm" data-testid="pre-checks">
      {checks.map((c) => {
        const l = look[state(c)];
        return (
          <List.Item
            key={c.code}
            c={state(c) === 'notApplicable' ? 'dimmed' : undefined}
            icon={
              <ThemeIcon
                size={22}
                radius="xl"
                color={l.color}
                variant={state(c) === 'notApplicable' ? 'light' : 'filled'}
              >
                {l.icon}
              </ThemeIcon>
            }
          >
            {/* a passed check needs no word beside its tick; the others say which they are, in words */}
            <Text
              span
              size="sm"
              fw={state(c) === 'ok' || state(c) === 'notApplicable' ? undefined : 600}
              c={state(c) === 'blocking' ? 'red.8' : state(c) === 'warning' ? 'orange.9' : undefined}
              className={state(c) === 'ok' ? 'visually-hidden' : undefined}
            >
              {l.label}
              {': '}
            </Text>
            {c.message}
          </List.Item>
        );
      })}
    </List>
  );
}
