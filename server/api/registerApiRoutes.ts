import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  CreateDocumentRequestSchema,
  CreateWorkspaceRequestSchema,
  UpdateDocumentRequestSchema,
  type ApiError,
  type HealthResponse,
} from '../../shared/api.ts';
import { DocumentIdSchema, WorkspaceIdSchema } from '../../shared/ids.ts';
import type { AccessService } from '../access/AccessService.ts';
import type { WorkspaceService } from '../workspace/WorkspaceService.ts';
import { badRequest } from './apiReplies.ts';
import { requireRole, signedInMember } from './authenticateRequests.ts';
import { MEMBER_ROUTE, PUBLIC_ROUTE, type AccessConfig } from './routeAccess.ts';

export interface ApiDeps {
  workspaces: WorkspaceService;
  access: AccessService;
  health: () => Omit<HealthResponse, 'status'>;
}

function notFound(reply: FastifyReply, what: string): FastifyReply {
  return reply.code(404).send({ error: `${what} not found` } satisfies ApiError);
}

/**
 * The JSON API. Every input is validated with the zod schemas shared with the client; every route
 * declares who may call it (routeAccess.ts): health is public, the others need a signed-in member
 * (authenticateRequests), with the action their role must allow where there is one.
 */
export function registerApiRoutes(app: FastifyInstance, { workspaces, access, health }: ApiDeps): void {
  app.get('/api/health', { config: PUBLIC_ROUTE }, async () => ({ status: 'ok', ...health() }) satisfies HealthResponse);

  /** The workspaces the caller belongs to: a session is for one workspace. */
  app.get('/api/workspaces', { config: MEMBER_ROUTE }, async (request) => {
    const workspace = await workspaces.getWorkspace(signedInMember(request).workspaceId);
    return { workspaces: workspace ? [workspace.workspace] : [] };
  });

  /** An owner may start another workspace; they become its owner and get a session for it. */
  app.post('/api/workspaces', { config: MEMBER_ROUTE }, async (request, reply) => {
    const member = signedInMember(request);
    if (member.role !== 'owner') return reply.code(403).send({ error: 'Only owners may create workspaces' } satisfies ApiError);
    const body = CreateWorkspaceRequestSchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, 'invalid workspace', body.error.issues);
    const created = await workspaces.createWorkspace(body.data.id, body.data.name);
    if (!created) return reply.code(409).send({ error: `workspace "${body.data.id}" already exists` } satisfies ApiError);
    const owner = await access.addMember(created.id, member.name, 'owner');
    return reply.code(201).send({ workspace: created, session: await access.issueSession(owner) });
  });

  app.get<{ Params: { workspace: string } }>('/api/workspaces/:workspace', { config: MEMBER_ROUTE }, async (request, reply) => {
    const id = WorkspaceIdSchema.safeParse(request.params.workspace);
    if (!id.success) return badRequest(reply, 'invalid workspace id', id.error.issues);
    const workspace = await workspaces.getWorkspace(id.data);
    return workspace ?? notFound(reply, 'workspace');
  });

  app.post<{ Params: { workspace: string } }>(
    '/api/workspaces/:workspace/documents',
    { config: { auth: 'member', action: 'document.create' } satisfies AccessConfig },
    async (request, reply) => {
      const id = WorkspaceIdSchema.safeParse(request.params.workspace);
      if (!id.success) return badRequest(reply, 'invalid workspace id', id.error.issues);
      const body = CreateDocumentRequestSchema.safeParse(request.body);
      if (!body.success) return badRequest(reply, 'invalid document', body.error.issues);
      const document = await workspaces.createDocument(id.data, body.data);
      if (!document) return notFound(reply, 'workspace');
      return reply.code(201).send({ document });
    },
  );

  app.patch<{ Params: { workspace: string; document: string } }>(
    '/api/workspaces/:workspace/documents/:document',
    { config: MEMBER_ROUTE },
    async (request, reply) => {
      const workspaceId = WorkspaceIdSchema.safeParse(request.params.workspace);
      if (!workspaceId.success) return badRequest(reply, 'invalid workspace id', workspaceId.error.issues);
      const documentId = DocumentIdSchema.safeParse(request.params.document);
      if (!documentId.success) return badRequest(reply, 'invalid document id', documentId.error.issues);
      const body = UpdateDocumentRequestSchema.safeParse(request.body);
      if (!body.success) return badRequest(reply, 'invalid change', body.error.issues);
      const renames = body.data.title !== undefined || body.data.kind !== undefined;
      if (renames && !requireRole(request, reply, 'document.rename')) return reply;
      if (body.data.archived !== undefined && !requireRole(request, reply, 'document.archive')) return reply;
      const document = await workspaces.updateDocument(workspaceId.data, documentId.data, body.data);
      return document ? { document } : notFound(reply, 'document');
    },
  );
}
