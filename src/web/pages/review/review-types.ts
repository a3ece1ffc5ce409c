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
  record: ReviewRecord | null;
  canDecide: boolean;
}

export interface RecordFile {
  id: string;
  kind: 'image' | 'pdf';
  mediaType: string;
  originalName: string | null;
  byteSize: number;
  url: string;
  thumbnailUrl: string | null;
}

/** The record under review as submitted, the version the public sees while an edit waits, and its files. */
export interface ReviewRecord {
  current: Record<string, unknown>;
  published: Record<string, unknown> | null;
  files: RecordFile[];
}

export const entityTypes = ['organisation', 'location', 'product', 'lot', 'stamp_request'] as const;
