import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Gs1Error } from '../gs1/index.ts';
import { findPassport } from '../passport/index.ts';
import {
  assertStorableText,
  badRequest,
  Problem,
  prefersHtml,
  readMultipart,
  renderProblem,
  requireActor,
  t,
} from '../platform/index.ts';
import { findSubject, pagePath, parseResolverUrl, type ResolverRequest } from '../resolver/index.ts';
import {
  listReports,
  maxPhotoBytes,
  type ReportInput,
  reportPhoto,
  shareScanLocation,
  submitReport,
} from '../stamps/index.ts';
import { sendConsumerPage, sendInvalidCodePage } from './consumer.handler.ts';
import { presentDpp } from './dpp.presenter.ts';
import { html, layout } from './html.ts';
import { pageLanguage } from './negotiate.ts';
import {
  type PassportPageData,
  passportItems,
  renderLabelPage,
  renderPassportPage,
} from './passport.page.ts';
import { proofPages } from './proof.routes.ts';

/** Public pages: the consumer page behind every stamp, the passport, the report form, the reports list. */
export default async function publicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  await app.register(rateLimit, { max: app.config.resolverRateLimit, timeWindow: '1 minute' });
  await app.register(multipart, {
    limits: { fileSize: maxPhotoBytes, files: 1, fields: 10, fieldSize: 10_000 },
  });
  const base = () => app.config.baseUrl;
  // the checkpoints and proofs for people (decision 057)
  await app.register(proofPages);

  const parse = (request: FastifyRequest, prefix: string) => parseResolverUrl(base(), request.url, prefix);

  app.get('/page/*', { schema: { hide: true } }, async (request, reply) => {
    let dl: ResolverRequest;
    try {
      dl = parse(request, '/page');
    } catch (err) {
      if (!(err instanceof Gs1Error)) throw err;
      return sendInvalidCodePage(request, reply, t(pageLanguage(request), err.code, err.params));
    }
    return sendConsumerPage(request, reply, dl, await findSubject(app.db, dl, app.readDb));
  });

  /** The subject and its approved passport for `/dpp` and `/epil`; a bad code or version is a problem document. */
  async function passportOf(request: FastifyRequest, prefix: string) {
    let dl: ResolverRequest;
    try {
      dl = parse(request, prefix);
    } catch (err) {
      if (!(err instanceof Gs1Error)) throw err;
      throw new Problem(400, 'resolver.invalid-digital-link', {
        errors: [{ field: '/uri', code: err.code, params: err.params }],
      });
    }
    const query = (request.query ?? {}) as Record<string, unknown>;
    let version: number | undefined;
    if (query.version !== undefined) {
      version = Number(query.version);
      if (!Number.isInteger(version) || version < 1 || version > 1_000_000)
        throw badRequest([{ field: '/query/version', code: 'public.versionNumber' }]);
    }
    const subject = await findSubject(app.db, dl, app.readDb);
    if (!subject) throw new Problem(404, 'resolver.unknown-code');
    const passport = await findPassport(app.db, subject.product.gtin, version);
    if (!passport) throw new Problem(404, 'resolver.unknown-code');
    // the page is about the product, or about the lot the code names (a stamp's lot included)
    const lotPath = subject.lot ? `/10/${encodeURIComponent(subject.lot.lot)}` : '';
    const data: PassportPageData = {
      dlPath: `/01/${subject.product.gtin}${lotPath}`,
      passport,
      organisation: subject.organisation,
      lot: subject.lot,
    };
    return { dl, subject, data, version };
  }

  /** A person's browser gets the page, anything else (or `?format=jsonld`) the data. */
  const wantsPage = (request: FastifyRequest) =>
    prefersHtml(request) && (request.query as Record<string, unknown>)?.format !== 'jsonld';

  app.get('/dpp/*', { schema: { hide: true } }, async (request, reply) => {
    const { dl, subject, data, version } = await passportOf(request, '/dpp');
    reply.header('vary', 'Accept, Accept-Language').header('cache-control', 'no-cache');
    if (wantsPage(request)) {
      const lang = pageLanguage(request);
      return reply
        .header('content-language', lang)
        .type('text/html; charset=utf-8')
        .send(
          renderPassportPage(data, {
            lang,
            province: app.config.provinceName,
            selfPath: request.url,
            asked: version,
          }),
        );
    }
    return reply.type('application/ld+json').send(
      presentDpp(subject, data, dl.uri, {
        page: `${base()}${pagePath(dl.uri, base())}`,
        passport: `${base()}/dpp${data.dlPath}`,
        label: `${base()}/epil${data.dlPath}`,
      }),
    );
  });

  app.get('/epil/*', { schema: { hide: true } }, async (request, reply) => {
    const { data } = await passportOf(request, '/epil');
    reply.header('vary', 'Accept, Accept-Language').header('cache-control', 'no-cache');
    const lang = pageLanguage(request);
    if (!prefersHtml(request)) {
      const c = data.passport.current.content;
      return reply.header('content-language', lang).send({
        gtin: c.product.gtin,
        name: c.product.name,
        goodsGroup: c.group?.code ?? null,
        version: data.passport.current.version,
        items: passportItems(data, lang).map(({ key, name, value }) => ({ key, name, value })),
      });
    }
    return reply
      .header('content-language', lang)
      .type('text/html; charset=utf-8')
      .send(renderLabelPage(data, { lang, province: app.config.provinceName, selfPath: request.url }));
  });

  app.post(
    '/page/scan-location',
    {
      schema: {
        hide: true,
        body: z.strictObject({
          scan: z.number().int().positive(),
          token: z.string().max(64),
          latitude: z.number().min(-90).max(90),
          longitude: z.number().min(-180).max(180),
        }),
      },
    },
    async (request, reply) => {
      const { scan, token, latitude, longitude } = request.body;
      await shareScanLocation(app.db, scan, token, latitude, longitude);
      return reply.status(204).send();
    },
  );

  app.post(
    '/page/report',
    { schema: { hide: true }, config: { rateLimit: { max: 5, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const wantsHtml = prefersHtml(request);
      let uri = '';
      try {
        const input = await readReportForm(request);
        uri = input.uri;
        const id = await submitReport(app.db, input);
        if (!wantsHtml) return reply.status(201).send({ id });
        return sendReportPage(request, reply, 201, [t(pageLanguage(request), 'public.thanks')], uri);
      } catch (err) {
        if (!(err instanceof Problem) || !wantsHtml) throw err;
        const doc = renderProblem(err, pageLanguage(request));
        return sendReportPage(
          request,
          reply,
          err.status,
          doc.errors?.map((e) => e.message) ?? [doc.title],
          uri,
        );
      }
    },
  );

  app.get('/api/reports', { schema: { tags: ['reports'] } }, async (request) => {
    const rows = await listReports(app.db, requireActor(request));
    return {
      items: rows.map((r) => ({
        ...r,
        consentAt: r.consentAt.toISOString(),
        createdAt: r.createdAt.toISOString(),
        photoUrl: r.photoType ? `/api/reports/${r.id}/photo` : null,
      })),
    };
  });

  app.get(
    '/api/reports/:id/photo',
    { schema: { tags: ['reports'], params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const { photo, photoType } = await reportPhoto(app.db, requireActor(request), request.params.id);
      return reply.type(photoType).header('cache-control', 'private, no-store').send(photo);
    },
  );

  function sendReportPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    lines: string[],
    uri: string,
  ) {
    const lang = pageLanguage(request);
    const back = uri.startsWith(base()) ? pagePath(uri, base()) : '/';
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(
        layout({
          lang,
          province: app.config.provinceName,
          title: t(lang, 'public.report'),
          switchHref: `/page/report?lang=${lang === 'vi' ? 'en' : 'vi'}`,
          body: html`<section class="card verdict v-${status < 300 ? 'genuine' : 'unknown'}" role="status">${lines.map((l) => html`<p class="${status < 300 ? '' : 'err'}">${l}</p>`)}</section><p><a href="${back}">← ${t(lang, back === '/' ? 'public.backHome' : 'public.backToProduct')}</a></p>`,
        }),
      );
  }
}

/** Reads the multipart report form; a photo over the size limit is reported as a field error, not a 500. */
async function readReportForm(request: FastifyRequest): Promise<ReportInput> {
  if (!request.isMultipart()) throw new Problem(415, 'unsupported-media-type');
  const fields: Record<string, string> = {};
  let photo: ReportInput['photo'] = null;
  await readMultipart(
    async () => {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const data = await part.toBuffer();
          if (data.length) photo = { data, mediaType: part.mimetype };
        } else fields[part.fieldname] = String(part.value ?? '');
      }
    },
    () => new Problem(400, 'validation', { errors: [{ field: '/photo', code: 'public.reportError.photo' }] }),
  );
  // the form is read here, not by a schema: the rule against unstorable text is applied to it here
  assertStorableText(fields, '');
  let gtin: string | null = null;
  let serial: string | null = null;
  const uri = fields.uri ?? '';
  try {
    const dl = parseResolverUrl(
      uri.replace(/^(https?:\/\/[^/]+).*$/, '$1'),
      uri.replace(/^https?:\/\/[^/]+/, ''),
    );
    gtin = dl.gtin;
    serial = dl.serial;
  } catch {
    // a report about a code we cannot read is still worth keeping
  }
  return {
    uri,
    gtin,
    serial,
    message: fields.message ?? '',
    phone: fields.phone || null,
    consent: fields.consent === 'yes' || fields.consent === 'on',
    photo,
  };
}
