/**
 * `rehearse export-rollout <scenario> --out <dir>`: the scenario's rehearsed rollout plan as the
 * files a cluster runs: an Argo Rollouts `Rollout` with its AnalysisTemplates (the
 * gates as Prometheus queries on the model server's metric names), an Istio `VirtualService`
 * (weights and the header route) and a HorizontalPodAutoscaler on p99 latency, not CPU. YAML at
 * the top of `--out`. Exit 0 written; 2 the scenario is invalid or has no rollout.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../../engine/common/run/inputError';
import { kubernetesName } from '../../engine/common/rollout/export/exportNames';
import { rolloutExport } from '../../engine/common/rollout/export/rolloutExport';
import { parseFlags, requirePositional, UsageError } from '../args';
import type { Command } from '../command';
import { loadScenarioArgument } from '../scenarioArgument';
import { WORKSPACE_FLAG, WORKSPACE_USAGE } from '../workspaceFlag';

const DEFAULTS = { image: 'rehearsal-model-server:latest', prometheus: 'http://prometheus.monitoring.svc:9090', port: 8080 } as const;

export const exportRolloutCommand: Command = {
  name: 'export-rollout',
  usage: `rehearse export-rollout <scenario.yaml> --out <dir> [--name NAME] [--namespace NS] [--image IMAGE (${DEFAULTS.image})] [--prometheus URL (${DEFAULTS.prometheus})] ${WORKSPACE_USAGE} [--json]`,
  description: [
    "Writes the scenario's rehearsed rollout plan as the files a cluster runs, YAML in --out: an Argo",
    'Rollouts Rollout (the same canary steps, Istio traffic routing, the background gates), one',
    "AnalysisTemplate per analysis step (each gate a Prometheus query on the model server's metric",
    'names, with the rehearsed threshold), an Istio VirtualService (the header route, then the',
    'weights) and a HorizontalPodAutoscaler on p99 latency rather than CPU.',
    '',
    "  --name NAME      the objects' name (default: the scenario's name)",
    '  --namespace NS   their namespace (default: none, the one kubectl applies them to)',
    '  --json           the files written and their objects as JSON on standard output',
    '',
    'exit: 0 written, 2 the scenario is invalid or has no rollout',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      out: { type: 'string' },
      name: { type: 'string' },
      namespace: { type: 'string' },
      image: { type: 'string' },
      prometheus: { type: 'string' },
      json: { type: 'boolean' },
      ...WORKSPACE_FLAG,
    });
    const path = requirePositional(positionals, 0, 'the scenario file');
    if (values.out === undefined) {
      throw new UsageError('missing --out <dir>');
    }
    if (values.prometheus !== undefined && !URL.canParse(values.prometheus)) {
      throw new UsageError(`--prometheus: expected a URL such as ${DEFAULTS.prometheus}, got "${values.prometheus}"`);
    }
    const file = loadScenarioArgument(path, io, values.workspace);
    if (file === null) {
      return 2;
    }
    const { scenario } = file;
    if (scenario.rollout === undefined) {
      throw new InputError(`${path}: rollout`, 'missing; expected a rollout plan (steps, gates) to export');
    }
    const name = kubernetesName(values.name ?? scenario.name);
    const models = {
      blue: scenario.models.blue.name ?? basename(scenario.models.blue.path),
      green: scenario.models.green?.name ?? (scenario.models.green ? basename(scenario.models.green.path) : 'green'),
    };
    const files = rolloutExport(
      scenario.rollout,
      {
        name,
        namespace: values.namespace ?? null,
        image: values.image ?? DEFAULTS.image,
        prometheus: values.prometheus ?? DEFAULTS.prometheus,
        port: DEFAULTS.port,
      },
      models,
      basename(path),
    );
    mkdirSync(values.out, { recursive: true });
    for (const f of files) {
      writeFileSync(join(values.out, f.file), f.text);
    }
    const written = files.map((f) => ({
      file: join(values.out!, f.file),
      objects: f.objects.map((o) => `${String(o['kind'])}/${String((o['metadata'] as { name: string }).name)}`),
    }));
    if (values.json) {
      io.out(JSON.stringify({ name, files: written }, null, 2));
    } else {
      io.out(written.map((w) => `${w.file}: ${w.objects.join(', ')}`).join('\n'));
    }
    return 0;
  },
};
