import {
  IconBug,
  IconDroplet,
  IconFirstAidKit,
  IconLeaf,
  IconNotes,
  IconPlant2,
  IconShovel,
} from '@tabler/icons-react';

export const diaryKinds = [
  'seed',
  'fertiliser',
  'pesticide',
  'veterinary_drug',
  'care',
  'harvest',
  'other',
] as const;
export type DiaryKind = (typeof diaryKinds)[number];
/** Kinds whose use starts a withdrawal (pre-harvest) interval. */
export const withdrawalKinds: readonly DiaryKind[] = ['pesticide', 'veterinary_drug'];

export const kindIcons = {
  seed: IconPlant2,
  fertiliser: IconLeaf,
  pesticide: IconBug,
  veterinary_drug: IconFirstAidKit,
  care: IconDroplet,
  harvest: IconShovel,
  other: IconNotes,
} as const;
