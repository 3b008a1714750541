/**
 * The parent side of the crash tests: article origins on 127.0.0.1 that count page requests, and a
 * child process run until a condition on its output lines holds, then killed with SIGKILL.
 * The child side is crash-child.ts.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { articlePage } from './capture-queue-kit';

const ROOT = resolve(import.meta.dirname, '../..');

/** Origins that serve an article page at every path after 5 ms; the site icon is a 404 and not counted. */
export class ArticleOrigins {
  /** Page requests per path. */
  readonly hits = new Map<string, number>();
  private readonly servers: Server[] = [];

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path.startsWith('/favicon')) return void res.writeHead(404).end();
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      setTimeout(
        () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(`Story ${path}`)),
        5,
      );
    });
    this.servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  close(): void {
    for (const server of this.servers) {
      server.closeAllConnections();
      server.close();
    }
  }
}

/**
 * Runs `node --import tsx child ...args`, reading one JSON line at a time from its stdout, and
 * SIGKILLs it once `killWhen` holds for the lines so far. Fails if the child stops by itself.
 */
export function runUntilKilled<Line>(
  child: string,
  args: readonly string[],
  killWhen: (lines: readonly Line[]) => boolean,
): Promise<Line[]> {
  return new Promise((done, fail) => {
    const childProcess = spawn(process.execPath, ['--import', 'tsx', child, ...args], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Line[] = [];
    let stderr = '';
    let killed = false;
    childProcess.stderr.on('data', (chunk) => (stderr += chunk));
    createInterface({ input: childProcess.stdout }).on('line', (text) => {
      lines.push(JSON.parse(text) as Line);
      if (!killed && killWhen(lines)) {
        killed = true;
        childProcess.kill('SIGKILL');
      }
    });
    childProcess.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done(lines);
      else fail(new Error(`The child stopped by itself (code ${code}): ${stderr}`));
    });
  });
}
