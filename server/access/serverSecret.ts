import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDataDir, tightenFileMode } from '../store/privateFiles.ts';

export const SECRET_FILE_NAME = 'secret.key';

/**
 * The key that signs invite links and sessions: 32 random bytes generated on first use and kept in
 * `<dataDir>/secret.key` (readable by the owner only; a wider mode is tightened). Deleting the file signs everyone out and
 * voids every invite link. Server and admin CLI may race to create it: the first write wins.
 */
export function loadServerSecret(dataDir: string): Uint8Array {
  const file = path.join(dataDir, SECRET_FILE_NAME);
  ensureDataDir(dataDir);
  tightenFileMode(file);
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  if (key.length < 32) throw new Error(`${file} does not hold a usable key (expected 32 bytes, base64url)`);
  return new Uint8Array(key);
}
