export type { ItemOutcome, Receiver, ReceiverReason, SyncItem, SyncKind } from './receiver.ts';
export { syncKey, syncKinds } from './receiver.ts';
