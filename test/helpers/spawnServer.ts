import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  output: () => string;
  /**
   * A session of the workspace's owner: on a first start, got by opening the printed owner link as a
   * new user would; on a later start, the one passed in.
   */
  token: string;
}

/** Runs `server/main.ts` in its own process (for crash tests) and resolves once it listens. */
export async function spawnServer(env: Record<string, string>, token?: string): Promise<SpawnedServer> {
  const started = await startProcess(env);
  const link = /(https?:\/\/\S+)\/invite#(\S+)/.exec(started.output());
  if (link) return { ...started, token: await redeemOwnerLink(started.url, link[2]!) };
  if (!token) throw new Error(`the server printed no owner link and no session was given:\n${started.output()}`);
  return { ...started, token };
}

/** Joins with an invite token, as the invite page does; answers the session. */
export async function redeemOwnerLink(url: string, inviteToken: string): Promise<string> {
  const response = await fetch(`${url}/api/invites/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: inviteToken, name: 'Owner' }),
  });
  if (!response.ok) throw new Error(`the owner link did not work: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { session: string }).session;
}

function startProcess(env: Record<string, string>): Promise<Omit<SpawnedServer, 'token'>> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/main.ts')], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        const url = match[1]!;
        resolve({ child, url, wsUrl: `${url.replace(/^http/, 'ws')}/sync`, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
