import type { FastifyInstance } from 'fastify';
import { WorkspaceIdSchema } from '../../shared/ids.ts';
import { ImportQuerySchema } from '../../shared/import/ImportRequest.ts';
import type { ImportLimits } from '../../shared/import/importLimits.ts';
import type { Config } from '../config.ts';
import { ImportWorkers } from '../import/ImportWorkers.ts';
import { runImport } from '../import/runImport.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import { badRequest, errorReply } from './apiReplies.ts';
import { requireRole } from './authenticateRequests.ts';
import type { AccessConfig } from './routeAccess.ts';

/** Colour of the imported tags' author: members have no colour on the server (each browser picks its own). */
const IMPORTER_COLOR = '#4b5563';

export interface ImportRouteDeps {
  rooms: RoomRegistry;
  workspaces: WorkspaceService;
  config: Pick<
    Config,
    | 'maxImportBytes'
    | 'maxImportMarkupCharacters'
    | 'maxImportUnzippedBytes'
    | 'maxImportZipEntries'
    | 'maxImportCompressionRatio'
    | 'maxImportNesting'
    | 'maxImportMarkdownDelimiters'
    | 'importTimeoutMs'
    | 'importWorkerHeapMb'
  >;
}

/** The limits a conversion is held to, from the configuration. */
export function importLimits(config: ImportRouteDeps['config']): ImportLimits {
  return {
    maxMarkupCharacters: config.maxImportMarkupCharacters,
    maxUnzippedBytes: config.maxImportUnzippedBytes,
    maxZipEntries: config.maxImportZipEntries,
    maxCompressionRatio: config.maxImportCompressionRatio,
    maxNesting: config.maxImportNesting,
    maxMarkdownDelimiters: config.maxImportMarkdownDelimiters,
  };
}

/**
 * `POST /api/workspaces/:workspace/imports?kind=&title=&fileName=` with the file's bytes as an
 * `application/octet-stream` body: creates a document from a DOCX, Markdown or HTML file and
 * answers 201 with it. Requires write access (editors): an import creates a document. Files are
 * converted in an import worker thread of its own, stopped with the server.
 */
export function registerImportRoutes(app: FastifyInstance, { rooms, workspaces, config }: ImportRouteDeps): void {
  const workers = new ImportWorkers({
    timeoutMs: config.importTimeoutMs,
    heapMb: config.importWorkerHeapMb,
    onError: (error) => app.log.warn({ err: error }, 'import worker failed'),
  });
  const limits = importLimits(config);
  app.addHook('onClose', () => workers.close());
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: config.maxImportBytes }, (_request, body, done) => done(null, body));

  app.post<{ Params: { workspace: string }; Querystring: Record<string, string> }>(
    '/api/workspaces/:workspace/imports',
    { bodyLimit: config.maxImportBytes, config: { auth: 'member', action: 'document.import' } satisfies AccessConfig },
    async (request, reply) => {
      const member = requireRole(request, reply, 'document.import');
      if (!member) return reply;
      const workspaceId = WorkspaceIdSchema.safeParse(request.params.workspace);
      if (!workspaceId.success) return badRequest(reply, 'invalid workspace id', workspaceId.error.issues);
      const query = ImportQuerySchema.safeParse(request.query);
      if (!query.success) return badRequest(reply, 'invalid import', query.error.issues);
      if (!Buffer.isBuffer(request.body)) {
        return errorReply(reply, 415, 'send the file as the request body with content-type application/octet-stream');
      }
      const result = await runImport({ rooms, workspaces, workers, limits }, workspaceId.data, request.body, query.data, { id: member.id, name: member.name, color: IMPORTER_COLOR });
      if (!result.ok) return errorReply(reply, result.status, result.error);
      request.log.info(
        { workspace: workspaceId.data, document: result.response.document.id, format: result.response.format, bytes: request.body.byteLength, member: member.id },
        'import',
      );
      return reply.code(201).send(result.response);
    },
  );
}
