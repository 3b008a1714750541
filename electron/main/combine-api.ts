import { INVOKE_METHODS, type InvokeApi, type LibraryApi, type ShellApi } from '@shared/ipc/contract';

/**
 * One object answering every contract method: the shell's own, the rest by the core.
 * Methods are bound, so a class with private fields (the core) keeps its `this`.
 */
export function combineApi(library: LibraryApi, shell: ShellApi): InvokeApi {
  const api: Record<string, unknown> = {};
  for (const name of INVOKE_METHODS) {
    const owner = (Object.prototype.hasOwnProperty.call(shell, name) ? shell : library) as unknown as Record<
      string,
      (...args: unknown[]) => Promise<unknown>
    >;
    const method = owner[name];
    if (typeof method !== 'function') throw new TypeError(`Nothing answers the IPC call "${name}".`);
    api[name] = method.bind(owner);
  }
  return Object.freeze(api) as unknown as InvokeApi;
}
