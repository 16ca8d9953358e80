import { invitePath } from '../shared/access/invitePath.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createNormspaceServer } from './createNormspaceServer.ts';
import { StoreOpenError } from './store/DocumentStore.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  let server;
  try {
    server = await createNormspaceServer(config, log);
  } catch (error) {
    if (error instanceof StoreOpenError) {
      log.fatal(error.message);
      console.error(`\nNormspace could not start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  log.info({ url: server.url, dataDir: config.dataDir }, 'Normspace is ready');
  // One write, so that whoever reads the output sees the address and the owner link together. The
  // link is printed, never logged: whoever opens it first becomes the owner of the workspace.
  let banner = `\n  Normspace is running at ${server.url}\n`;
  if (server.ownerInviteToken) {
    const link = `${config.publicUrl || server.url}${invitePath(server.ownerInviteToken)}`;
    banner += `\n  The workspace has no owner yet. Open this link to become its owner (single use):\n\n    ${link}\n`;
  }
  if (config.logLevel !== 'silent' || server.ownerInviteToken) console.log(banner);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: storing open documents');
    server
      .close()
      .then(() => {
        log.info('stopped cleanly');
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
