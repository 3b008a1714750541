import { CloseIcon } from './icons';

export function TagChip({ name, onRemove }: { name: string; onRemove?: () => void }) {
  return (
    <span className="tag-chip">
      {name}
      {onRemove && (
        <button type="button" className="tag-chip-remove" onClick={onRemove} aria-label={`Remove tag ${name}`}>
          <CloseIcon />
        </button>
      )}
    </span>
  );
}
