/**
 * Runs the built CLI (the `bin`, which the unit project's global setup builds) the way `npm run cli`
 * does, in a child process (async: a test server in this process must keep answering).
 * OFFPRINT_LIBRARY is cleared so only `--library` names the library.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { CLI_BIN } from '../../scripts/build-cli.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCliFile(CLI_BIN, args, env);
}

/** Runs a copy of the built CLI placed elsewhere. */
export function runCliFile(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd: ROOT,
      env: { ...process.env, OFFPRINT_LIBRARY: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
