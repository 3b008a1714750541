/** Entry point of `npm run cli -- <command>`: runs one command and exits with its code. */
import { runCli } from './run-cli';
import { setCliV8Flags } from './v8-flags';

const write = (stream: NodeJS.WriteStream, text: string): void => void stream.write(`${text}\n`);

setCliV8Flags();
const code = await runCli(process.argv.slice(2), {
  out: (text) => write(process.stdout, text),
  err: (text) => write(process.stderr, text),
  env: process.env,
  interactive: Boolean(process.stderr.isTTY),
  errRaw: (text) => void process.stderr.write(text),
  columns: process.stderr.columns,
});
// Let piped output drain, then exit even if an idle keep-alive socket is still open.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
