import type { TFunction } from 'i18next';
import { enumOptions } from './options.ts';

export const reviewStatuses = ['draft', 'submitted', 'approved', 'returned', 'rejected'] as const;
export const reviewStatusOptions = (t: TFunction) => enumOptions(t, 'status', reviewStatuses);
