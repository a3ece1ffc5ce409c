import {
  type EpcisEvent,
  eventHeader,
  quantityElement,
  VIETNAM_OFFSET,
  vietnamLocal,
} from '../chain/index.ts';
import type { DiaryEntryInput } from './diary.schema.ts';

/** Vietnam's calendar date now, which is what a farmer means by "today". */
export const todayInVietnam = () => vietnamLocal(Date.now()).slice(0, 10);

/** An entry dated today happened now; an older one is placed at local noon of its day. */
export const diaryEventTime = (entryDate: string) =>
  entryDate === todayInVietnam() ? new Date() : new Date(`${entryDate}T12:00:00${VIETNAM_OFFSET}`);

/**
 * A diary entry as an EPCIS ObjectEvent (OBSERVE at the growing area or herd). The diary line itself rides in
 * the `txng:diaryEntry` extension; a harvest that names its lot also lists the lot and quantity.
 */
export function buildDiaryEvent(
  entry: DiaryEntryInput & { id: string },
  opts: { location: string; photoUrls: string[] },
): EpcisEvent {
  const harvestLot =
    entry.kind === 'harvest' && entry.lot && entry.quantity && entry.unit
      ? [quantityElement({ ...entry.lot, quantity: entry.quantity, unit: entry.unit as 'KGM' })]
      : null;
  const payload: Record<string, unknown> = {
    'txng:entryId': entry.id,
    'txng:kind': entry.kind,
    'txng:season': entry.season,
    'txng:entryDate': entry.entryDate,
    'txng:inputName': entry.inputName,
    'txng:activeIngredient': entry.activeIngredient,
    'txng:dose': entry.dose,
    'txng:withdrawalDays': entry.withdrawalDays,
    'txng:quantity': entry.quantity,
    'txng:unit': entry.unit,
    'txng:note': entry.note,
    'txng:photo': opts.photoUrls.length ? opts.photoUrls : undefined,
  };
  return {
    ...eventHeader('ObjectEvent', diaryEventTime(entry.entryDate)),
    action: 'OBSERVE',
    ...(harvestLot ? { quantityList: harvestLot } : { epcList: [] }),
    bizStep: 'other',
    readPoint: { id: opts.location },
    bizLocation: { id: opts.location },
    'txng:stage': 'diary',
    'txng:diaryEntry': Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined)),
  };
}
