import { useEffect, useRef, useState } from 'react';
import { isFinished } from '@shared/reading/finished';
import { api } from '../api';
import { capturePosition, findPositionBlock, loadPosition, savePosition } from './reading-position';

const SAVE_EVERY_MS = 1000;
/** Below the sticky toolbar: what the reader sees first. */
const TOOLBAR_HEIGHT = 52;
/** For this long after opening, late layout (images arriving) re-applies the restored position. */
const SETTLE_MS = 2500;

interface Options {
  articleId: string;
  readingMinutes: number;
  scroller: HTMLElement | null;
  bar: HTMLElement | null;
  body: HTMLElement | null;
  initialProgress: number;
  ready: boolean;
  /** True when the reader opens at a highlight instead of the saved place. */
  skipRestore: boolean;
  /** Called once when the reader reaches the end of the article. */
  onFinished(): void;
}

/** 0 at the top, 1 once the end of the article text is in view. */
function progressOf(scroller: HTMLElement, body: HTMLElement): number {
  const end = body.offsetTop + body.offsetHeight - scroller.clientHeight;
  if (end <= 0) return 1;
  return Math.min(1, Math.max(0, scroller.scrollTop / end));
}

/**
 * Drives the thin progress bar directly (no re-render per scroll event), reports minutes
 * left, saves the position (paragraph and fraction) at most once a second and when the
 * reader closes, restores it when the article opens again, and notices the end.
 */
export function useReadingProgress(options: Options): { minutesLeft: number; finished: boolean } {
  const { articleId, readingMinutes, scroller, bar, body, initialProgress, ready, skipRestore } = options;
  const [state, setState] = useState({
    minutesLeft: Math.ceil(readingMinutes * (1 - initialProgress)),
    finished: false,
  });
  const onFinished = useRef(options.onFinished);
  onFinished.current = options.onFinished;
  const restored = useRef(false);

  useEffect(() => {
    if (!scroller || !bar || !body || !ready) return;
    const viewTop = () => scroller.getBoundingClientRect().top + TOOLBAR_HEIGHT + 1;
    let userScrolled = false;
    let settling = !restored.current && !skipRestore;

    const restore = () => {
      const saved = loadPosition(articleId);
      const block = saved && findPositionBlock(body, saved);
      let top: number | null = null;
      if (block) {
        const rect = block.getBoundingClientRect();
        top = scroller.scrollTop + rect.top - viewTop() + 1 + saved.within * rect.height;
      } else {
        const fraction = saved?.progress ?? initialProgress;
        if (fraction > 0.01) top = fraction * (body.offsetTop + body.offsetHeight - scroller.clientHeight);
      }
      if (top !== null) scroller.scrollTo({ top: Math.max(0, Math.round(top)), behavior: 'instant' });
    };
    if (settling) restore();
    restored.current = true;

    let finishedOnce = false;
    let lastSaved = -1;
    let timer: number | undefined;
    const save = () => {
      timer = undefined;
      const progress = Math.round(progressOf(scroller, body) * 1000) / 1000;
      const position = capturePosition(body, viewTop(), progress);
      if (position) savePosition(articleId, position);
      if (progress === lastSaved) return;
      lastSaved = progress;
      // A failed save is logged by main where it failed; the next scroll saves again.
      api.setProgress(articleId, isFinished(progress) ? 1 : progress).catch(() => {});
    };
    const update = () => {
      const progress = progressOf(scroller, body);
      bar.style.transform = `scaleX(${progress})`;
      const finished = isFinished(progress);
      const minutesLeft = Math.ceil(readingMinutes * (1 - progress));
      setState((s) => (s.minutesLeft === minutesLeft && s.finished === finished ? s : { minutesLeft, finished }));
      if (finished && !finishedOnce && userScrolled) {
        finishedOnce = true;
        save();
        onFinished.current();
      }
    };
    const onUserScroll = () => {
      userScrolled = true;
      settling = false;
    };
    const onScroll = () => {
      update();
      if (userScrolled) timer ??= window.setTimeout(save, SAVE_EVERY_MS);
    };
    // Late layout (images, fonts) would move the paragraph away from the top: put it back.
    const resizes = new ResizeObserver(() => {
      if (settling) restore();
    });
    resizes.observe(body);
    const stopSettling = window.setTimeout(() => (settling = false), SETTLE_MS);
    const userEvents = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
    userEvents.forEach((name) => scroller.addEventListener(name, onUserScroll, { passive: true }));
    window.addEventListener('keydown', onUserScroll);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    update();
    return () => {
      resizes.disconnect();
      window.clearTimeout(stopSettling);
      userEvents.forEach((name) => scroller.removeEventListener(name, onUserScroll));
      window.removeEventListener('keydown', onUserScroll);
      scroller.removeEventListener('scroll', onScroll);
      if (timer !== undefined) {
        window.clearTimeout(timer);
        save();
      }
    };
  }, [articleId, readingMinutes, scroller, bar, body, initialProgress, ready, skipRestore]);

  return state;
}
