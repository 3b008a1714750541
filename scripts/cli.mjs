/**
 * `npm run cli -- <command>`: runs the built CLI (out/cli/offprint.js), building it first when there is
 * no build yet (a fresh clone) or a source changed since; esbuild takes well under a second.
 */
import { pathToFileURL } from 'node:url';
import { buildCli, CLI_BIN, cliIsStale } from './build-cli.mjs';

if (cliIsStale()) await buildCli();
await import(pathToFileURL(CLI_BIN).href);
