import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { MachineInfo } from './BenchResults.ts';

/** The machine the bench runs on. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  let description = `${os.type()} ${os.release()}`;
  try {
    const release = execFileSync('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: 'utf8' }).trim();
    if (release) description = `${release}, kernel ${os.release()}`;
  } catch {
    // keep the kernel only
  }
  return {
    cpus: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: description,
    node: process.version,
    loadAverageStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    busy: [],
  };
}

/** Heavy processes that would skew timings (another engineer's browser tests), by name. */
export function busyProcesses(): string[] {
  try {
    const out = execFileSync('pgrep', ['-fa', 'chromium|chrome|playwright'], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((line) => line.trim() && !line.includes('pgrep'))
      .map((line) => line.split(' ')[1]?.split('/').pop() ?? '')
      .filter((name, index, all) => name !== '' && !name.startsWith('[') && all.indexOf(name) === index);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
