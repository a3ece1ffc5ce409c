import type { PreCheckView } from './PreCheckList.tsx';

export interface ReviewItem {
  id: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  sector: string | null;
  communeCode: string | null;
  title: string;
  status: 'pending' | 'approved' | 'returned' | 'rejected';
  submittedAt: string;
  submittedBy: string | null;
  submitNote: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface ReviewItemDetail {
  item: ReviewItem;
  decisions: {
    id: string;
    decision: 'approve' | 'return' | 'reject';
    reason: string | null;
    actorName: string;
    actorRole: string;
    decidedAt: string;
  }[];
  preChecks: PreCheckView[];
  canDecide: boolean;
}

export const entityTypes = ['organisation', 'location', 'product', 'lot'] as const;
