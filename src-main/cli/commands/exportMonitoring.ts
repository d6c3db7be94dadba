/**
 * `rehearse export-monitoring <scenario> --out <dir>`: the scenario's four-layer monitoring as
 * files a team deploys: Prometheus alerting rules (a group per layer, the rules and
 * thresholds the replay evaluates, on the metric names the model server exposes) and an
 * importable Grafana dashboard (a row per layer). Exit 0 written; 2 the scenario or a model
 * folder is invalid.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ReplayStarted } from '../../contract/events';
import { checkEvent } from '../../engine/common/events/runEvent';
import { monitoringExport } from '../../engine/common/monitoring/export/monitoringExport';
import { withRunThresholds } from '../../engine/common/monitoring/monitoringPlan';
import { kubernetesName } from '../../engine/common/rollout/export/exportNames';
import { driftAlertsOf } from '../../engine/common/scenario/sections/alerts';
import { plannedModels } from '../../engine/node/monitoring/plannedModels';
import { parseFlags, requirePositional, UsageError } from '../args';
import type { Command } from '../command';
import { loadScenarioArgument } from '../scenarioArgument';
import { WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const exportMonitoringCommand: Command = {
  name: 'export-monitoring',
  usage: `rehearse export-monitoring <scenario.yaml> --out <dir> [--name NAME (scrape jobs are NAME-blue, NAME-green)] [--from-run <events.jsonl>] ${WORKSPACE_USAGE} [--json]`,
  description: [
    "Writes the scenario's four-layer monitoring as files a team deploys: prometheus-rules.yaml (a",
    'group per layer: the rules and thresholds the replay evaluates, on the metric names the model',
    "server exposes, each annotated with its layer's budget) and grafana-dashboard.json (importable,",
    "a row per layer, each rule's threshold drawn on its panel). Calibrated drift thresholds are",
    "measured by a run: with --from-run the export uses that run's (and says its sequential rule in",
    "each PSI rule's summary); without it, the fixed PSI threshold, and says so.",
    '',
    '  --name NAME             the scrape job prefix: each model is scraped as NAME-blue and NAME-green',
    "  --from-run EVENTS       a run's events.jsonl: its replay.started gives the calibrated thresholds",
    '  --json                  the files written as JSON on standard output',
    '',
    'exit: 0 written, 2 the scenario or a model folder is invalid',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      out: { type: 'string' },
      name: { type: 'string' },
      'from-run': { type: 'string' },
      json: { type: 'boolean' },
      ...WORKSPACE_FLAG,
    });
    const path = requirePositional(positionals, 0, 'the scenario file');
    if (values.out === undefined) {
      throw new UsageError('missing --out <dir>');
    }
    const file = loadScenarioArgument(path, io, values.workspace);
    if (file === null) {
      return 2;
    }
    const { scenario } = file;
    const name = kubernetesName(values.name ?? scenario.name);
    const planned = await plannedModels(scenario.models, driftAlertsOf(scenario.alerts));
    let { models, notes } = planned;
    if (values['from-run'] !== undefined) {
      const started = replayStartedOf(values['from-run']);
      if (typeof started === 'string') {
        io.err(`${values['from-run']}: ${started}`);
        return 2;
      }
      models = withRunThresholds(models, started);
      notes = notes.filter((n) => !n.startsWith('alerts.drift.thresholds is calibrated'));
    }
    const exported = monitoringExport(scenario, models, name, basename(path));
    mkdirSync(values.out, { recursive: true });
    for (const f of exported.files) {
      writeFileSync(join(values.out, f.file), f.text);
    }
    for (const note of notes) {
      io.err(`note: ${note}`);
    }
    const files = exported.files.map((f) => join(values.out!, f.file));
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            name,
            files,
            jobs: exported.jobs,
            rulesPerLayer: exported.rulesPerLayer,
            rules: exported.rules.map((r) => ({ layer: r.layer, alert: r.alert, role: r.role, subject: r.subject, expr: r.expr, for: r.forMs })),
          },
          null,
          2,
        ),
      );
    } else {
      const layers = ([1, 2, 3, 4] as const).map((l) => `L${l} ${exported.rulesPerLayer[l]}`).join(', ');
      io.out(
        [
          `${files[0]}: ${exported.rules.length} alert rules (${layers})`,
          `${files[1]}: Grafana dashboard, a row per layer`,
          `scrape jobs: ${exported.jobs.map((j) => `${j.role} as job="${j.job}"`).join(', ')}`,
        ].join('\n'),
      );
    }
    return 0;
  },
};

/** The run's `replay.started`, or what is wrong with the file (naming the line). */
function replayStartedOf(path: string): ReplayStarted | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): expected a run's events.jsonl`;
  }
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.includes('"replay.started"')) {
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return `line ${i + 1}: expected one JSON event a line`;
    }
    const checked = checkEvent(parsed);
    if (!checked.ok) {
      return `line ${i + 1}: ${checked.problem}`;
    }
    if (checked.event.kind === 'replay.started') {
      return checked.event;
    }
  }
  return 'expected a run whose replay compared each model with its reference (a replay.started event); this log has none';
}
