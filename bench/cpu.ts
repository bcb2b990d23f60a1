// CPU time of a process and everything it started, from /proc (Linux): where a benchmark's seconds went.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

function stat(pid: number): { ppid: number; seconds: number } | null {
  try {
    // Fields after the command name (which may contain spaces) start at ") ".
    const line = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = line.slice(line.lastIndexOf(")") + 2).split(" ");
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return { ppid: Number(fields[1]), seconds: (utime + stime + cutime + cstime) / TICKS_PER_SECOND };
  } catch {
    return null; // exited meanwhile
  }
}

/** CPU seconds used so far by `rootPid` and its descendants (threads included; children that exited count once reaped). */
export function treeCpuSeconds(rootPid: number): number {
  const all = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = new Map(all.map((pid) => [pid, stat(pid)] as const).filter((entry): entry is [number, { ppid: number; seconds: number }] => entry[1] !== null));
  const children = new Map<number, number[]>();
  for (const [pid, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  let total = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += stats.get(pid)?.seconds ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** The postmaster of a PostgreSQL data directory on this machine, or null (e.g. DATABASE_URL points elsewhere). */
export function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && existsSync(`/proc/${pid}`) ? pid : null;
}

/** This process's own CPU seconds (the load generator). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

export type CpuShare = { seconds: number; cpuSeconds: Record<string, number | null>; busyCores: number; cores: number };

/** Starts counting CPU seconds for the app, PostgreSQL and this process; the result says how busy the machine's cores were. */
export function cpuMeter(processes: { app: number; postgres: number | null }, cores: number) {
  const read = () => ({ app: treeCpuSeconds(processes.app), postgres: processes.postgres === null ? null : treeCpuSeconds(processes.postgres), loadGenerator: ownCpuSeconds() });
  const before = read();
  const started = performance.now();
  return (): CpuShare => {
    const after = read();
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = {
      app: +(after.app - before.app).toFixed(1),
      postgres: after.postgres === null || before.postgres === null ? null : +(after.postgres - before.postgres).toFixed(1),
      loadGenerator: +(after.loadGenerator - before.loadGenerator).toFixed(1),
    };
    const used = cpuSeconds.app + (cpuSeconds.postgres ?? 0) + cpuSeconds.loadGenerator;
    return { seconds: +seconds.toFixed(1), cpuSeconds, busyCores: +(used / seconds).toFixed(2), cores };
  };
}
