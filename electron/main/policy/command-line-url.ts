/** Flags of ours that take a value, so the value is not mistaken for a URL to save. */
const FLAGS_WITH_VALUE = new Set(['--library']);

/**
 * The web address given on a command line (`offprint https://…`, or a second launch
 * handing its arguments to the running app), or null. Flags and their values are skipped.
 */
export function findUrlArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (FLAGS_WITH_VALUE.has(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    try {
      const url = new URL(arg);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not a URL: the executable, the app path, or some other argument.
    }
  }
  return null;
}
