import { findFreePort } from './findFreePort.ts';
import { peerRoomNames } from './peerRoomNames.ts';
import { toServerUnderTest } from './toServerUnderTest.ts';
import type { ServerSettings, ServerUnderTest } from './ServerUnderTest.ts';
import { spawnServerProcess } from './spawnServerProcess.ts';

/** Hocuspocus 3 with its SQLite extension on a database file (`hocuspocusMain.ts`). */
export async function startHocuspocus(settings: ServerSettings): Promise<ServerUnderTest> {
  const port = await findFreePort();
  const proc = await spawnServerProcess(
    'bench/servers/hocuspocusMain.ts',
    { PORT: String(port), DATA_DIR: settings.dataDir },
    /running at ws:\/\//,
    { inspect: settings.inspect },
  );
  return toServerUnderTest(proc, {
    kind: 'hocuspocus',
    protocol: 'hocuspocus',
    wsUrl: `ws://127.0.0.1:${port}`,
    settings,
    createRooms: async (count) => peerRoomNames(count),
  });
}
