import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { readFileSync } from 'node:fs';
const html = readFileSync('/work/shared/corpora/readability-test-pages/title-en-dash/source.html', 'utf8');
const { document } = parseHTML(html);
console.log(JSON.stringify(document.title), (document as any).title.length);
console.log(new Readability(document as any).parse()?.title);
