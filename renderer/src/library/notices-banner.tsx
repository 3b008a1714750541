import { useEffect, useState } from 'react';
import { api } from '../api';
import { CloseIcon } from '../ui/icons';

/** Dismissed for this session, so coming back from the reader does not show them again. */
const dismissed = new Set<string>();

/** What the library had to do when it opened (a damaged index restored from a backup…). */
export function NoticesBanner() {
  const [notices, setNotices] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api.getNotices().then(
      (list) => live && setNotices(list.filter((n) => !dismissed.has(n))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label="Library notices">
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss"
        onClick={() => {
          for (const n of notices) dismissed.add(n);
          setNotices([]);
        }}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
