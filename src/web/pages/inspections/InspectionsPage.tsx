import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGet, useSend } from '../../api/hooks.ts';
import { useMe } from '../../api/session.ts';
import type { Lot, Product } from '../../api/types.ts';
import { OrganisationPicker, ownOrganisation } from '../../components/acting-organisation.tsx';
import { DateField } from '../../components/DateField.tsx';
import { EntitySelect } from '../../components/EntitySelect.tsx';
import { ImageUpload } from '../../components/ImageUpload.tsx';
import type { Page } from '../../components/list-state.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { mayOpenPath } from '../../layout/access.ts';
import { type CaseSummary, caseNumber, subjectWords } from '../cases/CasesPage.tsx';
import { checklist } from './checklist.ts';
import { PlaceVisits } from './PlaceVisits.tsx';
import type { Plan } from './PlansPage.tsx';
import { placeFilterFromAddress } from './place-filter.ts';
import { type FindingView, FixResult, FollowUps, type Sanction, Sanctions } from './VisitExtras.tsx';
import './words.ts';

interface Act {
  id: string;
  organisationId: string;
  kind: (typeof kinds)[number];
  gtin: string | null;
  firstSerial: number | null;
  lastSerial: number | null;
  lotId: string | null;
  productId: string | null;
  reason: string;
  decidedAt: string;
  liftedAt: string | null;
  liftReason: string | null;
  liftOutcome: string | null;
}
interface Visit {
  id: string;
  organisationId: string;
  visitedOn: string;
  checklist: { item: string; result: string; note: string | null }[];
  internalNote?: string | null;
  followUpOf: string | null;
  caseId: string | null;
  planId: string | null;
  findings: FindingView[];
  followsUp: FindingView[];
  sanctions: Sanction[];
}

const kinds = ['warning', 'stamp_suspension', 'lot_hold', 'lot_recall', 'approval_withdrawal'] as const;

/** A uuid given in the page's address (`?organisationId=…&planId=…` from a plan's target), if any. */
const idInAddress = (name: string) => {
  const id = new URLSearchParams(window.location.search).get(name);
  return id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
};

/** The case this page was opened from ("Ghi nhận kiểm tra" on a case page: `?caseId=`), if any. */
const caseIdInAddress = () => {
  const id = new URLSearchParams(window.location.search).get('caseId');
  return id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id : null;
};

/**
 * Inspections (issue 12 §2). Inspectors and the admin record visits with the checklist, findings with photos and a
 * deadline, and decide or lift the acts; the inspected owner reads "Kết luận kiểm tra": findings, deadlines, acts.
 */
export function InspectionsPage() {
  const { t } = useTranslation();
  const me = useMe().data!;
  const writer = me.role === 'inspector' || me.role === 'dost_admin';
  const [organisationId, setOrganisationId] = useState(
    ownOrganisation(me) ?? idInAddress('organisationId') ?? '',
  );
  // opened from a dashboard figure: the visits of its commune, sector and months, until one organisation is picked
  const [place] = useState(placeFilterFromAddress);
  // "Kiểm tra lại" on a finding: the next visit recorded follows up that finding's visit
  const [followUp, setFollowUp] = useState<Visit | null>(null);
  // opened from a case: the case's organisation is the one inspected, and the visit is filed with the case
  const [caseId] = useState(caseIdInAddress);
  const fromCase = useGet<CaseSummary>(writer && caseId ? `/api/cases/${caseId}` : null);
  const caseOrganisation = fromCase.data?.subject.organisationId;
  useEffect(() => {
    if (caseOrganisation) setOrganisationId(caseOrganisation);
  }, [caseOrganisation]);
  const forCase =
    fromCase.data && fromCase.data.subject.organisationId === organisationId ? fromCase.data : null;
  const query = { organisationId: organisationId || undefined, pageSize: 50 };
  const visits = useGet<Page<Visit>>(organisationId ? '/api/inspections/visits' : null, query);
  const acts = useGet<Page<Act>>(organisationId ? '/api/inspections/actions' : null, query);

  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {me.role === 'org_owner' ? t('inspection.conclusions') : t('nav.inspections')}
      </Title>
      <OrganisationPicker value={organisationId} onChange={setOrganisationId} />
      {forCase && (
        <Alert color="blue" variant="light">
          {t('inspection.forCase', {
            number: caseNumber(forCase.number),
            subject: subjectWords(t, forCase.subject),
          })}{' '}
          <Anchor component={Link} to={`/cases/${forCase.id}`}>
            {t('inspection.backToCase')}
          </Anchor>
        </Alert>
      )}
      {fromCase.error ? <ProblemAlert error={fromCase.error} /> : null}
      {!organisationId && place ? <PlaceVisits filter={place} onPick={setOrganisationId} /> : null}
      {!organisationId ? (
        place ? null : (
          <Text c="dimmed">{t('inspection.pickOrganisation')}</Text>
        )
      ) : (
        <>
          {writer && (
            <DecideAct
              key={organisationId}
              organisationId={organisationId}
              initialGtin={forCase?.subject.gtin ?? ''}
            />
          )}
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('inspection.acts')}
            </Title>
            {acts.data?.items.length ? (
              <ActsTable acts={acts.data.items} writer={writer} />
            ) : (
              <Text c="dimmed">{t('inspection.noActs')}</Text>
            )}
          </Card>
          {writer && (
            <RecordVisit
              key={`${organisationId}:${followUp?.id ?? ''}`}
              organisationId={organisationId}
              inspectorId={me.id}
              caseId={forCase?.id}
              followUp={followUp?.organisationId === organisationId ? followUp : null}
              onDone={() => setFollowUp(null)}
            />
          )}
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">
              {t('inspection.visits')}
            </Title>
            {visits.data?.items.length ? (
              <Stack>
                {visits.data.items.map((v) => (
                  <VisitCard
                    key={v.id}
                    visit={v}
                    writer={writer}
                    organisationId={organisationId}
                    onFollowUp={() => {
                      setFollowUp(v);
                      document.getElementById('record-visit')?.scrollIntoView({ behavior: 'smooth' });
                    }}
                  />
                ))}
              </Stack>
            ) : (
              <Text c="dimmed">{t('inspection.noVisits')}</Text>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}

function actTarget(t: (k: string, o: Record<string, unknown>) => string, a: Act) {
  if (a.kind === 'stamp_suspension')
    return t('inspection.stampRange', { gtin: a.gtin, first: a.firstSerial, last: a.lastSerial });
  if (a.kind === 'approval_withdrawal')
    return t(a.productId ? 'inspection.withdrawnProduct' : 'inspection.withdrawnOrganisation', {});
  return '';
}

/** The name and GTIN of the product an act names (the act keeps its id). */
function ProductName({ id }: { id: string }) {
  const product = useGet<Product>(`/api/products/${id}`);
  return product.data ? <>: {`${product.data.name} (${product.data.gtin})`}</> : null;
}

function ActsTable({ acts, writer }: { acts: Act[]; writer: boolean }) {
  const { t } = useTranslation();
  const [lifting, setLifting] = useState<Act | null>(null);
  return (
    <>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inspection.act')}</Table.Th>
            <Table.Th>{t('inspection.reason')}</Table.Th>
            <Table.Th>{t('inspection.decidedAt')}</Table.Th>
            <Table.Th>{t('inspection.state')}</Table.Th>
            {writer && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {acts.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Text fw={500}>{t(`inspection.kind.${a.kind}`)}</Text>
                <Text size="sm" c="dimmed">
                  {actTarget((k, o) => t(k, o), a)}
                  {a.productId ? <ProductName id={a.productId} /> : null}
                </Text>
              </Table.Td>
              <Table.Td>{a.reason}</Table.Td>
              <Table.Td>{formatDateTime(a.decidedAt)}</Table.Td>
              <Table.Td>
                {a.liftedAt ? (
                  <Text size="sm" c="dimmed">
                    {t('inspection.liftedOn', { date: formatDateTime(a.liftedAt) })}
                    {a.liftOutcome ? `. ${t(`inspection.liftOutcome.${a.liftOutcome}`)}` : ''}
                  </Text>
                ) : (
                  <Text size="sm" c="red" fw={600}>
                    {t('inspection.inForce')}
                  </Text>
                )}
              </Table.Td>
              {writer && (
                <Table.Td>
                  {!a.liftedAt && (
                    <Button size="xs" variant="light" onClick={() => setLifting(a)}>
                      {t('inspection.lift')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {lifting && <LiftDialog act={lifting} onClose={() => setLifting(null)} />}
    </>
  );
}

function LiftDialog({ act, onClose }: { act: Act; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const send = useSend<{ reason: string }>('POST', `/api/inspections/actions/${act.id}/lift`, {
    invalidate: ['/api/inspections'],
    success: 'inspection.lifted',
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('inspection.liftTitle', { act: t(`inspection.kind.${act.kind}`) })}
    >
      <Stack>
        {act.kind === 'approval_withdrawal' && (
          <Alert color="blue">{t('inspection.liftWithdrawalHint')}</Alert>
        )}
        <Textarea
          label={t('inspection.liftReason')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {send.error && <ProblemAlert error={send.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!reason.trim()}
            loading={send.isPending}
            onClick={() => send.mutate({ reason }, { onSuccess: onClose })}
          >
            {t('inspection.confirmLift')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DecideAct({ organisationId, initialGtin }: { organisationId: string; initialGtin: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof kinds)[number]>('stamp_suspension');
  const [gtin, setGtin] = useState(initialGtin);
  const [first, setFirst] = useState<number | string>('');
  const [last, setLast] = useState<number | string>('');
  const [lotId, setLotId] = useState('');
  const [productId, setProductId] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const send = useSend<object>('POST', '/api/inspections/actions', {
    invalidate: ['/api/inspections'],
    success: 'inspection.decided',
  });
  const body = {
    organisationId,
    kind,
    reason,
    ...(kind === 'stamp_suspension'
      ? {
          gtin,
          firstSerial: first === '' ? undefined : Number(first),
          lastSerial: last === '' ? undefined : Number(last),
        }
      : {}),
    ...(kind === 'lot_hold' || kind === 'lot_recall' ? { lotId: lotId || undefined } : {}),
    ...(kind === 'approval_withdrawal' ? { productId: productId || undefined } : {}),
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {t('inspection.decide')}
      </Title>
      <Stack>
        <Select
          label={t('inspection.act')}
          data={kinds.map((k) => ({ value: k, label: t(`inspection.kind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as (typeof kinds)[number])}
          allowDeselect={false}
        />
        {kind === 'stamp_suspension' && (
          <>
            <EntitySelect<Product>
              label={t('inspection.product')}
              required
              path="/api/products"
              query={{ organisationId }}
              option={(p) => ({ value: p.gtin, label: `${p.name} (${p.gtin})` })}
              value={gtin}
              onChange={setGtin}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t('inspection.firstSerial')}
                required
                min={0}
                value={first}
                onChange={setFirst}
              />
              <NumberInput
                label={t('inspection.lastSerial')}
                required
                min={0}
                value={last}
                onChange={setLast}
              />
            </SimpleGrid>
          </>
        )}
        {(kind === 'lot_hold' || kind === 'lot_recall') && (
          <EntitySelect<Lot>
            label={t('inspection.lot')}
            required
            path="/api/lots"
            query={{ organisationId }}
            option={(l) => ({ value: l.id, label: l.lot })}
            value={lotId}
            onChange={setLotId}
          />
        )}
        {kind === 'approval_withdrawal' && (
          <EntitySelect<Product>
            label={t('inspection.withdrawnWhat')}
            description={t('inspection.withdrawnWhatHint')}
            path="/api/products"
            query={{ organisationId }}
            option={(p) => ({ value: p.id, label: `${p.name} (${p.gtin})` })}
            value={productId}
            onChange={setProductId}
          />
        )}
        <Textarea
          label={t('inspection.reason')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        {send.error && !confirming && <ProblemAlert error={send.error} />}
        <Group>
          <Button color="red" disabled={!reason.trim()} onClick={() => setConfirming(true)}>
            {t('inspection.decideButton')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('inspection.confirmTitle')}>
        <Stack>
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />}>
            {t(`inspection.confirm.${kind}`)}
          </Alert>
          {kind === 'approval_withdrawal' ? (
            <Text size="sm" fw={500}>
              {t(productId ? 'inspection.withdrawnProduct' : 'inspection.withdrawnOrganisation')}
              {productId ? <ProductName id={productId} /> : null}
            </Text>
          ) : null}
          {kind === 'stamp_suspension' && gtin && first !== '' && last !== '' ? (
            <Text size="sm" fw={500}>
              {t('inspection.stampRange', { gtin, first, last })}
              {Number(last) >= Number(first)
                ? ` (${t('inspection.stampCount', { n: Number(last) - Number(first) + 1 })})`
                : ''}
            </Text>
          ) : null}
          <Text size="sm">
            {t('inspection.reason')}: {reason}
          </Text>
          {send.error && <ProblemAlert error={send.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={send.isPending}
              onClick={() =>
                send.mutate(body, {
                  onSuccess: () => {
                    setConfirming(false);
                    setReason('');
                  },
                })
              }
            >
              {t('inspection.confirmDecide')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function RecordVisit({
  organisationId,
  inspectorId,
  caseId,
  followUp,
  onDone,
}: {
  organisationId: string;
  inspectorId: string;
  caseId?: string;
  followUp: Visit | null;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [visitedOn, setVisitedOn] = useState<string>('');
  // the plans under way (or drafts) that name this organisation; one given in the address is chosen
  const plans = useGet<Page<Plan>>('/api/inspection-plans', { organisationId, pageSize: 50 });
  const open = (plans.data?.items ?? []).filter((p) => p.state !== 'closed');
  const [planId, setPlanId] = useState<string | null>(idInAddress('planId'));
  const [results, setResults] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [internalNote, setInternalNote] = useState('');
  const send = useSend<object>('POST', '/api/inspections/visits', {
    invalidate: ['/api/inspections'],
    success: 'inspection.visitSaved',
  });
  const save = () =>
    send.mutate(
      {
        organisationId,
        visitedOn: visitedOn || '',
        inspectorIds: [inspectorId],
        checklist: checklist
          .filter((c) => results[c.code])
          .map((c) => ({ item: c.code, result: results[c.code], note: notes[c.code] || null })),
        internalNote: internalNote || null,
        caseId,
        planId: planId ?? undefined,
        followUpOf: followUp?.id,
      },
      {
        onSuccess: () => {
          setResults({});
          setNotes({});
          setInternalNote('');
          onDone();
        },
      },
    );
  return (
    <Card withBorder id="record-visit">
      <Title order={2} size="h4" mb="sm">
        {followUp
          ? t('inspection.recordFollowUp', { date: formatDate(followUp.visitedOn) })
          : t('inspection.recordVisit')}
      </Title>
      <Stack>
        {followUp && (
          <Alert color="blue" variant="light">
            {t('inspection.followUpHint', { n: followUp.findings.filter((f) => f.fixBy).length })}{' '}
            <Anchor component="button" type="button" onClick={onDone}>
              {t('inspection.notFollowUp')}
            </Anchor>
          </Alert>
        )}
        <DateField label={t('inspection.visitedOn')} required value={visitedOn} onChange={setVisitedOn} />
        {open.length ? (
          <Select
            label={t('inspection.plan')}
            clearable
            placeholder={t('inspection.noPlan')}
            value={planId}
            onChange={setPlanId}
            data={open.map((p) => ({ value: p.id, label: p.title }))}
          />
        ) : null}
        <Table>
          <Table.Tbody>
            {checklist.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>{c.vi}</Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={c.vi}
                    value={results[c.code] ?? ''}
                    onChange={(v) => setResults({ ...results, [c.code]: v })}
                    data={[
                      { value: 'pass', label: t('inspection.result.pass') },
                      { value: 'fail', label: t('inspection.result.fail') },
                      { value: 'not_applicable', label: t('inspection.result.not_applicable') },
                    ]}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    aria-label={t('inspection.note')}
                    placeholder={t('inspection.note')}
                    value={notes[c.code] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [c.code]: e.currentTarget.value })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Textarea
          label={t('inspection.internalNote')}
          description={t('inspection.internalNoteHint')}
          value={internalNote}
          onChange={(e) => setInternalNote(e.currentTarget.value)}
        />
        {send.error && <ProblemAlert error={send.error} />}
        <Group>
          <Button loading={send.isPending} onClick={save}>
            {t('inspection.saveVisit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function VisitCard({
  visit,
  writer,
  organisationId,
  onFollowUp,
}: {
  visit: Visit;
  writer: boolean;
  organisationId: string;
  onFollowUp(): void;
}) {
  const { t } = useTranslation();
  const me = useMe().data!;
  const failed = visit.checklist.filter((c) => c.result === 'fail');
  const label = (code: string) => checklist.find((c) => c.code === code)?.vi ?? code;
  return (
    <Card withBorder>
      <Text fw={600}>
        {t(visit.followUpOf ? 'inspection.followUpOf' : 'inspection.visitOf', {
          date: formatDate(visit.visitedOn),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('inspection.checked', { n: visit.checklist.length, failed: failed.length })}
      </Text>
      {visit.caseId && mayOpenPath('/cases', me.role) ? (
        <Anchor component={Link} to={`/cases/${visit.caseId}`} size="sm">
          {t('inspection.toCase')}
        </Anchor>
      ) : null}
      {failed.map((c) => (
        <Text key={c.item} size="sm" c="red">
          ✗ {label(c.item)}
          {c.note ? ` — ${c.note}` : ''}
        </Text>
      ))}
      {visit.internalNote && (
        <Text size="sm" mt="xs">
          {t('inspection.internalNote')}: {visit.internalNote}
        </Text>
      )}
      <Title order={3} size="h5" mt="sm">
        {t('inspection.findings')}
      </Title>
      {visit.findings.length ? (
        visit.findings.map((f) => (
          <Stack key={f.id} gap={4} my="xs">
            <Text>{f.text}</Text>
            {f.fixBy && (
              <Group gap="xs">
                <Badge color="orange" variant="light">
                  {t('inspection.fixBy', { date: formatDate(f.fixBy) })}
                </Badge>
                <FixResult finding={f} />
                {writer && (
                  <Button size="compact-xs" variant="light" onClick={onFollowUp}>
                    {t('inspection.followUp')}
                  </Button>
                )}
              </Group>
            )}
            <Group gap="xs">
              {f.fileIds.map((id) => (
                <img key={id} src={`/files/${id}?size=thumb`} alt={t('inspection.photo')} height={64} />
              ))}
            </Group>
          </Stack>
        ))
      ) : (
        <Text size="sm" c="dimmed">
          {t('inspection.noFindings')}
        </Text>
      )}
      <FollowUps visitId={visit.id} findings={visit.followsUp} writer={writer} />
      <Sanctions visitId={visit.id} sanctions={visit.sanctions} findings={visit.findings} writer={writer} />
      {writer && <AddFinding visitId={visit.id} organisationId={organisationId} />}
    </Card>
  );
}

function AddFinding({ visitId, organisationId }: { visitId: string; organisationId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fixBy, setFixBy] = useState<string>('');
  const [photos, setPhotos] = useState<string[]>([]);
  const send = useSend<object>('POST', `/api/inspections/visits/${visitId}/findings`, {
    invalidate: ['/api/inspections'],
    success: 'inspection.findingSaved',
  });
  // the upload keeps each photo's address (…/files/<id>): the finding names the files by id
  const fileIds = photos.map((u) => u.split('/files/')[1]?.split('?')[0] ?? '').filter(Boolean);
  return (
    <Stack gap="xs" mt="sm">
      <Textarea
        label={t('inspection.newFinding')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <DateField label={t('inspection.fixByLabel')} value={fixBy} onChange={setFixBy} />
      <ImageUpload
        label={t('inspection.photos')}
        organisationId={organisationId}
        value={photos}
        onChange={setPhotos}
      />
      {send.error && <ProblemAlert error={send.error} />}
      <Group>
        <Button
          size="sm"
          variant="light"
          disabled={!text.trim()}
          loading={send.isPending}
          onClick={() =>
            send.mutate(
              { text, fileIds, fixBy: fixBy || undefined },
              {
                onSuccess: () => {
                  setText('');
                  setPhotos([]);
                  setFixBy('');
                },
              },
            )
          }
        >
          {t('inspection.saveFinding')}
        </Button>
      </Group>
    </Stack>
  );
}
