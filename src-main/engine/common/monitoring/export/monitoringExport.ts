/**
 * `rehearse export-monitoring`: the plan's rules as `prometheus-rules.yaml` and a
 * Grafana dashboard `grafana-dashboard.json`, from the same plan the replay's check counts.
 */
import type { Scenario } from '../../scenario/schema';
import { budgetsOf, driftAlertsOf, liveAlertsOf } from '../../scenario/sections/alerts';
import { jobOf, monitoringPlan, rulesPerLayer, type PlannedModel, type PlannedRule } from '../monitoringPlan';
import { grafanaDashboard } from './grafanaDashboard';
import { prometheusRulesYaml } from './prometheusRules';

/** A file to write at the top of `--out`. */
export interface ExportedFile {
  readonly file: string;
  readonly text: string;
}

/** The export's files and what they hold. */
export interface MonitoringExport {
  readonly files: readonly ExportedFile[];
  readonly rules: readonly PlannedRule[];
  readonly rulesPerLayer: Readonly<Record<1 | 2 | 3 | 4, number>>;
  /** The scrape job each model's server must run under for the rules to match it. */
  readonly jobs: readonly { readonly role: 'blue' | 'green'; readonly job: string }[];
}

/** Every file of the export. `name` is the scrape job prefix; `source` names the scenario file. */
export function monitoringExport(scenario: Scenario, models: readonly PlannedModel[], name: string, source: string): MonitoringExport {
  const budgets = budgetsOf(scenario.alerts);
  const rules = monitoringPlan(models, { name, drift: driftAlertsOf(scenario.alerts), live: liveAlertsOf(scenario.alerts), slaMs: scenario.load?.sla ?? null });
  const jobs = models.map((m) => ({ role: m.role, job: jobOf(name, m.role) }));
  const dashboard = grafanaDashboard(
    name,
    `Rehearsal: ${scenario.name}, four-layer monitoring`,
    rules,
    jobs.map((j) => j.job),
  );
  return {
    files: [
      { file: 'prometheus-rules.yaml', text: prometheusRulesYaml(name, rules, budgets, source) },
      { file: 'grafana-dashboard.json', text: `${JSON.stringify(dashboard, null, 2)}\n` },
    ],
    rules,
    rulesPerLayer: rulesPerLayer(rules),
    jobs,
  };
}
