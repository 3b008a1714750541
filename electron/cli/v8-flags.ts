/**
 * The command line's V8 settings, set as it starts, before any worker (V8's flags are the
 * process's, workers included). TurboFan inlines only small functions (40 bytes of bytecode, 160 in
 * all per function): every extraction worker of a run starts cold and compiles the extractor's DOM
 * walks several times over as it meets new element shapes, and compiling large inlined bodies cost
 * more than it saved. With V8's own budget, `extract` over the 130 pages of Mozilla's Readability
 * tests takes about a tenth more CPU; without any inlining, about 4% more (small helpers are then
 * a call each).
 *
 * The garbage collector does its work on the thread that needs it, without helper threads:
 * `extract` already keeps every core busy with one worker each, and the helpers only contended with
 * them (about 3% less CPU over the same 130 pages). These four are read each time a collection
 * starts, so they can change while V8 runs, before any collection of this process is under way
 * (parallel marking cannot: a marking job started under it must be joined under it, and V8 aborts).
 *
 * Each worker's young generation starts at its largest (16 MB a semi-space, V8's default ceiling)
 * instead of growing from its smallest: a page's parse alone fills it several times, and each early
 * scavenge copies what is still alive (about 3% less CPU). V8 reads it as it sets up a heap: the
 * workers', which start after it is set.
 *
 * Set for every command, so that all the CLI's workers compile alike: V8 rejects a code cache
 * (cached-worker.ts) made under other flags.
 */
import { setFlagsFromString } from 'node:v8';

const CLI_V8_FLAGS = [
  '--max-inlined-bytecode-size=40',
  '--max-inlined-bytecode-size-cumulative=160',
  '--no-parallel-scavenge',
  '--no-concurrent-marking',
  '--no-concurrent-sweeping',
  '--no-parallel-compaction',
  '--min-semi-space-size=16',
];

export function setCliV8Flags(): void {
  setFlagsFromString(CLI_V8_FLAGS.join(' '));
}
