import { describe, expect, it, vi } from 'vitest';
import { hasTag, sameTag, tagKey } from '@shared/library/tag-key';
import { afterAction } from '../../../renderer/src/library/library-actions';
import { settingsKey } from '../../../renderer/src/library/use-view-settings';
import { sampleMeta } from '../library/sample-meta';

// The renderer's modules read window.offprint when loaded; these tests call only their pure parts.
vi.hoisted(() => Object.assign(globalThis, { window: { offprint: {} } }));

describe('tag identity (shared/library/tag-key.ts)', () => {
  it('ignores case and surrounding or repeated white space', () => {
    expect(tagKey('  Java   Script ')).toBe('java script');
    expect(sameTag('Java\tScript', 'java script')).toBe(true);
    expect(sameTag('java', 'javascript')).toBe(false);
    expect(hasTag(['Rust', 'Java  Script'], ' java script')).toBe(true);
  });

  it('is what the renderer compares tags with', () => {
    const article = sampleMeta('a', { tags: ['Java  Script'] });
    expect(afterAction([article], { type: 'add-tag', tag: 'java script ' })[0].tags).toEqual(['Java  Script']);
    expect(afterAction([article], { type: 'remove-tag', tag: ' JAVA script' })[0].tags).toEqual([]);
    expect(settingsKey('library', 'Java  Script')).toBe(settingsKey('library', 'java script'));
  });
});
