import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { PasswordChangeFields, usePasswordChange } from './password-change.tsx';

/** The account menu's "Đổi mật khẩu": every other session of the person ends. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const change = usePasswordChange(onClose);
  const close = () => {
    change.reset();
    onClose();
  };
  return (
    <FormModal
      title={t('account.changePassword')}
      opened={opened}
      onClose={close}
      onSubmit={change.submit}
      problem={change.problem}
      submitting={change.pending}
      submitLabel={t('account.changePassword')}
      size="md"
    >
      <Text size="sm" c="dimmed">
        {t('account.otherSessionsEnd')}
      </Text>
      <PasswordChangeFields form={change.form} />
    </FormModal>
  );
}
