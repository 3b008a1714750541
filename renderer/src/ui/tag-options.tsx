import type { TagCount } from '@shared/model';

/** A tag filter's options: "Any tag" (the empty value), then each tag by name. */
export function TagFilterOptions({ tags }: { tags: TagCount[] }) {
  return (
    <>
      <option value="">Any tag</option>
      {tags.map((t) => (
        <option key={t.name} value={t.name}>
          {t.name}
        </option>
      ))}
    </>
  );
}
