import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../repoRoot.ts';

const PACKAGES = ['yjs', 'y-protocols', 'y-websocket', 'y-websocket-legacy', 'y-leveldb', '@hocuspocus/server', '@hocuspocus/provider', '@hocuspocus/extension-sqlite', 'ws', 'better-sqlite3', 'sqlite3'];

/** Installed versions of the packages the bench compares and uses. */
export function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = { node: process.version };
  for (const name of PACKAGES) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      versions[name] = manifest.version;
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}
