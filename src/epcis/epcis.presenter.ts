import type { CaptureJob } from './epcis.repo.ts';
import type { StoredEvent } from './epcis.types.ts';

export const epcisContextUrl = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** An event as captured (its own @context folded in), with the repository's recordTime. */
export function presentEvent(event: StoredEvent): Record<string, unknown> {
  return { ...event.document, recordTime: event.recordTime.toISOString() };
}

/** An EPCISQueryDocument (JSON-LD) holding the events of one page of a SimpleEventQuery. */
export function presentQueryDocument(events: StoredEvent[], queryName = 'SimpleEventQuery') {
  return {
    '@context': [epcisContextUrl],
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { queryResults: { queryName, resultsBody: { eventList: events.map(presentEvent) } } },
  };
}

/** A capture job as the EPCIS REST binding's CaptureJob describes it. */
export function presentCaptureJob(job: CaptureJob) {
  return {
    captureID: job.id,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    running: job.state === 'running',
    success: job.state === 'success',
    captureErrorBehaviour: 'rollback',
    eventCount: job.eventCount,
    errors: job.errors ?? [],
  };
}

export const standardEventTypes = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
];

/** A top-level resource listing (eventTypes, bizSteps, readPoints …) as the REST binding's Collection. */
export function presentCollection(member: string[]) {
  return { '@context': [epcisContextUrl], type: 'Collection', member };
}
