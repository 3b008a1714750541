/**
 * Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): each one
 * targets the article's URL with a TextQuoteSelector and a TextPositionSelector; the
 * note, when there is one, is a TextualBody; the colour is kept as a tag body.
 */
import type { ArticleMeta, Highlight } from '../model';

export interface WebAnnotation {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body: { type: 'TextualBody'; value: string; purpose: 'commenting' | 'tagging'; format?: 'text/plain' }[];
  target: {
    source: string;
    selector: [Highlight['quote'], Highlight['position']];
  };
}

export interface AnnotationCollection {
  '@context': 'http://www.w3.org/ns/anno.jsonld';
  type: 'AnnotationCollection';
  label: string;
  total: number;
  items: WebAnnotation[];
}

export function toWebAnnotation(article: ArticleMeta, highlight: Highlight): WebAnnotation {
  const note = highlight.note.trim();
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:offprint:highlight:${highlight.id}`,
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    body: [
      ...(note
        ? [{ type: 'TextualBody' as const, value: note, purpose: 'commenting' as const, format: 'text/plain' as const }]
        : []),
      { type: 'TextualBody', value: highlight.color, purpose: 'tagging' },
    ],
    target: {
      source: article.url,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: highlight.quote.exact,
          prefix: highlight.quote.prefix,
          suffix: highlight.quote.suffix,
        },
        { type: 'TextPositionSelector', start: highlight.position.start, end: highlight.position.end },
      ],
    },
  };
}

export function toAnnotationCollection(
  label: string,
  groups: readonly { article: ArticleMeta; highlights: readonly Highlight[] }[],
): AnnotationCollection {
  const items = groups.flatMap((g) => g.highlights.map((h) => toWebAnnotation(g.article, h)));
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label,
    total: items.length,
    items,
  };
}
