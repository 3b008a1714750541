/**
 * npm run bench:cli -- --corpus <dir> [--runs N] [--tsx]
 * Whole processes, start to exit, over every <dir>/<case>/source.html: the built CLI's
 * `extract --url URL <files>` (as `node out/cli/offprint.js` and as `npm run cli`), and Readability on
 * jsdom doing the same in one plain Node process (cli-bench/reference-extract.mjs). Runs alternate, so
 * that a busy spell on the machine falls on each; prints the median wall time of each, the ratios, and
 * the median CPU time (every thread) of the two node processes. `--tsx` adds the old way, the CLI's
 * TypeScript run through tsx.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli, CLI_BIN, cliIsStale } from './build-cli.mjs';
import { CORPUS_PAGE_URL } from './corpus-metrics';
import { percentileOf } from './percentile';

const ROOT = resolve(import.meta.dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface Contender {
  name: string;
  command: string;
  args: string[];
  /** Node processes report their CPU time through cli-bench/report-cpu.mjs. */
  cpu: boolean;
  env?: NodeJS.ProcessEnv;
}

interface Run {
  ms: number;
  cpuMs: number | null;
  lines: number;
  errors: number;
}

const cpuFile = join(mkdtempSync(join(tmpdir(), 'offprint-bench-cli-')), 'cpu');

/** Runs one contender to its exit; its output is read (as a pipe would) and its JSON lines counted. */
function runOnce(contender: Contender): Promise<Run> {
  rmSync(cpuFile, { force: true });
  const reportCpu = ['--import', join(ROOT, 'scripts', 'cli-bench', 'report-cpu.mjs')];
  const args = contender.cpu ? [...reportCpu, ...contender.args] : contender.args;
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(contender.command, args, {
      cwd: ROOT,
      env: { ...process.env, ...contender.env, OFFPRINT_BENCH_CPU_FILE: cpuFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let pending = '';
    let lines = 0;
    let errors = 0;
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines += 1;
        if ('error' in JSON.parse(line)) errors += 1;
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0 && errors === 0) return fail(new Error(`${contender.name} exited with ${code}: ${stderr}`));
      const cpuMs = contender.cpu && existsSync(cpuFile) ? Number(readFileSync(cpuFile, 'utf8')) : null;
      done({ ms, cpuMs, lines, errors });
    });
  });
}

const round = (n: number) => Math.round(n);
const median = (values: number[]) => percentileOf(values, 50);

async function main(): Promise<void> {
  const dir = argument('corpus');
  if (!dir) {
    console.error('usage: npm run bench:cli -- --corpus <dir> [--runs N] [--tsx]');
    process.exit(2);
  }
  const runs = Math.max(1, Number(argument('runs') ?? 5));
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'source.html')))
    .map((e) => join(resolve(dir), e.name, 'source.html'))
    .sort();
  if (cliIsStale()) await buildCli();
  const extract = ['extract', '--url', CORPUS_PAGE_URL, ...files];
  const contenders: Contender[] = [
    { name: 'builtCli', command: process.execPath, args: [CLI_BIN, ...extract], cpu: true },
    { name: 'npmRunCli', command: NPM, args: ['run', 'cli', '--silent', '--', ...extract], cpu: false },
    {
      name: 'reference',
      command: process.execPath,
      // jsdom needs far more memory than the default heap over a corpus in one process.
      args: [
        '--max-old-space-size=4096',
        join(ROOT, 'scripts', 'cli-bench', 'reference-extract.mjs'),
        CORPUS_PAGE_URL,
        ...files,
      ],
      cpu: true,
    },
  ];
  if (process.argv.includes('--tsx')) {
    contenders.push({
      name: 'tsxCli',
      command: process.execPath,
      args: [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        '--tsconfig',
        join(ROOT, 'tsconfig.node.json'),
        join(ROOT, 'electron', 'cli', 'offprint-cli.ts'),
        ...extract,
      ],
      cpu: false,
    });
  }
  const results = new Map<string, Run[]>(contenders.map((c) => [c.name, []]));
  for (let run = 0; run < runs; run++) {
    for (const contender of contenders) results.get(contender.name)?.push(await runOnce(contender));
  }
  const wall = (name: string) => median((results.get(name) ?? []).map((r) => r.ms));
  const cpu = (name: string) => median((results.get(name) ?? []).map((r) => r.cpuMs ?? 0));
  const report: Record<string, unknown> = {
    pages: files.length,
    runs,
    // Median wall time of the whole process, start to exit.
    builtCliMs: round(wall('builtCli')),
    npmRunCliMs: round(wall('npmRunCli')),
    referenceMs: round(wall('reference')),
    speedRatio: Math.round((100 * wall('reference')) / wall('builtCli')) / 100,
    npmRunCliSpeedRatio: Math.round((100 * wall('reference')) / wall('npmRunCli')) / 100,
    // Median CPU time, every thread, user and system: the measure least moved by other load on the machine.
    builtCliCpuMs: round(cpu('builtCli')),
    referenceCpuMs: round(cpu('reference')),
    cpuRatio: Math.round((100 * cpu('reference')) / cpu('builtCli')) / 100,
    ...(results.has('tsxCli') ? { tsxCliMs: round(wall('tsxCli')) } : {}),
    linesPerRun: Object.fromEntries([...results].map(([name, r]) => [name, r[0].lines])),
    errorsPerRun: Object.fromEntries([...results].map(([name, r]) => [name, r[0].errors])),
    wallMsPerRun: Object.fromEntries([...results].map(([name, r]) => [name, r.map((x) => round(x.ms))])),
  };
  rmSync(join(cpuFile, '..'), { recursive: true, force: true });
  console.log(JSON.stringify(report, null, 2));
}

await main();
