import { useEffect, useRef } from 'react';
import { api } from '../api';

const SAVE_EVERY_MS = 1500;

const progressOf = (el: HTMLElement): number => {
  const max = el.scrollHeight - el.clientHeight;
  return max <= 0 ? 1 : Math.min(1, Math.max(0, el.scrollTop / max));
};

/**
 * Drives the thin progress bar directly (no re-render per scroll event) and saves
 * progress at most every 1.5 s, plus once when the reader closes.
 */
export function useReadingProgress(
  articleId: string,
  scroller: HTMLElement | null,
  bar: HTMLElement | null,
  initialProgress: number,
  ready: boolean,
): void {
  const restored = useRef<string | null>(null);

  useEffect(() => {
    if (!scroller || !bar || !ready) return;
    if (restored.current !== articleId) {
      restored.current = articleId;
      if (initialProgress > 0.02 && initialProgress < 0.98) {
        scroller.scrollTop = initialProgress * (scroller.scrollHeight - scroller.clientHeight);
      }
    }
    let lastSaved = -1;
    let timer: number | undefined;
    const save = () => {
      timer = undefined;
      const progress = Math.round(progressOf(scroller) * 1000) / 1000;
      if (progress === lastSaved) return;
      lastSaved = progress;
      api.setProgress(articleId, progress).catch(() => {});
    };
    const onScroll = () => {
      bar.style.transform = `scaleX(${progressOf(scroller)})`;
      timer ??= window.setTimeout(save, SAVE_EVERY_MS);
    };
    bar.style.transform = `scaleX(${progressOf(scroller)})`;
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      if (timer !== undefined) {
        window.clearTimeout(timer);
        save();
      }
    };
  }, [articleId, scroller, bar, initialProgress, ready]);
}
