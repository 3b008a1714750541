import { useEffect, useState } from 'react';
import type { Clip, ClipQuery } from '@shared/transfer/clip';
import { api } from '../api';

const SEARCH_DELAY_MS = 140;

/** What `answered` holds when the clips are every clip in the library, unfiltered. */
export const EVERY_CLIP = '{}';

/** The clips matching the query (text debounced), and which query they answer (its JSON). */
export function useClips(query: ClipQuery) {
  const [state, setState] = useState<{ clips: Clip[]; answered: string | null; loading: boolean; error: string | null }>({
    clips: [],
    answered: null,
    loading: true,
    error: null,
  });
  const { color, tag, articleId } = query;
  const text = query.text?.trim() || undefined;

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(
      () => {
        const q: ClipQuery = { ...(color && { color }), ...(tag && { tag }), ...(articleId && { articleId }), ...(text && { text }) };
        const answered = JSON.stringify(q);
        api.listClips(q).then(
          (clips) => live && setState({ clips, answered, loading: false, error: null }),
          (error: Error) => live && setState({ clips: [], answered: null, loading: false, error: error.message }),
        );
      },
      text ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [color, tag, articleId, text]);

  return state;
}
