import { findFreePort } from './findFreePort.ts';
import { peerRoomNames } from './peerRoomNames.ts';
import { toServerUnderTest } from './toServerUnderTest.ts';
import type { ServerSettings, ServerUnderTest } from './ServerUnderTest.ts';
import { spawnServerProcess } from './spawnServerProcess.ts';

/** The reference server of y-websocket 1.5.4 (`bin/server.js`) with its y-leveldb persistence on. */
export async function startReference(settings: ServerSettings): Promise<ServerUnderTest> {
  const port = await findFreePort();
  const proc = await spawnServerProcess(
    'node_modules/y-websocket-legacy/bin/server.js',
    { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: settings.dataDir },
    /running at/,
    { inspect: settings.inspect },
  );
  return toServerUnderTest(proc, {
    kind: 'reference',
    protocol: 'y-websocket',
    wsUrl: `ws://127.0.0.1:${port}`,
    settings,
    createRooms: async (count) => peerRoomNames(count),
  });
}
