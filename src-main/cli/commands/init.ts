/**
 * `rehearse init`: drafts a scenario from a model (or two) and a snapshot. It reads the models'
 * inputs and cards and the snapshot's columns, time grain and rows per hour, chooses inputs,
 * references, the window, the season, thresholds and budgets (engine/common/draft), writes a
 * commented scenario that `rehearse validate` accepts, and prints each choice with its reason.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { draftScenario, type Draft } from '../../engine/common/draft/draftScenario';
import { draftYaml } from '../../engine/common/draft/draftYaml';
import { InputError } from '../../engine/common/run/inputError';
import { parseEventTime } from '../../engine/common/time/eventTime';
import { readModelFacts } from '../../engine/node/draft/readModelFacts';
import { readSnapshotFacts } from '../../engine/node/draft/readSnapshotFacts';
import { formatIssue, loadScenario } from '../../engine/node/scenario/loadScenario';
import { parseFlags, UsageError } from '../args';
import type { Command } from '../command';
import { commandWorkspace, requireNamedPaths, WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

const INIT_FLAGS = {
  model: { type: 'string' },
  green: { type: 'string' },
  snapshot: { type: 'string' },
  label: { type: 'string' },
  timestamp: { type: 'string' },
  features: { type: 'string' },
  'green-features': { type: 'string' },
  reference: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  ...WORKSPACE_FLAG,
} as const;

export const initCommand: Command = {
  name: 'init',
  usage:
    'rehearse init --model <model.onnx|folder> [--green <model.onnx|folder>] --snapshot <file|glob> [--label <column or SQL>] [--timestamp <column>] ' +
    `[--features a,b,c] [--green-features a,b,c] [--reference FROM..TO] [--out scenario.yaml] [--force] ${WORKSPACE_USAGE} [--json]`,
  description: [
    "Drafts a scenario from a model (blue, and a green candidate) and a snapshot: reads the models'",
    "inputs (onnxruntime) and cards, the snapshot's columns, time grain and rows per hour (DuckDB),",
    'and chooses how columns feed each model, each reference window and the production stretch, the',
    'drift window (the shortest whose median window holds 200 rows with 8 windows to compare, else 30',
    'rows), the season (from the time grain and the span), thresholds and budgets. Writes a scenario',
    'with each choice and its reason as a comment, checks it as `rehearse validate` does, and prints',
    'the choices.',
    '',
    "  --label <column or SQL>  the outcome ('rating >= 4'); default the model card's label",
    "  --timestamp <column>     the event-time column; default the snapshot's only TIMESTAMP or DATE column",
    '  --features a,b,c         the columns of an unnamed matrix input, in order (--green-features for green)',
    "  --reference FROM..TO     every model's reference window; default each card's training window,",
    '                           else the first quarter of the rows',
    '  --out <file>             where to write the scenario (default scenario.yaml); --force overwrites',
    '  --json                   the choices as JSON on standard output',
    '',
    'exit: 0 written, 2 bad input (no timestamp column, a model input with no matching column, a label',
    'DuckDB cannot bind, too few rows to compare, an existing --out without --force, or a scenario',
    '`rehearse validate` would refuse: a path outside the current folder and --workspace)',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseFlags(args, INIT_FLAGS);
    const model = required(values.model, '--model <model.onnx|folder>');
    const snapshot = required(values.snapshot, '--snapshot <file|glob>');
    const out = resolve(values.out ?? 'scenario.yaml');
    if (existsSync(out) && !values.force) {
      throw new UsageError(`--out: ${values.out ?? 'scenario.yaml'} exists; pass --force to overwrite it`);
    }
    if (values.label?.includes(';')) {
      throw new UsageError('--label: expected one SQL expression, without ";"');
    }
    requireNamedPaths(values.workspace, [
      { path: model, kind: 'model', flag: '--model' },
      ...(values.green ? [{ path: values.green, kind: 'model' as const, flag: '--green' }] : []),
      { path: snapshot, kind: 'snapshot', flag: '--snapshot' },
    ]);
    const folder = dirname(out);
    const models = [await readModelFacts(resolve(model), 'blue', folder, featureList(values.features, '--features'))];
    if (values.green) {
      models.push(await readModelFacts(resolve(values.green), 'green', folder, featureList(values['green-features'], '--green-features')));
    }
    const label = values.label ?? models.find((m) => m.label !== undefined)?.label;
    const facts = await readSnapshotFacts(snapshot, {
      scenarioFolder: folder,
      ...(values.timestamp ? { timestamp: values.timestamp } : {}),
      ...(label ? { label } : {}),
    });
    const outcome = draftScenario(models, facts, { ...(values.label ? { label: values.label } : {}), ...referenceFlag(values.reference) });
    if (!outcome.ok) {
      throw new InputError(outcome.field, outcome.problem);
    }
    // A new folder for a new rehearsal is what a user expects `--out` to make.
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, draftYaml(outcome.draft, commandLine(args)));
    // Checked as `rehearse validate <out>` will read it: from the current folder and --workspace,
    // not the folders this command's own flags named.
    const loaded = loadScenario(out, { workspace: commandWorkspace(values.workspace), named: true });
    if (!loaded.ok) {
      io.err(loaded.issues.map(formatIssue).join('\n'));
      io.err(
        `rehearse init: wrote ${out}, but \`rehearse validate\` refuses it as above (run it with the same --workspace folders, or from a folder holding the model and the snapshot)`,
      );
      return 2;
    }
    io.out(values.json ? JSON.stringify(initDocument(out, outcome.draft), null, 2) : initText(values.out ?? 'scenario.yaml', outcome.draft, snapshot));
    return 0;
  },
};

/** What `--json` prints: the file, the choices with their reasons, and the window lengths weighed. */
function initDocument(out: string, draft: Draft) {
  return {
    scenario: out,
    snapshot: { rows: draft.snapshot.rows, grain: draft.snapshot.grain, timestamp: draft.snapshot.timestamp },
    choices: draft.choices,
    windows: draft.fits.map((f) => ({ window: f.text, windows: f.windows, medianRows: f.medianRows })),
  };
}

function initText(out: string, draft: Draft, snapshot: string): string {
  const width = Math.max(...draft.choices.map((c) => c.field.length));
  return [
    `${snapshot}: ${draft.snapshot.rows} rows, event time ${draft.snapshot.timestamp} (grain: ${draft.snapshot.grain})`,
    ...draft.choices.map((c) => `${c.field.padEnd(width)}  ${c.value}\n${' '.repeat(width + 2)}(${c.reason})`),
    `wrote ${out}: check it with \`rehearse validate\`, rehearse with \`rehearse run\``,
  ].join('\n');
}

function referenceFlag(text: string | undefined): { reference?: { from: number; to: number } } {
  if (text === undefined) {
    return {};
  }
  const [from, to] = text.split('..').map((t) => parseEventTime(t.trim()));
  if (from === null || to === null || from === undefined || to === undefined || to <= from) {
    throw new UsageError(`--reference: expected FROM..TO, two event times with FROM first (2001-01-01..2001-02-01), got "${text}"`);
  }
  return { reference: { from, to } };
}

function featureList(text: string | undefined, flag: string): string[] | undefined {
  if (text === undefined) {
    return undefined;
  }
  const list = text
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (list.length === 0) {
    throw new UsageError(`${flag}: expected column names separated by commas`);
  }
  return list;
}

function commandLine(args: readonly string[]): string {
  return ['rehearse init', ...args.map((a) => (/^[\w./=,:-]+$/.test(a) ? a : JSON.stringify(a)))].join(' ');
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') {
    throw new UsageError(`missing ${flag}`);
  }
  return value;
}
