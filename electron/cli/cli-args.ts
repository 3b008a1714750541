import { OffprintError } from '@shared/ipc/envelope';

export interface CliArgs {
  command: string | undefined;
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Options that take a value; everything else starting with -- is a yes/no flag. */
const VALUE_OPTIONS = new Set(['library', 'url', 'view', 'tag', 'port', 'format', 'out']);

/** Splits argv (without node and the script) into a command, its operands, flags and options. */
export function parseCliArgs(argv: string[]): CliArgs {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (VALUE_OPTIONS.has(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
        throw new OffprintError('usage', `--${name} needs a value.`);
      }
      options.set(name, value);
    } else if (eq >= 0) {
      throw new OffprintError('usage', `--${name} does not take a value.`);
    } else {
      flags.add(name);
    }
  }
  const [command, ...rest] = positionals;
  return { command, positionals: rest, flags, options };
}

/** Flags every command takes. */
const GLOBAL_FLAGS = new Set(['verbose']);

/** Refuses flags and options a command does not know, so a typo is never silently ignored. */
export function allowOnly(args: CliArgs, flags: string[], options: string[] = []): void {
  const unknown = [
    ...[...args.flags].filter((f) => !flags.includes(f) && !GLOBAL_FLAGS.has(f)),
    ...[...args.options.keys()].filter((o) => o !== 'library' && !options.includes(o)),
  ];
  if (unknown.length > 0) {
    throw new OffprintError('usage', `${args.command} does not understand --${unknown[0]}. Run "offprint help".`);
  }
}

export function operands(args: CliArgs, names: string[], { rest = false } = {}): string[] {
  if (args.positionals.length < names.length) {
    throw new OffprintError(
      'usage',
      `${args.command} needs ${names.map((n) => `<${n}>`).join(' ')}. Run "offprint help".`,
    );
  }
  if (!rest && args.positionals.length > names.length) {
    throw new OffprintError(
      'usage',
      `${args.command} takes ${names.length} argument(s); unexpected "${args.positionals[names.length]}".`,
    );
  }
  return args.positionals;
}
