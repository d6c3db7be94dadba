/** The one reader every door uses: each line parsed and checked, a torn last line tolerated, a bad line named. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEventFile } from '../../../src-main/engine/node/files/eventFile';
import { ROOT, tempDir } from '../../support/paths';

const REAL = readFileSync(join(ROOT, 'test/fixtures/events/one-of-each-kind.jsonl'), 'utf8').trim().split('\n');

/** A log of the real events given, numbered 1, 2, ... as a run writes them. */
function logText(kinds: readonly string[]): string[] {
  return kinds.map((kind, index) => {
    const line = REAL.find((l) => (JSON.parse(l) as { kind: string }).kind === kind)!;
    return JSON.stringify({ ...(JSON.parse(line) as object), seq: index + 1 });
  });
}

function written(text: string): string {
  const path = join(tempDir(), 'log.jsonl');
  writeFileSync(path, text);
  return path;
}

describe('readEventFile', () => {
  const lines = logText(['run.started', 'phase.started', 'notice', 'phase.finished', 'run.finished']);

  it('reads every event of a log, blank lines left out', () => {
    const { events, torn } = readEventFile(written(`${lines.slice(0, 2).join('\n')}\n\n${lines.slice(2).join('\n')}\n\n`));
    expect(events.map((e) => e.kind)).toEqual(['run.started', 'phase.started', 'notice', 'phase.finished', 'run.finished']);
    expect(torn).toBe(false);
  });

  it('leaves out a last line a kill cut short, and says so', () => {
    const { events, torn } = readEventFile(written(`${lines.slice(0, 4).join('\n')}\n${lines[4]!.slice(0, 30)}`));
    expect(events).toHaveLength(4);
    expect(torn).toBe(true);
  });

  it('refuses a cut line that is not the last, and a cut last line that ends with a newline (a whole line was written)', () => {
    const middle = written(`${lines[0]}\n${lines[1]!.slice(0, 30)}\n${lines[2]}\n`);
    expect(() => readEventFile(middle)).toThrow(`${middle}:2: expected one JSON event per line`);
    const ended = written(`${lines[0]}\n${lines[1]!.slice(0, 30)}\n`);
    expect(() => readEventFile(ended)).toThrow(`${ended}:2: expected one JSON event per line`);
  });

  it('names the 1-based line of a bad body, counting blank lines, and the field, even on the last line', () => {
    const bad = JSON.stringify({ ...(JSON.parse(lines[2]!) as object), level: 'loud' });
    const path = written(`${lines[0]}\n\n${lines[1]}\n${bad}\n${lines[3]}\n`);
    expect(() => readEventFile(path)).toThrow(`${path}:4: notice: level: expected one of: "info", "warn"`);
    const last = written(`${lines[0]}\n${bad}`);
    expect(() => readEventFile(last)).toThrow(`${last}:2: notice: level: expected one of: "info", "warn"`);
  });

  it('says a missing file is not found', () => {
    const path = join(tempDir(), 'absent.jsonl');
    expect(() => readEventFile(path)).toThrow(`${path}: event log not found: expected an events.jsonl written by \`rehearse run\``);
  });
});
