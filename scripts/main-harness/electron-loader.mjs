// Resolves `electron` to the faked module the main-process tests use (tests/support/fake-electron.ts),
// so the main process's own code runs under Node for bench:library's main-loop measurement.
const FAKE = new URL('../../tests/support/fake-electron.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: FAKE, shortCircuit: true };
  return nextResolve(specifier, context);
}
