/** An index file opened (postings and Bloom filters read on demand) answers exactly as one read whole; a page of matches is picked without sorting them all. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvertedIndex } from '../../../electron/core/search/inverted-index';
import { firstInOrder, phraseTest, pullInOrder } from '../../../electron/core/search/search-index';
import { phraseText } from '../../../electron/core/search/parse-query';
import { isCjk } from '../../../electron/core/search/tokenize';
import { fold } from '@shared/text/fold-text';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offprint-index-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const WORDS = ['river', 'stone', 'bread', 'salt', 'water', 'flour', 'light', 'paper', 'glass', 'wind'];

function sampleIndex(): InvertedIndex {
  const index = new InvertedIndex();
  for (let i = 0; i < 300; i++) {
    const body = Array.from({ length: 20 + (i % 17) }, (_, k) => WORDS[(i * 7 + k * k) % WORDS.length]).join(' ');
    index.add({ id: `doc${i}`, stamp: `s${i}`, title: `${WORDS[i % 10]} number${i}`, meta: '', body });
  }
  index.remove('doc5');
  return index;
}

const postingsOf = (index: InvertedIndex, token: string): number[] => {
  const all: number[] = [];
  index.forEachPosting(token, (p) => all.push(p));
  return all;
};

describe('InvertedIndex.open', () => {
  it('reads postings and phrase filters from the file when asked, the same as the index read whole', async () => {
    const path = join(dir, 'search-index.bin');
    await writeFile(path, Buffer.concat([...sampleIndex().serialize()]));
    const whole = InvertedIndex.deserialize(await readFile(path))!;
    const opened = InvertedIndex.open(path)!;
    expect(opened).not.toBeNull();
    expect(opened.size).toBe(whole.size);
    for (const token of [...WORDS, 'number17', 'number299', 'absent']) {
      expect(postingsOf(opened, token)).toEqual(postingsOf(whole, token));
      expect(opened.frequency(token)).toBe(whole.frequency(token));
    }
    expect(opened.expand('number2', 100).sort()).toEqual(whole.expand('number2', 100).sort());
    for (let doc = 0; doc < whole.docSlots; doc += 7) {
      expect(opened.mayHaveSequence(doc, ['river', 'stone'])).toBe(whole.mayHaveSequence(doc, ['river', 'stone']));
      expect(opened.mayHaveSequence(doc, ['bread', 'salt'])).toBe(whole.mayHaveSequence(doc, ['bread', 'salt']));
    }
    // Changed and written again: the new file holds what the opened one had plus the change.
    opened.add({ id: 'new', stamp: 'n', title: 'river news', meta: '', body: 'fresh water' });
    await writeFile(path, Buffer.concat([...opened.serialize()]));
    const again = InvertedIndex.open(path)!;
    expect(again.size).toBe(whole.size + 1);
    expect(postingsOf(again, 'news')).toHaveLength(1);
    expect(postingsOf(again, 'water').length).toBe(postingsOf(whole, 'water').length + 1);
    opened.close();
    again.close();
    whole.close();
  });

  it('refuses a missing, truncated or foreign file', async () => {
    const path = join(dir, 'search-index.bin');
    expect(() => InvertedIndex.open(path)).toThrow(/ENOENT/);
    const bytes = Buffer.concat([...sampleIndex().serialize()]);
    await writeFile(path, bytes.subarray(0, bytes.length - 8));
    expect(InvertedIndex.open(path)).toBeNull();
    await writeFile(path, '{"magic":"something else"}\n');
    expect(InvertedIndex.open(path)).toBeNull();
  });
});

describe('firstInOrder', () => {
  it('gives the first items of the full sort, for any count', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 1000;
    const items = Array.from({ length: 5_000 }, (_, i) => ({ i, score: Math.floor(random()), title: random() < 100 }));
    const order = (a: (typeof items)[0], b: (typeof items)[0]) =>
      Number(b.title) - Number(a.title) || b.score - a.score || a.i - b.i;
    const sorted = [...items].sort(order);
    for (const count of [0, 1, 20, 50, 1_000, 1_300, 4_999, 5_000, 9_000])
      expect(firstInOrder(items, count, order)).toEqual(sorted.slice(0, count));
  });
});

describe('pullInOrder', () => {
  it('hands out the items one at a time in the order of the full sort, then undefined', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 100;
    const items = Array.from({ length: 3_001 }, (_, i) => ({ i, score: Math.floor(random()) }));
    const order = (a: (typeof items)[0], b: (typeof items)[0]) => b.score - a.score || a.i - b.i;
    const sorted = [...items].sort(order);
    const pull = pullInOrder([...items], order, (item) => item.i);
    const pulled: number[] = [];
    for (let i = pull(); i !== undefined; i = pull()) pulled.push(i);
    expect(pulled).toEqual(sorted.map((item) => item.i));
    expect(pull()).toBeUndefined();
    expect(pullInOrder([], order, (item) => item)()).toBeUndefined();
  });
});

describe('phraseTest', () => {
  it('agrees with looking for the phrase in the phraseText of the whole text', () => {
    const texts = [
      'The river, stone and bread.',
      'Über die Straße — zum Fluss!',
      'riverstone bread',
      'a river\n\nstone',
      '(river) stone',
      'breadriver stone',
      'river stones',
      '東京の天気は晴れです',
    ];
    const phrases = ['river stone', 'uber die', 'strasse zum fluss', 'zum', 'stone and bread', '天気は'];
    for (const text of texts) {
      const haystack = ` ${phraseText(text)} `;
      for (const phrase of phrases) {
        const expected = haystack.includes(` ${phrase} `) || (isCjk(phrase) && haystack.includes(phrase));
        expect(phraseTest(phrase)(fold(text)), `${phrase} in ${text}`).toBe(expected);
      }
    }
  });
});
