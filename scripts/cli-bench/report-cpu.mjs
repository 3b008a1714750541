/**
 * Loaded with `node --import` by `npm run bench:cli`: when the process exits, writes the CPU time it
 * used (every thread, user and system, in ms) to the file named by OFFPRINT_BENCH_CPU_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.OFFPRINT_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, String((user + system) / 1000));
  });
}
