import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useGet } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { GoodsGroup } from './LabelEditor.tsx';
import './words.ts';

/** The department's goods groups and the items each must carry on its label (decision 058); its admin edits them. */
export function GoodsGroupsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data!;
  const vi = i18n.language !== 'en';
  const list = useGet<{ items: GoodsGroup[] }>('/api/goods-groups');
  const [editing, setEditing] = useState<GoodsGroup | 'new' | null>(null);
  const mayEdit = me.role === 'dost_admin';
  return (
    <Stack>
      <PageHeader
        title={t('nav.goodsGroups')}
        description={t('passport.groups.description')}
        actions={
          mayEdit ? <Button onClick={() => setEditing('new')}>{t('passport.groups.new')}</Button> : null
        }
      />
      <ProblemAlert error={list.error} />
      {list.data && !list.data.items.length ? <Text c="dimmed">{t('passport.groups.empty')}</Text> : null}
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('passport.group')}</Table.Th>
              <Table.Th>{t('passport.groups.items')}</Table.Th>
              <Table.Th>{t('passport.groups.legalBasis')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.items ?? []).map((g) => (
              <Table.Tr key={g.code}>
                <Table.Td>
                  <Anchor component="button" fw={600} ta="left" onClick={() => setEditing(g)}>
                    {vi ? g.nameVi : g.nameEn}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {g.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{g.items.map((i) => (vi ? i.vi : i.en)).join('; ')}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {g.legalBasis}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? (
        <GroupEditor
          group={editing === 'new' ? null : editing}
          mayEdit={mayEdit}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}

type Item = { key: string; vi: string; en: string; uid: number };
let nextUid = 1;

function GroupEditor({
  group,
  mayEdit,
  onClose,
}: {
  group: GoodsGroup | null;
  mayEdit: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(group?.code ?? '');
  const [nameVi, setNameVi] = useState(group?.nameVi ?? '');
  const [nameEn, setNameEn] = useState(group?.nameEn ?? '');
  const [legalBasis, setLegalBasis] = useState(group?.legalBasis ?? '');
  const [items, setItems] = useState<Item[]>(
    group?.items.map(({ key, vi, en }) => ({ key, vi, en, uid: nextUid++ })) ?? [
      { key: 'productName', vi: 'Tên hàng hoá', en: 'Name of the goods', uid: nextUid++ },
    ],
  );
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const setItem = (i: number, change: Partial<Item>) =>
    setItems((all) => all.map((item, j) => (j === i ? { ...item, ...change } : item)));
  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      const body = { nameVi, nameEn, legalBasis, items: items.map(({ key, vi, en }) => ({ key, vi, en })) };
      if (group) await api('PATCH', `/api/goods-groups/${group.code}`, { body });
      else await api('POST', '/api/goods-groups', { body: { ...body, code } });
      notifications.show({ color: 'teal', message: t('passport.groups.saved') });
      await queryClient.invalidateQueries({ queryKey: ['/api/goods-groups'] });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={group ? group.nameVi : t('passport.groups.new')} size="xl">
      <Stack>
        <ProblemAlert error={error} />
        <TextInput
          label={t('passport.groups.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          disabled={!!group || !mayEdit}
        />
        <TextInput
          label={t('passport.groups.nameVi')}
          value={nameVi}
          onChange={(e) => setNameVi(e.currentTarget.value)}
          readOnly={!mayEdit}
        />
        <TextInput
          label={t('passport.groups.nameEn')}
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
          readOnly={!mayEdit}
        />
        <Textarea
          label={t('passport.groups.legalBasis')}
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.currentTarget.value)}
          autosize
          readOnly={!mayEdit}
        />
        <Text fw={600}>{t('passport.groups.items')}</Text>
        <Text size="xs" c="dimmed">
          {t('passport.groups.keyHelp')}
        </Text>
        {items.map((item, i) => (
          <Group key={item.uid} align="flex-end" wrap="wrap" gap="xs">
            <TextInput
              label={t('passport.groups.key')}
              value={item.key}
              onChange={(e) => setItem(i, { key: e.currentTarget.value })}
              w={160}
              readOnly={!mayEdit}
            />
            <TextInput
              label={t('passport.groups.itemVi')}
              value={item.vi}
              onChange={(e) => setItem(i, { vi: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 180 }}
              readOnly={!mayEdit}
            />
            <TextInput
              label={t('passport.groups.itemEn')}
              value={item.en}
              onChange={(e) => setItem(i, { en: e.currentTarget.value })}
              style={{ flex: 1, minWidth: 180 }}
              readOnly={!mayEdit}
            />
            {mayEdit ? (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('passport.groups.remove')}
                onClick={() => setItems((all) => all.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {mayEdit ? (
          <Group justify="space-between">
            <Button
              variant="subtle"
              onClick={() => setItems((all) => [...all, { key: '', vi: '', en: '', uid: nextUid++ }])}
            >
              {t('passport.groups.addItem')}
            </Button>
            <Button onClick={save} loading={saving}>
              {t('common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Modal>
  );
}
