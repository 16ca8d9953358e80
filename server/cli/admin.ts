import fs from 'node:fs';
import path from 'node:path';
import { INDEX_DOCUMENT_ID } from '../../shared/syncPath.ts';
import { AccessService } from '../access/AccessService.ts';
import { loadConfig } from '../config.ts';
import { SQLITE_FILE_NAME, SqliteStore } from '../store/SqliteStore.ts';
import { runAdminCommand } from './runAdminCommand.ts';

/** `npm run admin -- <command>`: members and invites of a data directory, server running or not. */
async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const access = AccessService.open(config.dataDir, { sessionTtlMs: config.sessionTtlDays * 86_400_000 });
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  try {
    const result = await runAdminCommand(process.argv.slice(2), {
      access,
      baseUrl: config.publicUrl || `http://${host}:${config.port}`,
      defaultWorkspace: config.defaultWorkspace,
      async workspaceExists(workspaceId) {
        if (!fs.existsSync(path.join(config.dataDir, SQLITE_FILE_NAME))) return false;
        const store = SqliteStore.open(config.dataDir);
        try {
          return (await store.listKeys(`${workspaceId}/${INDEX_DOCUMENT_ID}`)).length > 0;
        } finally {
          await store.close();
        }
      },
    });
    (result.exitCode === 0 ? console.log : console.error)(result.output);
    return result.exitCode;
  } finally {
    await access.close();
  }
}

process.exitCode = await main();
