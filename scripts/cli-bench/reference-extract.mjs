/**
 * The reference for `npm run bench:cli`: Readability on jsdom as a command of its own, doing what
 * `offprint extract --url URL <file>...` does — read each file (jsdom sniffs its encoding), extract,
 * print one JSON line per file — in plain Node, as the built CLI runs.
 * Usage: node scripts/cli-bench/reference-extract.mjs URL FILE...
 */
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

const [url, ...files] = process.argv.slice(2);
const quiet = new VirtualConsole();
for (const file of files) {
  const dom = new JSDOM(readFileSync(file), { url, virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  process.stdout.write(`${JSON.stringify(article ? { file, ...article } : { file, error: 'No article found.' })}\n`);
}
