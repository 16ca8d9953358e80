import type {
  CreateDocumentRequest,
  DocumentResponse,
  UpdateDocumentRequest,
  WorkspaceListResponse,
  WorkspaceResponse,
} from '../../shared/api.ts';
import { apiRequest } from './apiRequest.ts';

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** The JSON API, typed with the shapes shared with the server. */
export const normspaceApi = {
  listWorkspaces: () => apiRequest<WorkspaceListResponse>('GET', '/api/workspaces'),
  getWorkspace: (workspaceId: string) => apiRequest<WorkspaceResponse>('GET', base(workspaceId)),
  createDocument: (workspaceId: string, request: CreateDocumentRequest) =>
    apiRequest<DocumentResponse>('POST', `${base(workspaceId)}/documents`, request),
  updateDocument: (workspaceId: string, documentId: string, patch: UpdateDocumentRequest) =>
    apiRequest<DocumentResponse>('PATCH', `${base(workspaceId)}/documents/${encodeURIComponent(documentId)}`, patch),
};
