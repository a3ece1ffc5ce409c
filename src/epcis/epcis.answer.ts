import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { type DbOrTx, Problem } from '../platform/index.ts';
import {
  cbvXmlFormats,
  epcFormats,
  headerChoice,
  registeredCompanyPrefixes,
  translateEvents,
} from './epcis.epc-format.ts';
import { presentQueryDocument } from './epcis.presenter.ts';
import type { StoredEvent } from './epcis.types.ts';
import { epcisQueryDocumentXml } from './epcis.xml-out.ts';

/** What a query answer can be written as, the first the default. */
const answerMedia = ['application/ld+json', 'application/json', 'application/xml', 'text/xml'] as const;

/**
 * An EPCISQueryDocument in the format the reader accepts (JSON-LD, JSON, XML; 406 otherwise), its identifiers
 * written as `GS1-EPC-Format` asks (Digital Links unless it asks otherwise), CBV values in XML as
 * `GS1-CBV-XML-Format` asks. Every query answer goes out through here: `/events`, the resources' `…/events`,
 * a named query's `/events`.
 */
export async function answerEvents(
  db: DbOrTx,
  request: FastifyRequest,
  reply: FastifyReply,
  events: StoredEvent[],
  queryName = 'SimpleEventQuery',
) {
  const media = new Negotiator(request.raw).mediaType([...answerMedia]);
  if (!media)
    throw new Problem(406, 'epcis-not-acceptable', {
      params: { accept: String(request.headers.accept), offered: answerMedia.join(', ') },
    });
  const epcFormat = headerChoice(
    request.headers['gs1-epc-format'],
    'GS1-EPC-Format',
    epcFormats,
    'Always_GS1_Digital_Link',
  );
  const cbvFormat = headerChoice(
    request.headers['gs1-cbv-xml-format'],
    'GS1-CBV-XML-Format',
    cbvXmlFormats,
    'No_Preference',
  );
  const prefixes = epcFormat === 'Always_EPC_URN' ? await registeredCompanyPrefixes(db) : [];
  const document = presentQueryDocument(events, queryName);
  const body = document.epcisBody.queryResults.resultsBody;
  body.eventList = translateEvents(body.eventList, epcFormat, prefixes);
  reply.header('GS1-EPC-Format', epcFormat);
  if (media.endsWith('/xml'))
    return reply
      .type(`${media}; charset=utf-8`)
      .header('GS1-CBV-XML-Format', cbvFormat)
      .send(epcisQueryDocumentXml(body.eventList, { queryName, cbvFormat }));
  return reply.type(media).send(document);
}
