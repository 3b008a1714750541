import { useEffect, useState } from 'react';
import type { Clip, ClipQuery } from '@shared/transfer/clip';
import { api } from '../api';

const SEARCH_DELAY_MS = 140;

/** What `answered` holds when the clips are every clip in the library, unfiltered. */
export const EVERY_CLIP = '{}';

/**
 * The clips matching the query (text debounced). `answered` names the query (its JSON) the
 * clips belong to; `loading` is true while that is not yet the current one.
 */
export function useClips(query: ClipQuery) {
  const [state, setState] = useState<{ clips: Clip[]; answered: string | null; error: string | null }>({
    clips: [],
    answered: null,
    error: null,
  });
  const { color, tag, articleId } = query;
  const text = query.text?.trim() || undefined;
  const asked = JSON.stringify({
    ...(color && { color }),
    ...(tag && { tag }),
    ...(articleId && { articleId }),
    ...(text && { text }),
  });
  const delay = text ? SEARCH_DELAY_MS : 0;

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api.listClips(JSON.parse(asked) as ClipQuery).then(
        (clips) => live && setState({ clips, answered: asked, error: null }),
        (error: Error) => live && setState({ clips: [], answered: asked, error: error.message }),
      );
    }, delay);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [asked, delay]);

  return { ...state, loading: state.answered !== asked };
}
