/**
 * npx tsx scripts/compare-extract-out.ts <before.json> <after.json>
 * Compares two `npm run bench:extract -- --out FILE` files page by page: every field but the time
 * (text, scores, title, author, date) must be the same. Prints the pages that differ and the fields
 * that do, and exits 1 when any does: the check that a speed change left the extraction as it was.
 */
import { readFileSync } from 'node:fs';

type PageOut = Record<string, unknown> & { id: string; ms?: number };

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: npx tsx scripts/compare-extract-out.ts <before.json> <after.json>');
  process.exit(2);
}
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PageOut[];
const before = read(beforeFile);
const after = new Map(read(afterFile).map((page) => [page.id, page]));
let differing = 0;
for (const page of before) {
  const other = after.get(page.id);
  if (!other) {
    differing++;
    console.log(`${page.id}: missing from ${afterFile}`);
    continue;
  }
  const fields = Object.keys({ ...page, ...other }).filter(
    (key) => key !== 'ms' && JSON.stringify(page[key]) !== JSON.stringify(other[key]),
  );
  if (fields.length) {
    differing++;
    console.log(`${page.id}: ${fields.join(', ')}`);
  }
}
console.log(`${before.length} pages compared with ${after.size}: ${differing} differ`);
process.exit(differing || before.length !== after.size ? 1 : 0);
