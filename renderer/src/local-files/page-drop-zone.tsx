import { useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary } from '@shared/import/import-summary';
import type { CaptureProgress } from '@shared/model';
import { api } from '../api';
import { ImportSummaryDialog } from '../import/import-summary-dialog';
import { announceLibraryChanged } from '../import/library-changed';
import { describeCapture } from '../library/capture-stage';
import { markAlreadySaved } from '../reader/already-saved';
import { navigate } from '../route';
import { useToast } from '../ui/toast';
import '../styles/capture-updates.css';
import '../styles/import.css';

const PAGE_FILE = /\.html?$/i;
const EXPORT_FILE = /\.(zip|csv|json|jsonld|txt|md)$/i;

const carriesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * Takes what is dropped anywhere on the window: an export (a zip, CSV, JSON, bookmarks HTML,
 * Kindle clippings, a list of links, or an unzipped export folder) is imported, and its summary
 * shown with Undo; a web page file (.html/.htm, e.g. a browser's "Web page, complete") is saved
 * and opened. What a file is, the core reads from its content: an .html file it does not read as
 * an export is saved as a page. Paths come from the preload; the main side checks them again.
 */
export function PageDropZone() {
  const notify = useToast();
  const [over, setOver] = useState(false);
  const [saving, setSaving] = useState<{ name: string; progress: CaptureProgress | null } | null>(null);
  const [importing, setImporting] = useState<{ name: string; progress: ImportProgress | null } | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const depth = useRef(0);
  const busy = useRef(false);

  useEffect(() => api.on('captureProgress', (progress) => setSaving((s) => (s ? { ...s, progress } : s))), []);
  useEffect(() => api.on('importProgress', (progress) => setImporting((s) => (s ? { ...s, progress } : s))), []);
  useEffect(
    () =>
      api.on('importFinished', (finished) => {
        setSummary(finished);
        announceLibraryChanged();
      }),
    [],
  );

  useEffect(() => {
    const tokenFor = async (file: File): Promise<string> => {
      const token = await api.dropTokenFor?.(file).catch(() => '');
      if (!token) notify(`“${file.name}” cannot be saved: Offprint was not told where it is on the disk.`);
      return token ?? '';
    };

    const savePage = async (file: File) => {
      const token = await tokenFor(file);
      if (!token) return;
      setSaving({ name: file.name, progress: null });
      try {
        const { article, existed } = await api.saveFile(token);
        if (existed) markAlreadySaved(article.id);
        else notify(`Saved “${article.title}”`);
        navigate({ name: 'reader', id: article.id });
      } catch (error) {
        notify(`Could not save “${file.name}”: ${(error as Error).message}`);
      } finally {
        setSaving(null);
      }
    };

    /** False when the file is not an export (an .html page then goes on to be saved). */
    const importExport = async (file: File, orPage: boolean): Promise<boolean> => {
      const token = await tokenFor(file);
      if (!token) return true;
      setImporting({ name: file.name, progress: null });
      try {
        const imported = await api.importFile(token);
        if (!imported) return !orPage;
        setSummary(imported);
        announceLibraryChanged();
        return true;
      } catch (error) {
        notify(`Could not import “${file.name}”: ${(error as Error).message}`);
        return true;
      } finally {
        setImporting(null);
      }
    };

    const take = async (dropped: File[]) => {
      // A folder (an unzipped export) comes as a File without an extension.
      const files = dropped.filter((f) => PAGE_FILE.test(f.name) || EXPORT_FILE.test(f.name) || !/\.\w+$/.test(f.name));
      if (files.length < dropped.length) {
        notify(
          'Only web pages (.html, .htm) and exports (.zip, .csv, .json, .txt, .md, or a folder) can be dropped here.',
        );
      }
      if (files.length === 0) return;
      if (busy.current) {
        notify('Still busy with the last file you dropped.');
        return;
      }
      busy.current = true;
      try {
        for (const file of files) {
          const page = PAGE_FILE.test(file.name);
          if (!(await importExport(file, page)) && page) await savePage(file);
        }
      } finally {
        busy.current = false;
      }
    };

    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current += 1;
      setOver(true);
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Never let the browser open the dropped file in place of the app.
      event.preventDefault();
      depth.current = 0;
      setOver(false);
      void take(Array.from(event.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragenter', onDragEnter);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onDragEnter);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [notify]);

  const dialog = summary && (
    <ImportSummaryDialog
      summary={summary}
      onClose={() => setSummary(null)}
      onUndone={(message) => {
        setSummary(null);
        notify(message);
        announceLibraryChanged();
      }}
    />
  );
  if (!over && !saving && !importing) return dialog || null;
  const { label } = describeCapture(saving?.progress ?? null);
  const progress = importing?.progress;
  return (
    <div className="page-drop-overlay" data-testid="page-drop-overlay">
      <div className="page-drop-target" role="status" aria-live="polite">
        {importing ? (
          <>
            Importing “{importing.name}”…
            <p data-testid="import-progress">
              {progress && progress.total > 0
                ? `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} entries recorded`
                : 'Reading the export'}
            </p>
            <div className="import-progress" aria-hidden="true">
              <div style={{ width: `${progress?.total ? Math.round((progress.done / progress.total) * 100) : 5}%` }} />
            </div>
          </>
        ) : saving ? (
          <>
            Saving “{saving.name}”…<p>{label}</p>
          </>
        ) : (
          <>
            Drop a web page to save it, or an export to import it
            <p>
              An .html page with its “_files” folder, or a Pocket, Omnivore, Wallabag, Instapaper, Readwise, Raindrop,
              Kindle or bookmarks export
            </p>
          </>
        )}
      </div>
      {dialog}
    </div>
  );
}
