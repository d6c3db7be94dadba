/** Flag parsing with node:util, turned into usage errors (exit 2) that name the flag. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad flags or arguments: exit 2 with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses flags strictly; unknown flags and missing values are UsageErrors. */
export function parseFlags<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error));
  }
}

/** A positional argument that must be there. */
export function requirePositional(positionals: readonly string[], index: number, what: string): string {
  const value = positionals[index];
  if (value === undefined) {
    throw new UsageError(`missing ${what}`);
  }
  return value;
}

/** A flag that must be one of the listed values. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag}: expected one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}
