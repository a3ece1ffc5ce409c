export { DeliveryError } from './delivery-error.ts';
export { hubReceiver, hubReceiverFromConfig } from './hub-receiver.ts';
export type { ItemOutcome, Receiver, ReceiverReason, SyncItem, SyncKind } from './receiver.ts';
export { syncKey, syncKinds } from './receiver.ts';
export { type ReceiverBuilder, receiversFromConfig } from './receivers.ts';
