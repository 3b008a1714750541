/** An index file opened (postings and Bloom filters read on demand) answers exactly as one read whole. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvertedIndex } from '../../../electron/core/search/inverted-index';

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
    await writeFile(path, Buffer.concat(sampleIndex().serialize()));
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
    await writeFile(path, Buffer.concat(opened.serialize()));
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
    expect(InvertedIndex.open(path)).toBeNull();
    const bytes = Buffer.concat(sampleIndex().serialize());
    await writeFile(path, bytes.subarray(0, bytes.length - 8));
    expect(InvertedIndex.open(path)).toBeNull();
    await writeFile(path, '{"magic":"something else"}\n');
    expect(InvertedIndex.open(path)).toBeNull();
  });
});
