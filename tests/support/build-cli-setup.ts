/** The CLI tests run the built CLI, as `npm run cli` and the `bin` do: build it first when it is missing or stale. */
import { buildCli, cliIsStale } from '../../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  if (cliIsStale()) await buildCli();
}
