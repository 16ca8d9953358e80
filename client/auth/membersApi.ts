import type {
  CreateInviteRequest,
  CreateInviteResponse,
  InviteListResponse,
  MemberListResponse,
  MemberView,
} from '../../shared/access/accessApi.ts';
import type { Role } from '../../shared/access/roles.ts';
import { apiRequest } from '../api/apiRequest.ts';

const base = (workspaceId: string) => `/api/workspaces/${encodeURIComponent(workspaceId)}`;

/** Members and invite links of a workspace (the server checks who may change what). */
export const membersApi = {
  list: (workspaceId: string) => apiRequest<MemberListResponse>('GET', `${base(workspaceId)}/members`),
  setRole: (workspaceId: string, memberId: string, role: Role) =>
    apiRequest<{ member: MemberView }>('PATCH', `${base(workspaceId)}/members/${encodeURIComponent(memberId)}`, { role }),
  remove: (workspaceId: string, memberId: string) => apiRequest<void>('DELETE', `${base(workspaceId)}/members/${encodeURIComponent(memberId)}`),
  invites: (workspaceId: string) => apiRequest<InviteListResponse>('GET', `${base(workspaceId)}/invites`),
  invite: (workspaceId: string, request: CreateInviteRequest) => apiRequest<CreateInviteResponse>('POST', `${base(workspaceId)}/invites`, request),
  revoke: (workspaceId: string, inviteId: string) => apiRequest<void>('DELETE', `${base(workspaceId)}/invites/${encodeURIComponent(inviteId)}`),
};
