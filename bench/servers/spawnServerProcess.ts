import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../repoRoot.ts';

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** The DevTools websocket of the process, when it was started with `inspect`. */
  inspectorUrl: string | undefined;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/**
 * Runs `node --import tsx <script>` from the repository root and resolves once its output matches
 * `ready`. Every server runs this way, so they pay the same loader overhead in memory. With
 * BENCH_CPU_PROF_DIR set, each server writes a V8 CPU profile there when it exits; with
 * BENCH_SERVER_OUTPUT set, its output is copied to stderr.
 */
export function spawnServerProcess(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  options: { inspect?: boolean; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const profile = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const inspect = options.inspect ? ['--inspect=127.0.0.1:0'] : [];
  const child = spawn(process.execPath, [...profile, ...inspect, '--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exit.then(() => (exited = true));
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    if (exited) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exit;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${script} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    let started = false;
    const onData = (chunk: Buffer) => {
      if (process.env.BENCH_SERVER_OUTPUT) process.stderr.write(chunk);
      if (output.length < 100_000) output += chunk.toString();
      if (!started && ready.test(output)) {
        started = true;
        clearTimeout(timer);
        const inspectorUrl = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
        resolve({ child, pid: child.pid!, inspectorUrl, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      if (!started) reject(new Error(`${script} exited before it was ready:\n${output}`));
    });
  });
}
