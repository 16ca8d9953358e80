import path from 'node:path';
import type { AddressInfo } from 'node:net';
import fastifyHelmet from '@fastify/helmet';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyReply } from 'fastify';
import type { ApiError } from '../shared/api.ts';
import { AccessService } from './access/AccessService.ts';
import { ownerInviteToken } from './access/ownerInvite.ts';
import { errorReply } from './api/apiReplies.ts';
import { authenticateRequests, type RegisteredRoute } from './api/authenticateRequests.ts';
import { inviteAttemptLimit } from './api/inviteAttemptLimit.ts';
import { registerAccessRoutes } from './api/registerAccessRoutes.ts';
import { registerApiRoutes } from './api/registerApiRoutes.ts';
import { registerExportRoutes } from './api/registerExportRoutes.ts';
import { registerImportRoutes } from './api/registerImportRoutes.ts';
import type { Config } from './config.ts';
import { ExportWorkers } from './export/ExportWorkers.ts';
import { fastifyTrustProxy } from './http/clientAddress.ts';
import { registerWebApp } from './http/registerWebApp.ts';
import type { Logger } from './logger.ts';
import type { DocumentStore } from './store/DocumentStore.ts';
import { SqliteStore } from './store/SqliteStore.ts';
import { attachSyncServer } from './sync/attachSyncServer.ts';
import { RoomRegistry } from './sync/RoomRegistry.ts';
import { WorkspaceService } from './workspace/WorkspaceService.ts';

export interface NormspaceServer {
  /** `http://host:port` the server listens on. */
  readonly url: string;
  readonly port: number;
  readonly rooms: RoomRegistry;
  readonly workspaces: WorkspaceService;
  readonly access: AccessService;
  /**
   * The token of the link that makes the default workspace's first owner (`/invite#<token>`), while
   * it has none; printed at start.
   */
  readonly ownerInviteToken: string | undefined;
  /** Every HTTP route with what it declared (who may call it), in registration order. */
  readonly routes: readonly RegisteredRoute[];
  /** Stops accepting, closes connections, stores and compacts every open document, closes the store. */
  close(): Promise<void>;
}

const VERSION = '0.1.0';

/**
 * Wires the store, the rooms, the sync endpoint, the JSON API and the web app into one HTTP server.
 * `store` defaults to SQLite in `config.dataDir`.
 */
export async function createNormspaceServer(
  config: Config,
  log: Logger,
  store: DocumentStore = SqliteStore.open(config.dataDir),
  access: AccessService = AccessService.open(config.dataDir, { sessionTtlMs: config.sessionTtlDays * 86_400_000 }),
): Promise<NormspaceServer> {
  const rooms: RoomRegistry = new RoomRegistry(store, config, log, (room) => workspaces.touchDocument(room.address));
  const workspaces = new WorkspaceService(rooms, store);

  const existing = await workspaces.listWorkspaces();
  for (const workspace of existing) await workspaces.ensureTaxonomy(workspace.id);
  if (existing.length === 0) {
    await workspaces.createWorkspace(config.defaultWorkspace, 'Best Practice Forum on Cybersecurity', { demo: true });
    log.info({ workspace: config.defaultWorkspace }, 'created the default workspace with a demo document');
  }
  const ownerToken = (await workspaces.getWorkspace(config.defaultWorkspace))
    ? await ownerInviteToken(access, config.defaultWorkspace, config.ownerLinkTtlHours * 3_600_000)
    : undefined;
  access.watch(config.accessPollMs);

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.maxBodyBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // A path the router cannot decode (`%E0%A4%A`, a lone `%`) or with a parameter longer than any id.
    frameworkErrors(error, _request, reply) {
      if (error.code === 'FST_ERR_BAD_URL') return errorReply(reply as FastifyReply, 400, 'malformed path: bad percent-encoding');
      return errorReply(reply as FastifyReply, 404, 'not found');
    },
  });
  // Before any route is registered: from here on every route must declare who may call it.
  const routes = authenticateRequests(app, access);
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal error' : error.message } satisfies ApiError);
  });

  await app.register(fastifyHelmet, {
    // The app needs nothing from other origins; inline styles only for carets and highlights.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HTTPS and HSTS belong to the reverse proxy in front of Normspace.
    strictTransportSecurity: false,
  });

  const sync = attachSyncServer(app.server, { rooms, workspaces, access, config, log });
  registerAccessRoutes(app, { access, workspaces, limitInviteAttempts: await inviteAttemptLimit(app, config) });
  registerApiRoutes(app, {
    workspaces,
    access,
    health: () => ({ version: VERSION, loadedDocuments: rooms.loadedCount, connections: sync.connectionCount }),
  });
  const exportWorkers = new ExportWorkers();
  registerExportRoutes(app, { rooms, workspaces, workers: exportWorkers });
  registerImportRoutes(app, { rooms, workspaces, config });
  await registerWebApp(app, path.resolve(config.staticDir), log);

  await app.listen({ port: config.port, host: config.host });
  if (config.warmExports === 'on') {
    exportWorkers.warm().then(
      () => log.info('export worker ready'),
      (error: unknown) => log.warn({ err: error }, 'export worker warm-up failed'),
    );
  }
  const { port } = app.server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    rooms,
    workspaces,
    access,
    ownerInviteToken: ownerToken,
    routes,
    close() {
      closing ??= (async () => {
        await sync.close();
        await app.close();
        await rooms.close();
        await exportWorkers.close();
        await store.close();
        await access.close();
      })();
      return closing;
    },
  };
}
