/**
 * The k6 half of `rehearse export-load`: a script with the ramping-arrival-rate executor (the
 * plan's stages: a jump to each stage's rate, held for the stage), thresholds from the SLA (p99,
 * no failed request, nothing dropped for want of a virtual user) and production's records as a
 * SharedArray; and a k6-operator TestRun with `parallelism` whose ConfigMap carries the script and
 * the records. k6 splits an arrival rate across the instances itself (execution segments).
 */
import { stringify } from 'yaml';
import type { ExportFile } from './locustExport';
import type { LoadExportPlan } from './loadExportPlan';

/** A Kubernetes name from the scenario's: lower case letters, digits and dashes. */
function kubeName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'rehearsal'
  );
}

/** The ramping-arrival-rate stages: each stage's rate reached at once (0 s), then held. */
function k6Stages(plan: LoadExportPlan): { target: number; duration: string }[] {
  let startS = 0;
  return plan.stages.flatMap((stage) => {
    const hold = Math.round((stage.untilS - startS) * 1000);
    startS = stage.untilS;
    return [
      { target: stage.rps, duration: '0s' },
      { target: stage.rps, duration: `${hold}ms` },
    ];
  });
}

export function k6Script(plan: LoadExportPlan, target: string): string {
  const options = {
    scenarios: {
      production: {
        executor: 'ramping-arrival-rate',
        startRate: plan.stages[0]?.rps ?? plan.targetRps,
        timeUnit: '1s',
        // Each request may take up to the timeout: rate x timeout virtual users keep the rate.
        preAllocatedVUs: plan.users,
        maxVUs: plan.users,
        stages: k6Stages(plan),
        gracefulStop: `${plan.timeoutS}s`,
      },
    },
    thresholds: {
      http_req_duration: [`p(99)<=${plan.slaMs}`],
      http_req_failed: ['rate==0'],
      dropped_iterations: ['count==0'],
    },
  };
  return `// The load of scenario "${plan.scenario}", written by rehearse export-load: production's records
// replayed at the planned arrival rate (${plan.shape}, up to ${plan.targetRps} requests/s for ${plan.durationS} s).
// Run: k6 run --env TARGET=${target} script.js   (records.jsonl beside it)
import http from 'k6/http';
import { check } from 'k6';
import { SharedArray } from 'k6/data';
import exec from 'k6/execution';

/** @type {import('k6/options').Options} */
export const options = ${JSON.stringify(options, null, 2)};

// One raw record a line; the body is {"features": record}, as production sends it.
const RECORDS = new SharedArray('records', function () {
  return open('./${plan.recordsFile}')
    .split('\\n')
    .filter((line) => line.trim() !== '');
});
const TARGET = __ENV['TARGET'] || '${target}';

export default function () {
  const record = RECORDS[exec.scenario.iterationInTest % RECORDS.length];
  const response = http.post(\`\${TARGET}/predict\`, \`{"features": \${record}}\`, {
    headers: { 'content-type': 'application/json' },
    timeout: '${plan.timeoutS}s',
  });
  check(response, { 'answered 200': (r) => r.status === 200 });
}
`;
}

/** script.js and testrun.yaml (the ConfigMap with the script and the records, then the TestRun). */
export function k6Export(plan: LoadExportPlan, target: string, records: string): ExportFile[] {
  const name = kubeName(plan.scenario);
  const script = k6Script(plan, target);
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${name}-load-script` },
    data: { 'script.js': script, [plan.recordsFile]: records },
  };
  const testRun = {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: { name: `${name}-load` },
    spec: {
      parallelism: plan.workers,
      script: { configMap: { name: configMap.metadata.name, file: 'script.js' } },
      arguments: `--env TARGET=${target}`,
    },
  };
  return [
    { file: 'script.js', text: script },
    { file: 'testrun.yaml', text: `${stringify(configMap, { lineWidth: 0 })}---\n${stringify(testRun, { lineWidth: 0 })}` },
  ];
}
