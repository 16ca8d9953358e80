import { SYNC_PATH_PREFIX, roomName } from '../../shared/syncPath.ts';
import { redeemOwnerLink } from '../../test/helpers/spawnServer.ts';
import { findFreePort } from './findFreePort.ts';
import { toServerUnderTest } from './toServerUnderTest.ts';
import type { ServerSettings, ServerUnderTest } from './ServerUnderTest.ts';
import { spawnServerProcess } from './spawnServerProcess.ts';

export const BENCH_WORKSPACE = 'bpf-cybersecurity';

/**
 * Environment every Normspace bench run uses. The per-connection rate limit (200 messages/s by
 * default) is raised because trace replays send hundreds of thousands of messages as fast as they
 * can, and the per-address connection limits because every bench client comes from 127.0.0.1;
 * the report says so.
 */
export const NORMSPACE_BENCH_ENV: Record<string, string> = {
  MAX_MESSAGES_PER_SECOND: '10000000',
  MAX_CONNECTIONS_PER_MEMBER: '100000',
  CONNECTIONS_PER_MINUTE_PER_MEMBER: '10000000',
  LOG_LEVEL: 'warn',
  DEFAULT_WORKSPACE: BENCH_WORKSPACE,
  STATIC_DIR: './.bench-no-static',
};

/** The owner session of each data directory, kept across restarts of the server on it (its key is in the directory). */
const sessions = new Map<string, string>();

/** Our server, `server/main.ts`, as its own process with a temp DATA_DIR. */
export async function startNormspace(settings: ServerSettings): Promise<ServerUnderTest> {
  const port = await findFreePort();
  const proc = await spawnServerProcess(
    'server/main.ts',
    { ...NORMSPACE_BENCH_ENV, ...settings.normspaceEnv, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: settings.dataDir },
    /running at http:\/\//,
    { inspect: settings.inspect },
  );
  const httpUrl = `http://127.0.0.1:${port}`;
  // A fresh data directory prints the owner link: the bench joins with it, as the first person would.
  // Later starts on the same directory print none; rooms made earlier keep their (still valid) token.
  const ownerLink = /\/invite#(\S+)/.exec(proc.output())?.[1];
  if (ownerLink) sessions.set(settings.dataDir, await redeemOwnerLink(httpUrl, ownerLink));
  const session = sessions.get(settings.dataDir);
  return toServerUnderTest(proc, {
    kind: 'normspace',
    protocol: 'y-websocket',
    wsUrl: `ws://127.0.0.1:${port}${SYNC_PATH_PREFIX}`,
    settings,
    createRooms: (count) => {
      if (!session) throw new Error('no owner session for this data directory');
      return createDocuments(httpUrl, session, count);
    },
  });
}

/**
 * Creates documents through the JSON API, a few requests at a time. Each room name carries the
 * session as `?token=`, which is the URL the stock provider builds from its `params` option.
 */
async function createDocuments(httpUrl: string, session: string, count: number): Promise<string[]> {
  const rooms: string[] = new Array<string>(count);
  let next = 0;
  const createOne = async (index: number) => {
    const response = await fetch(`${httpUrl}/api/workspaces/${BENCH_WORKSPACE}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session}` },
      body: JSON.stringify({ title: `Bench ${index + 1}`, kind: 'meeting-notes' }),
    });
    if (response.status !== 201) throw new Error(`creating a document failed: ${response.status} ${await response.text()}`);
    const { document } = (await response.json()) as { document: { id: string } };
    rooms[index] = `${roomName({ workspaceId: BENCH_WORKSPACE, documentId: document.id })}?token=${session}`;
  };
  await Promise.all(
    Array.from({ length: Math.min(16, count) }, async () => {
      while (next < count) await createOne(next++);
    }),
  );
  return rooms;
}
