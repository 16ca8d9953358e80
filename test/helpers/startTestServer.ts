import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig, type Config } from '../../server/config.ts';
import { createNormspaceServer, type NormspaceServer } from '../../server/createNormspaceServer.ts';
import { createLogger } from '../../server/logger.ts';
import type { Role } from '../../shared/access/roles.ts';

/** A member as records name them (`{ id, name, color }`, the colour being any of their choice). */
export interface TestMember {
  id: string;
  name: string;
  color: string;
}

export interface TestServer {
  server: NormspaceServer;
  url: string;
  wsUrl: string;
  dataDir: string;
  config: Config;
  /** Session token of an owner of the default workspace: what tests connect and call the API with. */
  token: string;
  /** That owner: what their comments and tags must say (the server checks). */
  owner: TestMember;
  /** A new member of `workspaceId` (default workspace unless given) with `role`, and their session. */
  memberWith(role: Role, options?: { name?: string; workspaceId?: string }): Promise<TestMember & { token: string }>;
  /** Stops the server and starts a new one on the same data dir (same port when possible). */
  restart(): Promise<void>;
  /** Stops the server and removes the data dir. */
  stop(): Promise<void>;
}

/** The real server on port 0 with a temp data dir and quiet logs. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'normspace-test-'));
  const config: Config = {
    ...defaultConfig,
    port: 0,
    logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent',
    staticDir: path.resolve('dist/client'),
    unloadGraceMs: 200,
    ackIntervalMs: 50,
    // Most test servers never export: their export worker starts with the first export instead.
    warmExports: 'off',
    ...overrides,
    dataDir,
  };
  const log = createLogger(config.logLevel);
  const handle: TestServer = {
    server: await createNormspaceServer(config, log),
    url: '',
    wsUrl: '',
    dataDir,
    config,
    token: '',
    owner: { id: '', name: '', color: '' },
    async memberWith(role, options = {}) {
      const member = await handle.server.access.addMember(options.workspaceId ?? config.defaultWorkspace, options.name ?? `Test ${role}`, role);
      return { id: member.id, name: member.name, color: '#1d4ed8', token: await handle.server.access.issueSession(member) };
    },
    async restart() {
      await handle.server.close();
      handle.server = await createNormspaceServer({ ...config, port: handle.server.port }, log);
      setUrls();
    },
    async stop() {
      await handle.server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const setUrls = () => {
    handle.url = handle.server.url;
    handle.wsUrl = `${handle.server.url.replace(/^http/, 'ws')}/sync`;
  };
  setUrls();
  const { token, ...owner } = await handle.memberWith('owner', { name: 'Test owner' });
  handle.token = token;
  handle.owner = owner;
  return handle;
}
