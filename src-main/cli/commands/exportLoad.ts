/**
 * `rehearse export-load <scenario> --out <dir>`: the scenario's load as files existing load
 * engines run on many machines: a Locust setup (locustfile, plan, README with the master and
 * worker command lines), a k6 script with a k6-operator TestRun, and the records they replay, production's window as the load phase sends
 * it. Exit 0 written; 2 the scenario is invalid, has no load, or its load sends no records.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadExportPlan } from '../../engine/common/load/export/loadExportPlan';
import { locustExport } from '../../engine/common/load/export/locustExport';
import { k6Export } from '../../engine/common/load/export/k6Export';
import { InputError } from '../../engine/common/run/inputError';
import { readProductionRecords } from '../../engine/node/load/productionRecords';
import { parseFlags, requirePositional, UsageError } from '../args';
import type { Command } from '../command';
import { loadScenarioArgument } from '../scenarioArgument';
import { WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

const DEFAULT_TARGET = 'http://127.0.0.1:8000';

export const exportLoadCommand: Command = {
  name: 'export-load',
  usage: `rehearse export-load <scenario.yaml> --out <dir> [--workers 2] [--target URL (${DEFAULT_TARGET})] ${WORKSPACE_USAGE} [--json]`,
  description: [
    "Writes the scenario's load for generators on several machines, in --out: a Locust setup",
    "(locustfile.py replaying production's window at the planned rate with a load shape, users sized",
    'to rate x timeout so the rate holds while the server slows; plan.json; README.md with the master',
    'and worker command lines); a k6 script (ramping-arrival-rate, thresholds from the SLA, the records',
    'as a SharedArray) with a k6-operator TestRun and its ConfigMap (testrun.yaml, spec.parallelism =',
    '--workers); and records.jsonl, the raw records the load phase sends.',
    '',
    '  --workers N      load generator processes the README and the plan are for (default 2)',
    '  --target URL     the model server the command lines name (default the local one)',
    '  --json           the plan and the files written as JSON on standard output',
    '',
    'exit: 0 written, 2 the scenario is invalid, has no load, or its load sends numbers, not records',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      out: { type: 'string' },
      workers: { type: 'string' },
      target: { type: 'string' },
      json: { type: 'boolean' },
      ...WORKSPACE_FLAG,
    });
    const path = requirePositional(positionals, 0, 'the scenario file');
    if (values.out === undefined) {
      throw new UsageError('missing --out <dir>');
    }
    const workers = values.workers === undefined ? 2 : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1) {
      throw new UsageError(`--workers: expected a whole number >= 1, got "${values.workers}"`);
    }
    const target = values.target ?? DEFAULT_TARGET;
    if (!URL.canParse(target) || !target.startsWith('http')) {
      throw new UsageError(`--target: expected a URL such as ${DEFAULT_TARGET}, got "${target}"`);
    }
    const file = loadScenarioArgument(path, io, values.workspace);
    if (file === null) {
      return 2;
    }
    const load = file.scenario.load;
    if (load === undefined) {
      throw new InputError(`${path}: load`, 'missing; expected a load section (peakRps, duration, sla) to export');
    }
    if (load.payload === 'numeric' || load.protocol !== 'predict') {
      throw new InputError(`${path}: load`, "the export replays production's records to /predict; expected payload: production and protocol: predict");
    }
    const records = await readProductionRecords(file, load);
    const plan = loadExportPlan(file.scenario.name, load, workers, records.records.length);
    const recordLines = records.records.map((r) => `${JSON.stringify(r)}\n`).join('');
    const files = [...locustExport(plan, target), ...k6Export(plan, target, recordLines), { file: plan.recordsFile, text: recordLines }];
    mkdirSync(values.out, { recursive: true });
    for (const f of files) {
      writeFileSync(join(values.out, f.file), f.text);
    }
    if (values.json) {
      io.out(JSON.stringify({ plan, records: records.description, files: files.map((f) => join(values.out!, f.file)) }, null, 2));
    } else {
      io.out(`${records.description}`);
      io.out(`${plan.shape} up to ${plan.targetRps} rps for ${plan.durationS} s (${plan.plannedRequests} requests), ${plan.users} users, ${workers} workers`);
      for (const f of files) {
        io.out(`wrote ${join(values.out, f.file)}`);
      }
    }
    return 0;
  },
};
