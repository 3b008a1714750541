/**
 * The command line's V8 settings, set as it starts, before any worker (V8's flags are the
 * process's, workers included). Without inlining, TurboFan compiles each hot function alone: every
 * extraction worker of a run starts cold and compiles the extractor's DOM walks several times over
 * as it meets new element shapes, and that compiling cost more than inlining saved. `extract` over
 * the 130 pages of Mozilla's Readability tests takes about a tenth less CPU. Code compiled without
 * inlining can run a little slower once warm, but a run over 1,497 pages did not take longer.
 *
 * Set for every command, so that all the CLI's workers compile alike: V8 rejects a code cache
 * (cached-worker.ts) made under other flags. Only flags read as a function is compiled can change
 * here; the garbage collector's cannot once V8 runs.
 */
import { setFlagsFromString } from 'node:v8';

export function setCliV8Flags(): void {
  setFlagsFromString('--no-turbo-inlining');
}
