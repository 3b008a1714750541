import { useEffect, useRef, useState } from 'react';
import type { CaptureProgress } from '@shared/model';
import { api } from '../api';
import { describeCapture } from '../library/capture-stage';
import { markAlreadySaved } from '../reader/already-saved';
import { navigate } from '../route';
import { useToast } from '../ui/toast';
import '../styles/capture-updates.css';

const PAGE_FILE = /\.html?$/i;

const carriesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * Saves a web page file (.html/.htm, e.g. a browser's "Web page, complete") dropped anywhere on
 * the window, and opens it. The file's path comes from the preload; the main side checks it again.
 */
export function PageDropZone() {
  const notify = useToast();
  const [over, setOver] = useState(false);
  const [saving, setSaving] = useState<{ name: string; progress: CaptureProgress | null } | null>(null);
  const depth = useRef(0);
  const busy = useRef(false);

  useEffect(() => api.on('captureProgress', (progress) => setSaving((s) => (s ? { ...s, progress } : s))), []);

  useEffect(() => {
    const save = async (files: File[]) => {
      const pages = files.filter((f) => PAGE_FILE.test(f.name));
      if (pages.length === 0) {
        notify('Only web pages saved as .html or .htm files can be dropped here.');
        return;
      }
      if (busy.current) {
        notify('Still saving the last page you dropped.');
        return;
      }
      busy.current = true;
      try {
        for (const file of pages) {
          const token = await api.dropTokenFor?.(file).catch(() => '');
          if (!token) {
            notify(`“${file.name}” cannot be saved: Offprint was not told where it is on the disk.`);
            continue;
          }
          setSaving({ name: file.name, progress: null });
          try {
            const { article, existed } = await api.saveFile(token);
            if (existed) markAlreadySaved(article.id);
            else notify(`Saved “${article.title}”`);
            navigate({ name: 'reader', id: article.id });
          } catch (error) {
            notify(`Could not save “${file.name}”: ${(error as Error).message}`);
          }
        }
      } finally {
        busy.current = false;
        setSaving(null);
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
      void save(Array.from(event.dataTransfer?.files ?? []));
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

  if (!over && !saving) return null;
  const { label } = describeCapture(saving?.progress ?? null);
  return (
    <div className="page-drop-overlay" data-testid="page-drop-overlay">
      <div className="page-drop-target" role="status" aria-live="polite">
        {saving ? (
          <>
            Saving “{saving.name}”…<p>{label}</p>
          </>
        ) : (
          <>
            Drop a web page to save it<p>An .html or .htm file, with its “_files” folder if it has one</p>
          </>
        )}
      </div>
    </div>
  );
}
