import { z } from 'zod';
import { DocumentKindSchema } from './documentKinds.ts';
import { WorkspaceIdSchema } from './ids.ts';
import type { DocumentMeta, WorkspaceMeta } from './workspaceIndex.ts';

/** Request and response shapes of the JSON API, validated on the server, typed on the client. */
export const TITLE_MAX_LENGTH = 200;

const TitleSchema = z
  .string()
  .trim()
  .min(1, 'title must not be empty')
  .max(TITLE_MAX_LENGTH, `title must be at most ${TITLE_MAX_LENGTH} characters`);

export const CreateDocumentRequestSchema = z.strictObject({
  title: TitleSchema,
  kind: DocumentKindSchema,
});
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequestSchema>;

export const UpdateDocumentRequestSchema = z
  .strictObject({
    title: TitleSchema.optional(),
    kind: DocumentKindSchema.optional(),
    archived: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'nothing to change');
export type UpdateDocumentRequest = z.infer<typeof UpdateDocumentRequestSchema>;

export const CreateWorkspaceRequestSchema = z.strictObject({
  id: WorkspaceIdSchema,
  name: TitleSchema,
});
export type CreateWorkspaceRequest = z.infer<typeof CreateWorkspaceRequestSchema>;

export interface WorkspaceResponse {
  workspace: WorkspaceMeta;
  documents: DocumentMeta[];
}

export interface WorkspaceListResponse {
  workspaces: WorkspaceMeta[];
}

export interface DocumentResponse {
  document: DocumentMeta;
}

export interface ApiError {
  error: string;
  details?: string[];
}

export interface HealthResponse {
  status: 'ok';
  version: string;
  loadedDocuments: number;
  connections: number;
}
