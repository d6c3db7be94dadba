/**
 * `rehearse export-rollout`: the rehearsed plan as the files a cluster runs, each a
 * YAML document (or several) at the top of the output folder: `rollout.yaml` (Argo Rollouts),
 * `analysis-templates.yaml` (the gates as Prometheus queries), `virtual-service.yaml` (Istio: the
 * weights and the header route), `hpa.yaml` (scaling on p99 latency, not CPU). Pure: objects and
 * their text; the CLI writes them.
 */
import { stringify } from 'yaml';
import type { RolloutSection } from '../../scenario/sections/rollout';
import { analysisTemplates } from './analysisTemplates';
import { argoRollout, type RolloutModelsInfo } from './argoRollout';
import { exportNames, type ExportSettings } from './exportNames';
import { latencyAutoscaler } from './latencyAutoscaler';
import { virtualService } from './virtualService';

/** One file to write: its name at the top of the folder, its objects and their YAML. */
export interface ExportedFile {
  readonly file: string;
  readonly objects: readonly Record<string, unknown>[];
  readonly text: string;
}

/** Every file of the export. */
export function rolloutExport(plan: RolloutSection, settings: ExportSettings, models: RolloutModelsInfo, source: string): ExportedFile[] {
  const names = exportNames(settings.name);
  const templates = analysisTemplates(plan, settings, names);
  const files: [string, Record<string, unknown>[]][] = [
    ['rollout.yaml', [argoRollout(plan, settings, names, templates, models)]],
    ['analysis-templates.yaml', templates.map((t) => t.template)],
    ['virtual-service.yaml', [virtualService(plan, settings, names)]],
    ['hpa.yaml', [latencyAutoscaler(plan, settings, names)]],
  ];
  return files.map(([file, objects]) => ({
    file,
    objects,
    text: `# Exported by rehearse export-rollout from ${source}\n${objects.map((o) => stringify(o, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n')}`,
  }));
}
