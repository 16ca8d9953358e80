/** The servers the bench compares. */
export const SERVER_KINDS = ['normspace', 'reference', 'hocuspocus'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** Which client speaks to a server: the stock y-websocket provider or Hocuspocus' own. */
export type ClientProtocol = 'y-websocket' | 'hocuspocus';

export const SERVER_LABELS: Record<ServerKind, string> = {
  normspace: 'Normspace',
  reference: 'y-websocket 1.5.4 + y-leveldb',
  hocuspocus: 'Hocuspocus 3 + SQLite',
};

/** What a scenario may ask of a server when it starts one. */
export interface ServerSettings {
  dataDir: string;
  /** Extra environment for Normspace (UNLOAD_GRACE_MS, COMPACT_AFTER_UPDATES…); the peers ignore it. */
  normspaceEnv?: Record<string, string>;
  /** Start with `--inspect` so that the bench can force a GC and read the V8 heap. */
  inspect?: boolean;
}

/** A running server process under test. */
export interface ServerUnderTest {
  readonly kind: ServerKind;
  readonly protocol: ClientProtocol;
  readonly pid: number;
  /** The URL a client passes to its provider (with the room name beside it). */
  readonly wsUrl: string;
  readonly settings: ServerSettings;
  /** DevTools websocket, when started with `settings.inspect`. */
  readonly inspectorUrl: string | undefined;
  /** Makes `count` documents the clients may open; returns their room names. */
  createRooms(count: number): Promise<string[]>;
  /** Stops the process (SIGTERM lets it store what it holds; SIGKILL is a crash) and waits for it to exit. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}
