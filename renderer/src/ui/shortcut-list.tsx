/** Keys, then what they do: `[['⌘', 'F'], 'Find in article']`. */
export type Shortcut = [keys: string[], action: string];

/** A definition list of shortcuts, one row each: the keys as <kbd>, then the action. */
export function ShortcutList({
  shortcuts,
  className,
  rowClassName,
  label,
}: {
  shortcuts: Shortcut[];
  className?: string;
  rowClassName?: string;
  label?: string;
}) {
  return (
    <dl className={className} aria-label={label}>
      {shortcuts.map(([keys, action]) => (
        <div key={action} className={rowClassName}>
          <dt>
            {keys.map((key) => (
              <kbd key={key}>{key}</kbd>
            ))}
          </dt>
          <dd>{action}</dd>
        </div>
      ))}
    </dl>
  );
}
