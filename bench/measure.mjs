// What the benchmark measures around one build: wall time and peak memory of the whole process
// tree, and the sizes of what the build wrote.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PAGE_SIZE = 4096;

/** Direct children of a process, from /proc (the children file, or every stat when that is missing). */
function childrenOf(pid) {
  const file = `/proc/${pid}/task/${pid}/children`;
  if (existsSync(file)) {
    try {
      const kids = [];
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        kids.push(
          ...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
        );
      }
      return kids;
    } catch {
      return [];
    }
  }
  const kids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of stat is the parent; the command name in field 2 may hold spaces, so split after ")".
      const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (ppid === pid) kids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return kids;
}

const TICKS_PER_SECOND = 100;

/**
 * Resident memory (bytes) and CPU time so far (seconds) of a process and all its descendants.
 * A live process's CPU includes the children it has already reaped, so summing over the live
 * tree counts every process once.
 */
function treeUsage(root) {
  let rss = 0;
  let ticks = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop();
    try {
      rss += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
      // After the ") " that ends the command name: utime, stime, cutime, cstime are fields 12-15.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    } catch {
      continue;
    }
    stack.push(...childrenOf(pid));
  }
  return { rss, cpuSeconds: ticks / TICKS_PER_SECOND };
}

/**
 * Runs `command` and resolves with its wall time in seconds, the peak resident memory of its
 * whole process tree and the CPU time it used (both polled from /proc every `pollMs`), its exit
 * code and its output. CPU time says more than wall time when other work shares the machine.
 */
export function runMeasured(command, args, { env, cwd, pollMs = 50 } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let peak = 0;
    let cpuSeconds = 0;
    const poll = () => {
      const usage = treeUsage(child.pid);
      peak = Math.max(peak, usage.rss);
      cpuSeconds = Math.max(cpuSeconds, usage.cpuSeconds);
    };
    const timer = setInterval(poll, pollMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code, seconds, cpuSeconds, peakRssBytes: peak, output });
    });
  });
}

/** Every file under `dir`, with its size. */
export function filesUnder(dir) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push({ path, bytes: statSync(path).size });
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/** Sizes of a build's output: everything, HTML pages, and the search index. */
export function outputSizes(distDir) {
  const files = filesUnder(distDir);
  const html = files.filter((f) => f.path.endsWith('.html'));
  const sum = (list) => list.reduce((total, f) => total + f.bytes, 0);
  const pagefindDir = join(distDir, 'pagefind');
  return {
    distBytes: sum(files),
    htmlPages: html.length,
    htmlBytes: sum(html),
    pagefindBytes: sum(files.filter((f) => f.path.startsWith(pagefindDir + '/'))),
    html,
  };
}

/** The commit benchmarked, and whether the working tree differed from it; BENCH_COMMIT names it for an exported tree. */
export function revision() {
  if (process.env.BENCH_COMMIT) return { commit: process.env.BENCH_COMMIT, dirty: false };
  try {
    const git = (...args) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no').length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}
