/**
 * The plan's rules as a Prometheus alerting rules file: one group per layer, each rule
 * with its layer, rule id, role and subject as labels and the layer's detection budget as an
 * annotation, so an Alertmanager route or a person reading the alert knows how late is too late.
 */
import { stringify } from 'yaml';
import type { MonitoringLayer } from '../../../../contract/charts';
import { goDuration } from '../../rollout/export/exportNames';
import type { BudgetsSection } from '../../scenario/sections/monitoringAlerts';
import { budgetOf } from '../detectionTimeline';
import type { PlannedRule } from '../monitoringPlan';

/** Each layer's name, as the seed gives it. */
export const LAYER_TITLES: Readonly<Record<MonitoringLayer, string>> = { 1: 'infrastructure', 2: 'data quality', 3: 'prediction', 4: 'business' };

const LAYERS: readonly MonitoringLayer[] = [1, 2, 3, 4];

/** The rules file as a plain object (`groups: [...]`), a group per layer that has rules. */
export function prometheusRuleGroups(name: string, rules: readonly PlannedRule[], budgets: BudgetsSection): { groups: Record<string, unknown>[] } {
  return {
    groups: LAYERS.flatMap((layer) => {
      const mine = rules.filter((r) => r.layer === layer);
      if (mine.length === 0) {
        return [];
      }
      const budget = budgetOf(budgets, layer);
      return [
        {
          name: `${name}-layer-${layer}-${LAYER_TITLES[layer].replace(' ', '-')}`,
          rules: mine.map((r) => ({
            alert: r.alert,
            expr: r.expr,
            for: goDuration(r.forMs),
            labels: { layer: String(layer), rule: r.rule, role: r.role, subject: r.subject, severity: layer === 4 ? 'info' : 'page' },
            annotations: { summary: r.summary, budget: budget === null ? 'none: layer 4 confirms what layers 2 and 3 caught' : goDuration(budget) },
          })),
        },
      ];
    }),
  };
}

/** The rules file as YAML text. */
export function prometheusRulesYaml(name: string, rules: readonly PlannedRule[], budgets: BudgetsSection, source: string): string {
  return `# Alerting rules of scenario ${source}, written by rehearse export-monitoring: the rules its replay evaluates.\n${stringify(prometheusRuleGroups(name, rules, budgets), { lineWidth: 0 })}`;
}
