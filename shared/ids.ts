import { z } from 'zod';

/** Workspace and document ids: lowercase letters, digits and dashes, 1–64 chars, starting with a letter or digit. */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const WorkspaceIdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be 1–64 characters of a–z, 0–9 and "-", starting with a letter or digit');

export const DocumentIdSchema = WorkspaceIdSchema;

export type WorkspaceId = z.infer<typeof WorkspaceIdSchema>;
export type DocumentId = z.infer<typeof DocumentIdSchema>;

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

const ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';

/** A new random document id (12 chars, ~60 bits), unambiguous when read aloud on a call. */
export function newDocumentId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
