import { useCallback, useEffect, useRef, useState } from 'react';
import { blocksOf } from './reading-position';
import { placeTextNodes, spansToRanges, type TextSpan } from './text-offsets';

export type ReadAloudState = 'idle' | 'playing' | 'paused' | 'unavailable';
export const NO_VOICE_MESSAGE = 'Read aloud needs a speech voice, and none is installed on this computer.';

const SENTENCE = /[^.!?…。！？]+(?:[.!?…。！？]+["'”’)\]]*|$)/gu;
const HIGHLIGHT = 'read-aloud';
const VOICES_WAIT_MS = 600;

/** The article's sentences as spans of the article text, block by block. */
export function sentencesOf(body: HTMLElement): TextSpan[] {
  const starts = new Map(placeTextNodes(body).map((p) => [p.node as Node, p.start]));
  const offsetOf = (block: Node): number => {
    const first = block.ownerDocument!.createTreeWalker(block, NodeFilter.SHOW_TEXT).nextNode();
    return first ? (starts.get(first) ?? -1) : -1;
  };
  const spans: TextSpan[] = [];
  for (const block of blocksOf(body)) {
    if (block.querySelector('p, li, blockquote')) continue; // its children are blocks of their own
    const start = offsetOf(block);
    if (start < 0) continue;
    const text = block.textContent ?? '';
    for (const match of text.matchAll(SENTENCE)) {
      const lead = match[0].length - match[0].trimStart().length;
      const trimmed = match[0].trim();
      if (trimmed.length < 2) continue;
      spans.push({ start: start + match.index + lead, end: start + match.index + lead + trimmed.length });
    }
  }
  return spans;
}

/** Voices can arrive a moment after start-up; an empty list after that means there are none. */
function waitForVoices(): Promise<SpeechSynthesisVoice[]> {
  if (!('speechSynthesis' in window)) return Promise.resolve([]);
  const now = speechSynthesis.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => resolve(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    window.setTimeout(done, VOICES_WAIT_MS);
  });
}

/**
 * Reads the article aloud from the paragraph at the top of the view, one sentence at a
 * time, following the sentence with a highlight (CSS Custom Highlight API, no DOM change).
 */
export function useReadAloud(body: HTMLElement | null, lang: string | null, onMessage: (text: string) => void) {
  const [state, setState] = useState<ReadAloudState>('idle');
  const queue = useRef<{ spans: TextSpan[]; ranges: (Range | null)[]; at: number } | null>(null);
  const text = useRef('');

  const stop = useCallback(() => {
    queue.current = null;
    if ('speechSynthesis' in window) speechSynthesis.cancel();
    CSS.highlights.delete(HIGHLIGHT);
    setState((s) => (s === 'unavailable' ? s : 'idle'));
  }, []);

  useEffect(() => stop, [stop]);

  const speakNext = useCallback(
    (voice: SpeechSynthesisVoice | undefined) => {
      const q = queue.current;
      if (!q || q.at >= q.spans.length) {
        stop();
        return;
      }
      const span = q.spans[q.at];
      const range = q.ranges[q.at];
      if (range) {
        CSS.highlights.set(HIGHLIGHT, new Highlight(range));
        const rect = range.getBoundingClientRect();
        if (rect.bottom > window.innerHeight - 60 || rect.top < 60) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        }
      }
      const utterance = new SpeechSynthesisUtterance(text.current.slice(span.start, span.end));
      if (voice) utterance.voice = voice;
      if (lang) utterance.lang = lang;
      utterance.onend = () => {
        if (queue.current !== q) return;
        q.at += 1;
        speakNext(voice);
      };
      utterance.onerror = (event) => {
        if (event.error !== 'interrupted' && event.error !== 'canceled') {
          onMessage(`Read aloud stopped: ${event.error}.`);
          stop();
        }
      };
      speechSynthesis.speak(utterance);
    },
    [lang, onMessage, stop],
  );

  const toggle = useCallback(async () => {
    if (state === 'playing') {
      speechSynthesis.pause();
      setState('paused');
      return;
    }
    if (state === 'paused') {
      speechSynthesis.resume();
      setState('playing');
      return;
    }
    const voices = await waitForVoices();
    if (voices.length === 0) {
      setState('unavailable');
      onMessage(NO_VOICE_MESSAGE);
      return;
    }
    if (!body) return;
    const primary = (lang ?? '').toLowerCase().split('-')[0];
    const voice =
      voices.find((v) => primary && v.lang.toLowerCase().startsWith(primary)) ?? voices.find((v) => v.default);
    const spans = sentencesOf(body);
    const top = body.closest('.reader-main')?.getBoundingClientRect().top ?? 0;
    const ranges = spansToRanges(body, spans);
    const first = Math.max(
      0,
      ranges.findIndex((r) => r && r.getBoundingClientRect().bottom > top + 60),
    );
    text.current = body.textContent ?? '';
    queue.current = { spans, ranges, at: first };
    setState('playing');
    speakNext(voice);
  }, [body, lang, onMessage, speakNext, state]);

  return { state, toggle, stop };
}
