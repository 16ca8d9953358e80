import type { ClientProtocol, ServerKind, ServerSettings, ServerUnderTest } from './ServerUnderTest.ts';
import type { ServerProcess } from './spawnServerProcess.ts';

/** The `ServerUnderTest` of a started process: what each adapter adds is its URL and how it makes rooms. */
export function toServerUnderTest(
  proc: ServerProcess,
  fields: { kind: ServerKind; protocol: ClientProtocol; wsUrl: string; settings: ServerSettings; createRooms: (count: number) => Promise<string[]> },
): ServerUnderTest {
  return { ...fields, pid: proc.pid, inspectorUrl: proc.inspectorUrl, stop: (signal) => proc.stop(signal) };
}
