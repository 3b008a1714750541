import { useState } from 'react';
import { IMPORT_FORMAT_LABELS, type ImportProblem } from '@shared/import/import-model';
import type { ImportSummary } from '@shared/import/import-summary';
import { api } from '../api';
import '../styles/import.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

const where = (p: ImportProblem) =>
  [p.file, p.line !== undefined ? `line ${p.line}` : p.item].filter(Boolean).join(', ') || 'the file';

/** Shown rows of skipped and noted entries; the rest are counted. */
const SHOWN_PROBLEMS = 50;

/**
 * What an import did: articles added and merged, rows skipped with where and why, highlights
 * anchored, orphaned and pending; with Undo, which takes the whole import back.
 */
export function ImportSummaryDialog({
  summary,
  onClose,
  onUndone,
}: {
  summary: ImportSummary;
  onClose(): void;
  onUndone(message: string): void;
}) {
  const [undoing, setUndoing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { highlights: h } = summary;
  const undo = async () => {
    setUndoing(true);
    try {
      const undone = await api.undoImport(summary.importId);
      onUndone(`Import undone: ${plural(undone.removedArticles, 'article')} removed`);
    } catch (e) {
      setError((e as Error).message);
      setUndoing(false);
    }
  };
  const problems = [
    ...summary.skipped.map((p) => ({ kind: 'Skipped', p })),
    ...summary.warnings.map((p) => ({ kind: 'Note', p })),
  ];
  return (
    <div className="import-summary-backdrop">
      <section className="import-summary" role="dialog" aria-modal="true" aria-labelledby="import-summary-title">
        <h2 id="import-summary-title">Imported {IMPORT_FORMAT_LABELS[summary.format]}</h2>
        <ul className="import-counts" data-testid="import-counts">
          <li>{plural(summary.added, 'article')} added</li>
          {summary.merged > 0 && <li>{plural(summary.merged, 'article')} already here gained tags or highlights</li>}
          {summary.unchanged > 0 && <li>{plural(summary.unchanged, 'article')} already here, unchanged</li>}
          <li>{plural(summary.skipped.length, 'row')} skipped</li>
          <li>
            {plural(h.total, 'highlight')}: {h.anchored.toLocaleString()} anchored, {h.orphaned.toLocaleString()}{' '}
            orphaned, {h.pending.toLocaleString()} waiting for their article
          </li>
          {summary.awaitingCapture > 0 && (
            <li>
              {plural(summary.awaitingCapture, 'article')} without content{' '}
              {summary.queued > 0 ? 'queued for capture' : 'waiting to be captured'}
            </li>
          )}
        </ul>
        {problems.length > 0 && (
          <ul className="import-problems" aria-label="Skipped rows and notes">
            {problems.slice(0, SHOWN_PROBLEMS).map(({ kind, p }, i) => (
              <li key={i}>
                <strong>{kind}</strong> {where(p)}: {p.reason}
              </li>
            ))}
            {problems.length > SHOWN_PROBLEMS && (
              <li>…and {(problems.length - SHOWN_PROBLEMS).toLocaleString()} more</li>
            )}
          </ul>
        )}
        {error && <p role="alert">{error}</p>}
        <div className="import-summary-actions">
          {summary.importId && (
            <button type="button" onClick={() => void undo()} disabled={undoing}>
              Undo import
            </button>
          )}
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </section>
    </div>
  );
}
