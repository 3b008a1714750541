import { MOD_KEY } from '../ui/platform';

export function WelcomeGreeting({ onAddLink }: { onAddLink(): void }) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Offprint</h2>
      <p className="welcome-lead">
        Your quiet place to read the web. Everything you save stays on this computer and reads offline.
      </p>
      <ol className="welcome-steps">
        <li>
          <strong>Save your first article.</strong> Copy a link from your browser, press <kbd>{MOD_KEY}</kbd>+
          <kbd>L</kbd> and paste it.
        </li>
        <li>
          <strong>Read without distractions.</strong> Open it with <kbd>Enter</kbd>; <kbd>u</kbd> brings you back.
        </li>
        <li>
          <strong>Keep what matters.</strong> Select a passage and press <kbd>h</kbd> to highlight it, <kbd>n</kbd> to
          add a note.
        </li>
      </ol>
      <button type="button" className="primary-button" onClick={onAddLink}>
        Paste a link
      </button>
    </section>
  );
}

export function EmptyView({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="empty-view">
      <h2>{title}</h2>
      <p>{hint}</p>
    </div>
  );
}
