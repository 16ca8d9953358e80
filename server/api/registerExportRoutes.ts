import type { FastifyInstance } from 'fastify';
import { EXPORT_FLATTENED_HEADER, EXPORT_SKIPPED_HEADER, ExportRequestSchema } from '../../shared/export/ExportRequest.ts';
import { WorkspaceIdSchema } from '../../shared/ids.ts';
import type { ExportWorkers } from '../export/ExportWorkers.ts';
import { runExport } from '../export/runExport.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import { badRequest, errorReply } from './apiReplies.ts';
import { MEMBER_ROUTE } from './routeAccess.ts';

export interface ExportRouteDeps {
  rooms: RoomRegistry;
  workspaces: WorkspaceService;
  workers: ExportWorkers;
}

/**
 * `POST /api/workspaces/:workspace/exports` with an `ExportRequest`: answers the file itself
 * (Content-Disposition: attachment). Any member may call it: whoever may read the documents may
 * export them. Malformed tag records and threads left out, and documents flattened because they nest
 * too deeply, are counted in the `Normspace-Export-Skipped` and `Normspace-Export-Flattened` headers
 * (the export dialog shows them) and logged.
 */
export function registerExportRoutes(app: FastifyInstance, { rooms, workspaces, workers }: ExportRouteDeps): void {
  app.post<{ Params: { workspace: string } }>(
    '/api/workspaces/:workspace/exports',
    { config: MEMBER_ROUTE },
    async (request, reply) => {
      const workspaceId = WorkspaceIdSchema.safeParse(request.params.workspace);
      if (!workspaceId.success) return badRequest(reply, 'invalid workspace id', workspaceId.error.issues);
      const body = ExportRequestSchema.safeParse(request.body);
      if (!body.success) return badRequest(reply, 'invalid export', body.error.issues);
      const started = performance.now();
      const result = await runExport({ rooms, workspaces, workers }, workspaceId.data, body.data, `${request.protocol}://${request.host}`);
      if (!result.ok) return errorReply(reply, result.status, result.error, result.details);
      const { skipped, flattened } = result.problems;
      request.log.info(
        { workspace: workspaceId.data, format: body.data.format, documents: body.data.documents.length, bytes: result.body.byteLength, ms: Math.round(performance.now() - started) },
        'export',
      );
      if (skipped > 0 || flattened > 0) {
        request.log.warn({ workspace: workspaceId.data, documents: body.data.documents, skipped, flattened }, 'export left out malformed records or flattened deep content');
      }
      return reply
        .header(EXPORT_SKIPPED_HEADER, String(skipped))
        .header(EXPORT_FLATTENED_HEADER, String(flattened))
        .header('content-type', result.contentType)
        .header('content-disposition', `attachment; filename="${result.fileName}"`)
        .header('cache-control', 'no-store')
        .send(result.body);
    },
  );
}
