import { describe, expect, it } from 'vitest';
import { jsonArrayCell, pythonStringList, splitList } from '../../../electron/core/import/parse/text-lists';

describe('tag lists in one field', () => {
  it('reads a Python list repr with both quote kinds and escapes', () => {
    expect(pythonStringList(`['a', "it's", 'say \\'hi\\'', 'tag with spaces']`)).toEqual([
      'a',
      "it's",
      "say 'hi'",
      'tag with spaces',
    ]);
    expect(pythonStringList('[]')).toEqual([]);
    expect(pythonStringList('a, b')).toBeNull();
    expect(pythonStringList("['unclosed]")).toBeNull();
  });

  it('reads a JSON array cell, falling back to commas', () => {
    expect(jsonArrayCell('["tag with spaces","news"]')).toEqual(['tag with spaces', 'news']);
    expect(jsonArrayCell('a, b')).toEqual(['a', 'b']);
    expect(jsonArrayCell('')).toEqual([]);
  });

  it('drops empties and repeats but keeps spelling', () => {
    expect(splitList('Long Read| |long read|Long Read', '|')).toEqual(['Long Read', 'long read']);
  });
});
