import { Alert, Anchor, Button, Group, List, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, post } from '../../api/client.ts';
import { useGet } from '../../api/hooks.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import './words.ts';

type Source = 'product' | 'producer' | 'lot' | 'label';
export interface GoodsGroup {
  code: string;
  nameVi: string;
  nameEn: string;
  legalBasis: string;
  items: { key: string; vi: string; en: string; source: Source }[];
}
interface Label {
  productId: string;
  goodsGroup: string | null;
  values: Record<string, string>;
  items: { key: string; name: string; source: Source; value: string | null; missing: boolean }[];
  missing: string[];
}

const fromWords: Record<Exclude<Source, 'label'>, string> = {
  product: 'passport.fromProduct',
  producer: 'passport.fromProducer',
  lot: 'passport.fromLot',
};

/**
 * A product's e-label: its goods group and the texts the business writes; the items read from the product, the
 * organisation or the lot are shown as they stand; the missing ones are named as the reviewer will see them.
 */
export function LabelEditor({
  product,
  mayWrite,
  onClose,
}: {
  product: { id: string; name: string; gtin: string; reviewStatus: string };
  mayWrite: boolean;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  const queryClient = useQueryClient();
  const groups = useGet<{ items: GoodsGroup[] }>('/api/goods-groups');
  const label = useGet<Label>(`/api/products/${product.id}/label`);
  const [group, setGroup] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!label.data) return;
    setGroup(label.data.goodsGroup);
    setValues(label.data.values);
  }, [label.data]);
  const chosen = groups.data?.items.find((g) => g.code === group) ?? null;
  const shown = label.data && label.data.goodsGroup === group ? label.data : null;
  const save = async () => {
    if (!group) return;
    setError(null);
    setSaving(true);
    try {
      const texts = Object.fromEntries(
        (chosen?.items ?? []).filter((i) => i.source === 'label').map((i) => [i.key, values[i.key] ?? '']),
      );
      await api('PUT', `/api/products/${product.id}/label`, { body: { goodsGroup: group, values: texts } });
      notifications.show({ color: 'teal', message: t('passport.saved') });
      await queryClient.invalidateQueries({ queryKey: [`/api/products/${product.id}/label`] });
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  const resubmit = async () => {
    setError(null);
    try {
      await post('/api/review/submissions', { entityType: 'product', entityId: product.id });
      notifications.show({ color: 'teal', message: t('passport.resubmitted') });
      await queryClient.invalidateQueries({ queryKey: ['/api/products'] });
    } catch (e) {
      setError(e);
    }
  };
  const value = (key: string) => shown?.items.find((i) => i.key === key)?.value ?? null;
  return (
    <Modal opened onClose={onClose} title={t('passport.labelOf', { name: product.name })} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('passport.labelHelp')}
        </Text>
        {mayWrite ? null : <Alert color="gray">{t('passport.readOnly')}</Alert>}
        <ProblemAlert error={error ?? groups.error ?? label.error} />
        <Select
          label={t('passport.group')}
          placeholder={t('passport.groupPlaceholder')}
          data={(groups.data?.items ?? []).map((g) => ({ value: g.code, label: vi ? g.nameVi : g.nameEn }))}
          value={group}
          onChange={setGroup}
          disabled={!mayWrite}
          searchable
        />
        {chosen ? (
          <Stack gap="xs">
            {chosen.items.map((item) =>
              item.source === 'label' ? (
                <Textarea
                  key={item.key}
                  label={vi ? item.vi : item.en}
                  value={values[item.key] ?? ''}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setValues((v) => ({ ...v, [item.key]: text }));
                  }}
                  autosize
                  minRows={1}
                  maxLength={3000}
                  readOnly={!mayWrite}
                />
              ) : (
                <div key={item.key}>
                  <Text size="sm" fw={500}>
                    {vi ? item.vi : item.en}
                  </Text>
                  <Text size="sm">
                    {value(item.key) ?? (
                      <Text span c="red" size="sm">
                        {t('passport.notGiven')}
                      </Text>
                    )}{' '}
                    {item.source === 'lot' ? null : (
                      <Text span c="dimmed" size="xs">
                        ({t(fromWords[item.source])})
                      </Text>
                    )}
                  </Text>
                </div>
              ),
            )}
            {chosen.legalBasis ? (
              <Text size="xs" c="dimmed">
                {chosen.legalBasis}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {shown ? (
          shown.missing.length ? (
            <Alert color="orange" title={t('passport.missingTitle')}>
              <List size="sm">
                {shown.missing.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <Alert color="teal">{t('passport.complete')}</Alert>
          )
        ) : null}
        {product.reviewStatus === 'approved' && mayWrite ? (
          <Text size="sm" c="dimmed">
            {t('passport.publicAfterApproval')}
          </Text>
        ) : null}
        <Group justify="space-between">
          <Group gap="sm">
            <Anchor href={`/epil/01/${product.gtin}`} target="_blank" size="sm">
              {t('passport.viewLabel')}
            </Anchor>
            <Anchor href={`/dpp/01/${product.gtin}`} target="_blank" size="sm">
              {t('passport.viewPassport')}
            </Anchor>
          </Group>
          {mayWrite ? (
            <Group gap="sm">
              {product.reviewStatus === 'approved' ? (
                <Button variant="light" onClick={resubmit}>
                  {t('passport.resubmit')}
                </Button>
              ) : null}
              <Button onClick={save} loading={saving} disabled={!group}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
