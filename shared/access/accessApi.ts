import { z } from 'zod';
import type { WorkspaceMeta } from '../workspaceIndex.ts';
import { RoleSchema, type Role } from './roles.ts';

/** Request and response shapes of the access API (invites, sessions, members). */
export const MEMBER_NAME_MAX_LENGTH = 40;
/** Longest validity an invite link may be given: a year. */
export const INVITE_MAX_HOURS = 24 * 365;

const TokenSchema = z.string().min(1, 'token is missing').max(2048, 'token is too long');

export const InspectInviteRequestSchema = z.strictObject({ token: TokenSchema });

const MemberNameSchema = z
  .string()
  .trim()
  .min(1, 'name must not be empty')
  .max(MEMBER_NAME_MAX_LENGTH, `name must be at most ${MEMBER_NAME_MAX_LENGTH} characters`);

export const RedeemInviteRequestSchema = z.strictObject({ token: TokenSchema, name: MemberNameSchema });
export type RedeemInviteRequest = z.infer<typeof RedeemInviteRequestSchema>;

/** `PATCH /api/session`: a member renames themselves (what others see on their presence, comments and tags). */
export const UpdateSessionRequestSchema = z.strictObject({ name: MemberNameSchema });
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequestSchema>;

export const CreateInviteRequestSchema = z.strictObject({
  role: RoleSchema,
  expiresInHours: z.number().int().min(1).max(INVITE_MAX_HOURS),
  /** Omitted or null: anyone with the link may join until it expires. */
  maxUses: z.number().int().min(1).max(10_000).nullable().optional(),
});
export type CreateInviteRequest = z.infer<typeof CreateInviteRequestSchema>;

export const UpdateMemberRequestSchema = z.strictObject({ role: RoleSchema });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequestSchema>;

export interface MemberView {
  id: string;
  name: string;
  role: Role;
  createdAt: number;
}

export interface InviteView {
  id: string;
  role: Role;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  uses: number;
  maxUses: number | null;
}

export interface InviteInspection {
  workspace: WorkspaceMeta;
  role: Role;
  expiresAt: number;
}

export interface SessionResponse {
  member: MemberView;
  workspace: WorkspaceMeta;
}

export interface RedeemInviteResponse extends SessionResponse {
  /** The session token, kept by the browser and sent with every request and connection. */
  session: string;
}

export interface MemberListResponse {
  members: MemberView[];
}

export interface InviteListResponse {
  invites: InviteView[];
}

export interface CreateInviteResponse {
  invite: InviteView;
  /** The secret part of the link: `<origin>/invite#<token>`. Shown once; the server keeps only the record. */
  token: string;
}
