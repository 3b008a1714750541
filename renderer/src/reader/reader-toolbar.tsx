import type { ReactNode } from 'react';
import type { ArticleMeta } from '@shared/model';
import { BackIcon, ContentsIcon, PanelIcon, RefreshIcon, SearchIcon, SpeakIcon, TagIcon } from '../ui/icons';
import { FavouriteArchiveButtons } from '../ui/state-buttons';
import type { ReadAloudState } from './read-aloud';

export type ReaderPopover = 'tags' | 'settings' | 'toc' | null;

interface Props {
  meta: ArticleMeta;
  minutesLeft: number;
  finished: boolean;
  highlightCount: number;
  panelOpen: boolean;
  popover: ReaderPopover;
  hasContents: boolean;
  readAloud: ReadAloudState;
  onBack(): void;
  onPopover(which: ReaderPopover): void;
  onFind(): void;
  onReadAloud(): void;
  onFavourite(): void;
  onArchive(): void;
  onPanel(): void;
  /** "Update from the web"; the button is left out when absent. */
  onUpdate?(): void;
  updating?: boolean;
  /** The open popover, rendered under its button. */
  renderPopover(which: Exclude<ReaderPopover, null>): ReactNode;
}

const TypeIcon = () => (
  <span className="type-icon" aria-hidden="true">
    Aa
  </span>
);

const READ_ALOUD_LABEL: Record<ReadAloudState, string> = {
  idle: 'Read aloud',
  playing: 'Pause reading aloud',
  paused: 'Resume reading aloud',
  unavailable: 'Read aloud (no voice available)',
};

export function ReaderToolbar(props: Props) {
  const { meta, minutesLeft, finished, highlightCount, panelOpen, popover, hasContents, readAloud } = props;
  const toggle = (which: Exclude<ReaderPopover, null>) => props.onPopover(popover === which ? null : which);
  return (
    <nav className="reader-toolbar" aria-label="Article">
      <button
        type="button"
        className="icon-button"
        onClick={props.onBack}
        aria-label="Back to library"
        title="Back (u)"
      >
        <BackIcon />
      </button>
      <div className="toolbar-title">
        <span className="toolbar-title-text truncate" aria-hidden="true">
          {meta.title}
        </span>
        <span className="minutes-left" aria-label="Time left">
          {finished ? 'Finished' : `${Math.max(1, minutesLeft)} min left`}
        </span>
      </div>
      <div className="toolbar-group">
        {hasContents && (
          <div className="popover-anchor">
            <button
              type="button"
              className="icon-button"
              onClick={() => toggle('toc')}
              aria-label="Contents"
              aria-expanded={popover === 'toc'}
              title="Contents (c)"
            >
              <ContentsIcon />
            </button>
            {popover === 'toc' && props.renderPopover('toc')}
          </div>
        )}
        <button
          type="button"
          className="icon-button"
          onClick={props.onFind}
          aria-label="Find in article"
          title="Find in article (Ctrl+F)"
        >
          <SearchIcon />
        </button>
        <button
          type="button"
          className={`icon-button${readAloud === 'playing' ? ' is-on' : ''}`}
          onClick={props.onReadAloud}
          aria-label={READ_ALOUD_LABEL[readAloud]}
          title={`${READ_ALOUD_LABEL[readAloud]} (r)`}
        >
          <SpeakIcon playing={readAloud === 'playing'} />
        </button>
        <div className="popover-anchor">
          <button
            type="button"
            className="icon-button"
            onClick={() => toggle('settings')}
            aria-label="Reading settings"
            aria-expanded={popover === 'settings'}
            title="Reading settings (s)"
          >
            <TypeIcon />
          </button>
          {popover === 'settings' && props.renderPopover('settings')}
        </div>
        {props.onUpdate && (
          <button
            type="button"
            className={`icon-button${props.updating ? ' is-busy' : ''}`}
            onClick={props.onUpdate}
            disabled={props.updating}
            aria-label="Update from the web"
            title="Update from the web"
          >
            <RefreshIcon />
          </button>
        )}
        <span className="toolbar-divider" aria-hidden="true" />
        <div className="popover-anchor">
          <button
            type="button"
            className={`icon-button${meta.tags.length ? ' has-value' : ''}`}
            onClick={() => toggle('tags')}
            aria-label="Tags"
            aria-expanded={popover === 'tags'}
            title="Tags (t)"
          >
            <TagIcon />
            {meta.tags.length > 0 && <span className="badge" data-count={meta.tags.length} aria-hidden="true" />}
          </button>
          {popover === 'tags' && props.renderPopover('tags')}
        </div>
        <FavouriteArchiveButtons
          favourite={meta.favourite}
          archived={meta.archived}
          onFavourite={props.onFavourite}
          onArchive={props.onArchive}
        />
        <button
          type="button"
          className={`icon-button${panelOpen ? ' is-on' : ''}`}
          onClick={props.onPanel}
          aria-label="Highlights"
          aria-pressed={panelOpen}
          title="Highlights and notes (p)"
        >
          <PanelIcon />
          {highlightCount > 0 && <span className="badge" data-count={highlightCount} aria-hidden="true" />}
        </button>
      </div>
    </nav>
  );
}
