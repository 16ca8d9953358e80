import { z } from 'zod';

/** What a member of a workspace may do, each role including everything of the ones before it. */
export const ROLES = ['viewer', 'commenter', 'editor', 'facilitator', 'owner'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  commenter: 'Commenter',
  editor: 'Editor',
  facilitator: 'Facilitator',
  owner: 'Owner',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'reads documents and sees who is here',
  commenter: 'also writes comment threads',
  editor: 'also edits text and tags, creates and renames documents',
  facilitator: 'also manages the taxonomy, members and invites, archives documents, resolves any thread',
  owner: 'also appoints facilitators and owners',
};

/** True when `role` includes everything `minimum` may do. */
export function atLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** What a member with each role can do, said to them. */
export const ROLE_SUMMARIES: Record<Role, string> = {
  viewer: 'You can read the documents and see who is here.',
  commenter: 'You can read the documents and discuss them in comment threads.',
  editor: 'You can edit text and tags, comment, and create and rename documents.',
  facilitator: 'You can edit, and manage the taxonomy, members and invites, and archive documents.',
  owner: 'You can do everything here, including appointing facilitators and owners.',
};
