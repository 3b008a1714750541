import type { ReactNode } from 'react';
import type { ArticleExportFormat } from '@shared/transfer/article-export';
import { ExportMenu } from './export-menu';
import { ArchiveIcon, CloseIcon, InboxIcon, StarIcon, TagIcon, TrashIcon } from '../ui/icons';

export type BulkCommand = 'archive' | 'unarchive' | 'favourite' | 'unfavourite' | 'tag' | 'delete' | 'restore';

interface Props {
  count: number;
  inTrash: boolean;
  onCommand(command: BulkCommand): void;
  /** Exports the selection (offered outside the Trash only). */
  onExport?(format: ArticleExportFormat): void;
  onClear(): void;
}

/** What can be done to the picked rows at once. */
export function BulkBar({ count, inTrash, onCommand, onExport, onClear }: Props) {
  const button = (command: BulkCommand, label: string, icon: ReactNode, extra = '') => (
    <button type="button" className={`bulk-button${extra}`} onClick={() => onCommand(command)}>
      {icon}
      <span>{label}</span>
    </button>
  );
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected articles">
      <span className="bulk-count" aria-live="polite">
        {count.toLocaleString()} selected
      </span>
      {inTrash ? (
        button('restore', 'Restore', <InboxIcon />)
      ) : (
        <>
          {button('archive', 'Archive', <ArchiveIcon />)}
          {button('unarchive', 'Unarchive', <InboxIcon />)}
          {button('favourite', 'Favourite', <StarIcon />)}
          {button('unfavourite', 'Unfavourite', <StarIcon filled />)}
          {button('tag', 'Tag…', <TagIcon />)}
          {onExport && <ExportMenu onExport={onExport} />}
          {button('delete', 'Delete', <TrashIcon />, ' danger')}
        </>
      )}
      <button
        type="button"
        className="icon-button"
        onClick={onClear}
        aria-label="Clear selection"
        title="Clear selection (Esc)"
      >
        <CloseIcon />
      </button>
    </div>
  );
}
