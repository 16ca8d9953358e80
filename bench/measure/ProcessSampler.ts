import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** CPU and memory of one process over a measured window, read from /proc. */
export interface ProcessUsage {
  wallSeconds: number;
  cpuSeconds: number;
  /** Average CPU over the window, in % of one core. */
  cpuPercent: number;
  rssStartBytes: number;
  rssPeakBytes: number;
  rssEndBytes: number;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** user + system CPU seconds of `pid` so far (fields 14 and 15 of /proc/<pid>/stat). */
export function readCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the command name (field 2) may contain spaces: split after its closing parenthesis
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident set size of `pid` in bytes (VmRSS of /proc/<pid>/status). */
export function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Samples a process every `intervalMs` between `start()` and `stop()`: CPU is the difference of
 * the kernel's counters over the window, RSS the start, peak and end of the samples.
 */
export class ProcessSampler {
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private cpuAtStart = 0;
  private rssStart = 0;
  private rssPeak = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    this.startedAt = performance.now();
    this.cpuAtStart = readCpuSeconds(this.pid);
    this.rssStart = readRssBytes(this.pid);
    this.rssPeak = this.rssStart;
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): ProcessUsage {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const rssEnd = this.sample();
    const wallSeconds = (performance.now() - this.startedAt) / 1000;
    const cpuSeconds = readCpuSeconds(this.pid) - this.cpuAtStart;
    return {
      wallSeconds,
      cpuSeconds,
      cpuPercent: wallSeconds > 0 ? (cpuSeconds / wallSeconds) * 100 : 0,
      rssStartBytes: this.rssStart,
      rssPeakBytes: this.rssPeak,
      rssEndBytes: rssEnd,
    };
  }

  private sample(): number {
    try {
      const rss = readRssBytes(this.pid);
      this.rssPeak = Math.max(this.rssPeak, rss);
      return rss;
    } catch {
      return 0; // the process has exited
    }
  }
}
