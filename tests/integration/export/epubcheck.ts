/** Runs epubcheck (Debian's package, installed by .ci/run) on a file and reads its JSON report. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const EPUBCHECK = '/usr/bin/epubcheck';

/** Why epubcheck cannot run here, or null when it can. */
export const epubcheckMissing = (): string | null =>
  existsSync(EPUBCHECK) ? null : `${EPUBCHECK} is not installed (apt-get install epubcheck)`;

interface RawReport {
  checker: { nFatal: number; nError: number; nWarning: number };
  messages: { ID: string; severity: string; message: string; locations: { path: string; line: number }[] }[];
}

export interface EpubcheckReport {
  counts: RawReport['checker'];
  /** Fatal errors, errors and warnings, one line each, for a readable failure. */
  problems: string[];
}

/** Debian's /usr/bin/epubcheck is the jar itself (run through binfmt where that is registered): run it with java to be sure. */
function command(): [string, string[]] {
  const isJar = readFileSync(EPUBCHECK).subarray(0, 2).toString('latin1') === 'PK';
  // A one-shot run: the quick compiler and the serial collector start the JVM several times faster.
  return isJar ? ['java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', EPUBCHECK]] : [EPUBCHECK, []];
}

export async function epubcheck(file: string): Promise<EpubcheckReport> {
  const out = `${file}.json`;
  const [program, args] = command();
  await new Promise<void>((resolve) => {
    // epubcheck exits 1 when it finds errors: the report says what they are.
    execFile(program, [...args, file, '--json', out], { timeout: 250_000 }, () => resolve());
  });
  const report = JSON.parse(await readFile(out, 'utf8')) as RawReport;
  const problems = report.messages
    .filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity))
    .map((m) => `${m.severity} ${m.ID} ${m.locations[0]?.path}:${m.locations[0]?.line} ${m.message}`);
  return { counts: report.checker, problems };
}
