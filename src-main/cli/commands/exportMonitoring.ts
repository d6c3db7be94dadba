/**
 * `rehearse export-monitoring <scenario> --out <dir>`: the scenario's four-layer monitoring as
 * files a team deploys: Prometheus alerting rules (a group per layer, the rules and
 * thresholds the replay evaluates, on the metric names the model server exposes) and an
 * importable Grafana dashboard (a row per layer). Exit 0 written; 2 the scenario or a model
 * folder is invalid.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { monitoringExport } from '../../engine/common/monitoring/export/monitoringExport';
import { kubernetesName } from '../../engine/common/rollout/export/exportNames';
import { driftAlertsOf } from '../../engine/common/scenario/sections/alerts';
import { plannedModels } from '../../engine/node/monitoring/plannedModels';
import { parseFlags, requirePositional, UsageError } from '../args';
import type { Command } from '../command';
import { loadScenarioArgument } from '../scenarioArgument';
import { WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

export const exportMonitoringCommand: Command = {
  name: 'export-monitoring',
  usage: `rehearse export-monitoring <scenario.yaml> --out <dir> [--name NAME (scrape jobs are NAME-blue, NAME-green)] ${WORKSPACE_USAGE} [--json]`,
  description: [
    "Writes the scenario's four-layer monitoring as files a team deploys: prometheus-rules.yaml (a",
    'group per layer: the rules and thresholds the replay evaluates, on the metric names the model',
    "server exposes, each annotated with its layer's budget) and grafana-dashboard.json (importable,",
    "a row per layer, each rule's threshold drawn on its panel). Calibrated drift thresholds are",
    'measured by a run, so the export uses the fixed PSI threshold and says so.',
    '',
    '  --name NAME  the scrape job prefix: each model is scraped as NAME-blue and NAME-green',
    '  --json       the files written as JSON on standard output',
    '',
    'exit: 0 written, 2 the scenario or a model folder is invalid',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { out: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' }, ...WORKSPACE_FLAG });
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
    const { models, notes } = await plannedModels(scenario.models, driftAlertsOf(scenario.alerts));
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
