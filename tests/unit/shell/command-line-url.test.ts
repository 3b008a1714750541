import { describe, expect, it } from 'vitest';
import { findUrlArgument } from '../../../electron/main/policy/command-line-url';

describe('findUrlArgument', () => {
  it('finds a web address among the launch arguments', () => {
    expect(findUrlArgument(['/opt/Offprint/offprint', 'https://example.com/story'])).toBe('https://example.com/story');
    expect(findUrlArgument(['electron', '.', '--library', '/tmp/lib', 'http://example.com'])).toBe(
      'http://example.com/',
    );
  });

  it('skips flags, their values and anything that is not a web address', () => {
    expect(findUrlArgument(['offprint', '--library', 'https://not-a-library.example/', '--flag'])).toBeNull();
    expect(
      findUrlArgument(['offprint', '--allow-file-access-from-files', 'file:///etc/passwd', 'javascript:alert(1)']),
    ).toBeNull();
    expect(findUrlArgument(['offprint', '.', 'out/main/index.js'])).toBeNull();
    expect(findUrlArgument([])).toBeNull();
  });
});
