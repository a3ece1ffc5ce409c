import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import accounts from './accounts/index.ts';
import audit from './audit/index.ts';
import backoffice from './backoffice/index.ts';
import cases, { raiseSignal } from './cases/index.ts';
import catalogues from './catalogues/index.ts';
import chain from './chain/index.ts';
import checks, { connectCaseSignals as connectCheckSignals } from './checks/index.ts';
import dashboard from './dashboard/index.ts';
import diary from './diary/index.ts';
import epcis from './epcis/index.ts';
import files, { checkFilesOwnedBy } from './files/index.ts';
import { gs1Messages } from './gs1/index.ts';
import hub, { hubPages, leavingNodeKeysAlone } from './hub/index.ts';
import imports from './imports/index.ts';
import inspections, {
  connectCaseSignals as connectInspectionSignals,
  connectPublicCache,
  connectSuspensionAnnouncements,
} from './inspections/index.ts';
import kitchens, { pages as kitchenPages } from './kitchens/index.ts';
import news from './news/index.ts';
import passport, { connectPassport } from './passport/index.ts';
import plan from './plan/index.ts';
import {
  type Actor,
  type ActorResolver,
  type Config,
  createMailer,
  type Database,
  defineMessages,
  registerAuth,
  registerHostileTextGuard,
  registerMultipartGuard,
  registerOperations,
  registerProblemHandling,
  registerSecurityHeaders,
  requestIdOf,
} from './platform/index.ts';
import portal, { sendNotFoundPage } from './portal/index.ts';
import programmes from './programmes/index.ts';
import proofs from './proofs/index.ts';
import publicPages, { consumerPages, publicInlineCode } from './public/index.ts';
import registry, {
  configureAdministrativeUnits,
  configureCommuneBoundaries,
  connectEvidenceFiles,
  partyIdsOfOrganisations,
  readableOrganisationIds,
} from './registry/index.ts';
import reports from './reports/index.ts';
import resolver, { clearResolverCache, configureResolverCache } from './resolver/index.ts';
import review from './review/index.ts';
import sensors from './sensors/index.ts';
import stamps, {
  announceResolverChange,
  configureServerSecrets,
  connectReportSignals,
} from './stamps/index.ts';
import sync, { connectSyncListeners } from './sync/index.ts';
import trace from './trace/index.ts';

defineMessages(gs1Messages);

export interface AppOptions {
  config: Config;
  database: Database;
  /** How a request's actor is found; the accounts module's sessions and API keys unless a test says otherwise. */
  resolveActor?: ActorResolver;
  logger?: boolean;
  /** Folder of the built back office; `src/web/dist` unless a test brings its own. */
  backofficeRoot?: string;
}

/** Builds the one TXNG program: JSON API, EPCIS binding, resolver and public pages. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  // the few settings read deep inside modules, set once here; the rest travel with app.config
  configureAdministrativeUnits(opts.config.adminUnitsFile);
  configureCommuneBoundaries(opts.config.communeBoundariesFile);
  configureServerSecrets(opts.config);
  configureResolverCache(opts.config.resolverCacheSeconds);
  const app = Fastify({
    logger: opts.logger ? { level: opts.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    // a hop count is accepted at run time though the type omits it
    trustProxy: opts.config.trustProxy as boolean | string,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    // the caller's X-Request-Id when well formed, else a new UUID (src/platform/request-id.ts)
    genReqId: requestIdOf,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.database.db);
  app.decorate('readDb', opts.database.readDb);
  app.decorate('config', opts.config);
  app.decorate('sendMail', createMailer(opts.config.mail));
  registerProblemHandling(app);
  // request ids, /metrics and /readyz, before any route so every route is counted (issue 15 §3)
  registerOperations(app, opts.config, opts.database);
  // before any route, so every route gets its headers; the pages' inline code is allowed by its hash
  registerSecurityHeaders(app, publicInlineCode);
  // parses cookies before the actor is resolved from the session cookie
  await app.register(cookie);
  const resolveActor = opts.resolveActor ?? accounts.resolveActor;
  registerAuth(app, opts.config.mode === 'hub' ? leavingNodeKeysAlone(resolveActor) : resolveActor);
  registerHostileTextGuard(app);
  registerMultipartGuard(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'TXNG — hệ thống thông tin truy xuất nguồn gốc',
        description:
          'Provincial traceability information system: registry, GS1 EPCIS 2.0, trace, stamps, resolver.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An organisation or solution-provider API key',
          },
          session: { type: 'apiKey', in: 'cookie', name: 'txng_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    // the documentation UI's routes are the plugin's own: they are marked public as they are added
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  await app.register(accounts.routes, { prefix: '/api' });
  // a hub is no province: no registry to write, only what the provinces deliver (decision 053)
  if (opts.config.mode === 'hub') return mountHub(app, opts);
  // the registry's evidence files are checked by the files module, which sits above it
  connectEvidenceFiles(checkFilesOwnedBy);
  await app.register(registry, { prefix: '/api' });
  await app.register(trace, { prefix: '/api' });
  await app.register(stamps, { prefix: '/api' });
  await app.register(review, { prefix: '/api' });
  await app.register(audit, { prefix: '/api' });
  await app.register(proofs, { prefix: '/api' });
  await app.register(chain, { prefix: '/api' });
  await app.register(diary, { prefix: '/api' });
  await app.register(imports, { prefix: '/api' });
  await app.register(files, { prefix: '/api' });
  await app.register(catalogues, { prefix: '/api' });
  await app.register(inspections, { prefix: '/api' });
  await app.register(checks, { prefix: '/api' });
  await app.register(news, { prefix: '/api' });
  // each product approval keeps its passport's next version; the review checks the e-label (decision 058)
  connectPassport();
  await app.register(passport, { prefix: '/api' });
  await app.register(plan, { prefix: '/api' });
  await app.register(programmes, { prefix: '/api' });
  await app.register(reports, { prefix: '/api' });
  await app.register(dashboard, { prefix: '/api' });
  // readings from devices, MQTT and captured EPCIS events, thresholds and alerts (decision 059)
  await app.register(sensors, { prefix: '/api' });
  // school kitchens: receiving by stamp, the daily menu, kept samples (decision 060)
  await app.register(kitchens, { prefix: '/api' });
  // findings and automatic checks raise their signals into fraud cases through registration
  connectInspectionSignals(raiseSignal);
  // an approval withdrawn or restored by an inspector shows at the very next scan, not after the cache's seconds
  connectPublicCache(clearResolverCache);
  // a stamp suspension or its lifting drops, at commit, what every process holds of the GTIN's stamps
  connectSuspensionAnnouncements((tx, gtin) => announceResolverChange(tx, `stamp:${gtin}`));
  connectCheckSignals(raiseSignal);
  connectReportSignals(raiseSignal);
  await app.register(cases, { prefix: '/api' });
  // approvals, withdrawals, recalls and captured events queue for the receivers in their own transaction (decision 051)
  connectSyncListeners();
  await app.register(sync, { prefix: '/api' });
  await app.register(backoffice, { root: opts.backofficeRoot });
  await app.register(epcis, {
    prefix: '/epcis',
    // officers read the events of the organisations the registry lets them read (their sector, their communes)
    readableOrganisationsFor: (actor: Actor) => readableOrganisationIds(app.db, actor),
    // an organisation also sees the events that name it as source or destination (one step back, one step forward)
    linkValuesFor: (organisationIds: string[]) => partyIdsOfOrganisations(app.db, organisationIds),
  });
  // a person's browser gets the consumer page from the resolver's paths too, and the portal's page for no code
  await app.register(resolver, { consumerPages, notFoundPage: sendNotFoundPage });
  await app.register(publicPages);
  // a school kitchen's menu for parents, where each ingredient came from
  await app.register(kitchenPages);
  // the province's public portal at `/`: published data only
  await app.register(portal);
  return app;
}

/** Hub mode (decision 053): accounts and audit, the back office to sign in, the hub's API, search and resolver. */
async function mountHub(app: FastifyInstance, opts: AppOptions) {
  await app.register(audit, { prefix: '/api' });
  await app.register(hub, { prefix: '/api' });
  await app.register(backoffice, { root: opts.backofficeRoot });
  await app.register(hubPages);
  return app;
}
