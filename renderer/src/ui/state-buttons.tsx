import { ArchiveIcon, InboxIcon, StarIcon } from './icons';

interface Props {
  favourite: boolean;
  archived: boolean;
  onFavourite(): void;
  onArchive(): void;
}

/** An article's favourite toggle, then archive (or back to the Inbox), as icon buttons. */
export function FavouriteArchiveButtons({ favourite, archived, onFavourite, onArchive }: Props) {
  return (
    <>
      <button
        type="button"
        className={`icon-button${favourite ? ' is-on' : ''}`}
        onClick={onFavourite}
        aria-label={favourite ? 'Remove from favourites' : 'Favourite'}
        aria-pressed={favourite}
        title="Favourite (f)"
      >
        <StarIcon filled={favourite} />
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={onArchive}
        aria-label={archived ? 'Move to Inbox' : 'Archive'}
        title={archived ? 'Move to Inbox (e)' : 'Archive (e)'}
      >
        {archived ? <InboxIcon /> : <ArchiveIcon />}
      </button>
    </>
  );
}
