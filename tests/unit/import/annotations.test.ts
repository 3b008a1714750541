import { describe, expect, it } from 'vitest';
import type { ArticleMeta, Highlight } from '@shared/model';
import { toAnnotationCollection } from '@shared/transfer/web-annotation-export';
import { readHypothesisJson } from '../../../electron/core/import/formats/hypothesis-json';
import { readWebAnnotationJson } from '../../../electron/core/import/formats/web-annotation-json';
import { detectText } from '../../../electron/core/import/detect-format';
import { byTitle, byUrl, readFixture } from './fixtures';

describe('Hypothesis JSON', () => {
  it('reads quote, prefix, suffix and position selectors, tags and notes', async () => {
    const result = await readFixture('hypothesis.json');
    expect(result.format).toBe('hypothesis-json');
    const article = byUrl(result, 'https://example.com/hyp-article');
    expect(article.title).toBe('A Hypothesis Article');
    expect(article.highlights[0]).toMatchObject({
      exact: 'the quoted passage itself',
      prefix: 'before ',
      suffix: ' after',
      position: { start: 120, end: 150 },
      labels: ['method', 'to check'],
      createdAt: '2024-03-01T10:00:00.000Z',
    });
  });

  it('keeps a page note with an empty quote, and a reply as a note on the annotation it answers', async () => {
    const article = byUrl(await readFixture('hypothesis.json'), 'https://example.com/hyp-article');
    expect(article.highlights.map((h) => [h.exact, h.note])).toEqual([
      ['the quoted passage itself', 'A thought, with a comma\n\nReply: I agree with myself'],
      ['', 'A page note on the whole article'],
    ]);
  });

  it('keeps annotations on a page that is not a web address in a document without a URL', async () => {
    const result = await readFixture('hypothesis.json');
    expect(byTitle(result, 'Some Paper.pdf')).toMatchObject({ url: null });
    expect(byTitle(result, 'Some Paper.pdf').highlights[0].exact).toBe('A sentence in a PDF');
    expect(result.skipped).toEqual([{ item: 'annotation h-5', reason: 'neither a quote nor a note' }]);
  });
});

describe('W3C Web Annotation JSON-LD', () => {
  it('reads a collection’s pages, both selectors, bodyValue and TextualBody notes, colours and labels', async () => {
    const result = await readFixture('web-annotations.jsonld');
    expect(result.format).toBe('web-annotation-json');
    const first = byUrl(result, 'https://example.com/w3c-article');
    expect(
      first.highlights.map(({ exact, prefix, suffix, position, note, color }) => ({
        exact,
        prefix,
        suffix,
        position,
        note,
        color,
      })),
    ).toEqual([
      {
        exact: 'exact words',
        prefix: 'the ',
        suffix: ' here',
        position: { start: 10, end: 21 },
        note: 'A note from Offprint',
        color: 'green',
      },
      {
        exact: 'other words',
        prefix: undefined,
        suffix: undefined,
        position: undefined,
        note: 'A bodyValue note',
        color: null,
      },
    ]);
    expect(byUrl(result, 'https://example.org/second').highlights[0]).toMatchObject({
      exact: 'second page quote',
      labels: ['to read'],
    });
  });

  it('reads back what Offprint exports, and detects it', () => {
    const article = { id: 'a1', url: 'https://example.com/essay' } as ArticleMeta;
    const highlight: Highlight = {
      id: 'h1',
      articleId: 'a1',
      quote: { type: 'TextQuoteSelector', exact: 'a passage', prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: 5, end: 14 },
      color: 'pink',
      note: 'my note',
      createdAt: '2024-05-01T10:00:00.000Z',
      updatedAt: '2024-05-02T10:00:00.000Z',
    };
    const json = JSON.stringify(toAnnotationCollection('Export', [{ article, highlights: [highlight] }]));
    expect(detectText(json)).toBe('web-annotation-json');
    const [entry] = readWebAnnotationJson(json).entries;
    expect(entry.url).toBe('https://example.com/essay');
    expect(entry.highlights[0]).toMatchObject({
      exact: 'a passage',
      prefix: 'before ',
      suffix: ' after',
      position: { start: 5, end: 14 },
      color: 'pink',
      note: 'my note',
      labels: [],
      createdAt: '2024-05-01T10:00:00.000Z',
    });
  });

  it('reads a lone Annotation and a bare AnnotationPage', () => {
    const annotation = { type: 'Annotation', target: 'https://example.com/x', bodyValue: 'just a note' };
    expect(readWebAnnotationJson(JSON.stringify(annotation)).entries[0].highlights[0]).toMatchObject({
      exact: '',
      note: 'just a note',
    });
    const page = { type: 'AnnotationPage', items: [annotation, annotation] };
    expect(readWebAnnotationJson(JSON.stringify(page)).entries[0].highlights).toHaveLength(2);
  });
});

describe('Hypothesis API results', () => {
  it('reads `{rows}` as the API returns them, and a bare array', () => {
    const annotation = {
      id: 'x',
      uri: 'https://example.com/api',
      text: '',
      tags: [],
      created: '2024-01-01T00:00:00+00:00',
      target: [{ source: 'https://example.com/api', selector: [{ type: 'TextQuoteSelector', exact: 'from the API' }] }],
    };
    for (const shape of [{ total: 1, rows: [annotation] }, [annotation]]) {
      const json = JSON.stringify(shape);
      expect(detectText(json)).toBe('hypothesis-json');
      expect(readHypothesisJson(json).entries[0].highlights[0]).toMatchObject({
        exact: 'from the API',
        createdAt: '2024-01-01T00:00:00.000Z',
      });
    }
  });
});
