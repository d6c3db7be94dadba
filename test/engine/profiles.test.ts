/** Resource profiles: quantities, Kubernetes Deployments, their differences, what this machine cannot reproduce. */
import { describe, expect, it } from 'vitest';
import { parseDeployment, type DeploymentSpec } from '../../src-main/engine/common/profiles/deployment';
import { diffDeployments, diffProfiles } from '../../src-main/engine/common/profiles/profileDiff';
import { dockerMemory, formatBytes, kubernetesCpu, kubernetesMemory, scenarioMemory } from '../../src-main/engine/common/profiles/quantities';
import { profileOnHost } from '../../src-main/engine/common/profiles/reproducibility';
import { defaultProfile, resolveProfiles } from '../../src-main/engine/common/profiles/resourceProfile';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';

const MIB = 2 ** 20;

/** The seed's model-deployment.yaml, with the values each test changes. */
function deploymentYaml(
  values: { memory?: string; limitMemory?: string; gpu?: string; batch?: string; timeout?: string; gpuType?: string; image?: string } = {},
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fraud-detection-model
spec:
  template:
    spec:
      containers:
        - name: model-server
          image: ${values.image ?? 'registry/model:1'}
          resources:
            requests:
              memory: "${values.memory ?? '8Gi'}"
              nvidia.com/gpu: "${values.gpu ?? '1'}"
            limits:
              memory: "${values.limitMemory ?? '12Gi'}"
              nvidia.com/gpu: "${values.gpu ?? '1'}"
          env:
            - name: MAX_BATCH_SIZE
              value: "${values.batch ?? '32'}"
            - name: MODEL_TIMEOUT_MS
              value: "${values.timeout ?? '100'}"
      nodeSelector:
        gpu-type: "${values.gpuType ?? 'a10g'}"
      tolerations:
        - key: "nvidia.com/gpu"
          operator: "Exists"
          effect: "NoSchedule"
`;
}

function deployment(text: string, file = 'd.yaml'): DeploymentSpec {
  const parsed = parseDeployment(text, file);
  if (!parsed.ok) {
    throw new Error(JSON.stringify(parsed.issues));
  }
  return parsed.deployment;
}

describe('quantities', () => {
  it('reads Kubernetes memory and CPU as Kubernetes does', () => {
    expect(kubernetesMemory('512Mi')).toEqual({ ok: true, value: 512 * MIB });
    expect(kubernetesMemory('12Gi')).toEqual({ ok: true, value: 12 * 2 ** 30 });
    expect(kubernetesMemory('1G')).toEqual({ ok: true, value: 1e9 });
    expect(kubernetesMemory('129e6')).toEqual({ ok: true, value: 129e6 });
    expect(kubernetesMemory(1024)).toEqual({ ok: true, value: 1024 });
    expect(kubernetesCpu('500m')).toEqual({ ok: true, value: 0.5 });
    expect(kubernetesCpu('2')).toEqual({ ok: true, value: 2 });
    expect(kubernetesCpu('2Gi').ok).toBe(false);
  });

  it('refuses a memory of "512m" in Kubernetes (0.512 bytes) and says what was meant', () => {
    expect(kubernetesMemory('512m')).toEqual({ ok: false, expected: '512Mi for mebibytes: "512m" is 0.512 bytes in Kubernetes (m is milli)' });
    expect(kubernetesMemory('2GB').ok).toBe(false);
  });

  it("reads Docker's --memory, where m is MiB, and refuses less than Docker accepts", () => {
    expect(dockerMemory('512m')).toEqual({ ok: true, value: 512 * MIB });
    expect(dockerMemory('2g')).toEqual({ ok: true, value: 2 * 2 ** 30 });
    expect(dockerMemory('5m').ok).toBe(false);
    expect(dockerMemory('lots').ok).toBe(false);
    expect(scenarioMemory('512m')).toEqual({ ok: true, value: 512 * MIB });
    expect(scenarioMemory('512Mi')).toEqual({ ok: true, value: 512 * MIB });
    expect(formatBytes(320 * MIB)).toBe('320 MiB');
  });
});

describe('a Kubernetes Deployment', () => {
  it('reads the seed’s deployment: limits, requests, GPUs, batch, timeout, GPU type, with the line of each', () => {
    const spec = deployment(deploymentYaml());
    expect(spec).toMatchObject({
      name: 'fraud-detection-model',
      container: 'model-server',
      requests: { memoryBytes: 8 * 2 ** 30, cpus: null, gpus: 1 },
      limits: { memoryBytes: 12 * 2 ** 30, cpus: null, gpus: 1 },
      maxBatch: 32,
      timeoutMs: 100,
      queueDelayMs: null,
      gpuType: 'a10g',
    });
    expect(spec.lines['spec.template.spec.containers[0].resources.limits.memory']).toBe(16);
  });

  it('names the file, line and field of each bad value, and what was expected', () => {
    const parsed = parseDeployment(deploymentYaml({ limitMemory: '12GB', batch: 'lots', gpu: 'one' }), 'prod.yaml');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues.map((i) => `${i.file}:${i.line} ${i.path}: ${i.message}`)).toEqual([
      'prod.yaml:14 spec.template.spec.containers[0].resources.requests.nvidia.com/gpu: expected a whole number of GPUs (got "one")',
      'prod.yaml:16 spec.template.spec.containers[0].resources.limits.memory: expected a memory quantity such as 512Mi, 2Gi or 1G (got "12GB")',
      'prod.yaml:17 spec.template.spec.containers[0].resources.limits.nvidia.com/gpu: expected a whole number of GPUs (got "one")',
      'prod.yaml:20 spec.template.spec.containers[0].env[0].value: expected a whole number of rows, at least 1 (got "lots")',
    ]);
  });

  it('refuses what is not a Deployment, not YAML, or has no container, naming where', () => {
    const service = parseDeployment(deploymentYaml().replace('kind: Deployment', 'kind: Service'), 's.yaml');
    expect(!service.ok && service.issues[0]).toMatchObject({
      file: 's.yaml',
      line: 2,
      path: 'kind',
      message: 'expected a Deployment (kind: Deployment, apiVersion: apps/v1)',
    });
    const broken = parseDeployment('spec: [unclosed\n', 'b.yaml');
    expect(!broken.ok && broken.issues[0]?.message).toMatch(/^not valid YAML/);
    const empty = parseDeployment(deploymentYaml().replace(/containers:[\s\S]*?nodeSelector/, 'containers: []\n      nodeSelector'), 'e.yaml');
    expect(!empty.ok && empty.issues[0]).toMatchObject({ path: 'spec.template.spec.containers', message: 'expected at least 1 items' });
    const fromConfigMap = parseDeployment(deploymentYaml().replace('value: "32"', 'valueFrom: {configMapKeyRef: {name: c, key: k}}'), 'c.yaml');
    expect(!fromConfigMap.ok && fromConfigMap.issues[0]?.message).toContain('MAX_BATCH_SIZE: expected a literal value');
    const unnamed = parseDeployment(deploymentYaml(), 'n.yaml', 'sidecar');
    expect(!unnamed.ok && unnamed.issues[0]?.message).toBe('no container named "sidecar"; expected one of: model-server');
  });
});

describe('profile differences', () => {
  it('lists every difference: the serving fields first, then every other value, each once', () => {
    const staging = deployment(deploymentYaml({ limitMemory: '32Gi', batch: '64', gpuType: 'a100', image: 'registry/model:2' }), 'staging.yaml');
    const production = deployment(deploymentYaml({ limitMemory: '16Gi', batch: '32', gpuType: 'a10g' }), 'production.yaml');
    expect(diffDeployments(staging, production)).toEqual([
      { field: 'limits.memory', kind: 'resources', staging: '32 GiB', production: '16 GiB', lines: { staging: 16, production: 16 } },
      { field: 'env.MAX_BATCH_SIZE', kind: 'batching', staging: '64', production: '32', lines: { staging: 20, production: 20 } },
      { field: 'nodeSelector.gpu-type', kind: 'placement', staging: 'a100', production: 'a10g', lines: { staging: 24, production: 24 } },
      { field: 'spec.template.spec.containers[model-server].image', kind: 'other', staging: 'registry/model:2', production: 'registry/model:1' },
    ]);
    expect(diffDeployments(production, production)).toEqual([]);
  });

  it('compares profiles written out in a scenario field by field', () => {
    const staging = { ...defaultProfile('staging', 'docker'), memoryBytes: 2 * 2 ** 30, maxBatch: 256 };
    const production = { ...defaultProfile('production', 'docker'), memoryBytes: 256 * MIB, maxBatch: 1 };
    expect(diffProfiles(staging, production).map((d) => [d.field, d.staging, d.production])).toEqual([
      ['memory', '2 GiB', '256 MiB'],
      ['maxBatch', '256', '1'],
    ]);
  });
});

describe('what this machine cannot reproduce', () => {
  const host = { cpus: 2, memoryBytes: 24 * 2 ** 30, gpus: [] };

  it('runs a profile with more CPUs than the machine has on what it has, and says so', () => {
    const fitted = profileOnHost({ ...defaultProfile('production', 'docker'), cpus: 8 }, host);
    expect(fitted.cpus).toBe(2);
    expect(fitted.notReproduced).toEqual(['production has a limit of 8 CPUs and this machine has 2: it runs with 2']);
  });

  it('names a GPU and a GPU type the machine does not have', () => {
    const profile = { ...deploymentProfile(deploymentYaml()), name: 'production' };
    const fitted = profileOnHost(profile, host);
    expect(fitted.gpus).toBeNull();
    expect(fitted.notReproduced).toEqual([
      'production asks for 1 GPU and this machine has none: it runs on CPU',
      'production is pinned to GPU type a10g and this machine has no GPU',
    ]);
    expect(profileOnHost(profile, { ...host, gpus: ['NVIDIA A10G'] }).notReproduced).toEqual([]);
  });

  it('fits a profile the machine can run without a note', () => {
    expect(profileOnHost({ ...defaultProfile('staging', 'docker'), cpus: 1, memoryBytes: 512 * MIB }, host)).toEqual({
      cpus: 1,
      memoryBytes: 512 * MIB,
      gpus: null,
      notReproduced: [],
    });
  });
});

describe('the profiles section of a scenario', () => {
  const head = 'name: p\nmodels: {blue: {path: m}}\nsnapshots: {production: {path: s.parquet, timestamp: date}}\n';

  it('takes profiles written out, with the server defaults where they say nothing', () => {
    const parsed = parseScenarioText(`${head}profiles:\n  staging: {memory: 2Gi, maxBatch: 256}\n  production: {memory: 512m, backend: embedded}\n`, 's.yaml');
    expect(parsed.ok).toBe(true);
    const [staging, production] = resolveProfiles(parsed.ok ? parsed.scenario.profiles! : (undefined as never), {});
    expect(staging).toMatchObject({ name: 'staging', memoryBytes: 2 * 2 ** 30, maxBatch: 256, maxQueueDelayMs: 2, timeoutMs: 100, backend: 'docker' });
    expect(production).toMatchObject({ name: 'production', memoryBytes: 512 * MIB, maxBatch: 32, backend: 'embedded' });
  });

  it('refuses a field written out beside a Deployment file, and a bad memory, naming the line and field', () => {
    const parsed = parseScenarioText(`${head}profiles:\n  staging:\n    deployment: s.yaml\n    maxBatch: 4\n  production:\n    memory: 512MB\n`, 's.yaml');
    expect(!parsed.ok && parsed.issues.map((i) => `${i.line} ${i.path}: ${i.message}`)).toEqual([
      '7 profiles.staging.maxBatch: comes from the Deployment file (s.yaml); expected either deployment or the fields written out, not both',
      '9 profiles.production.memory: expected a memory quantity such as 512Mi, 2Gi or 1G (got "512MB")',
    ]);
  });
});

function deploymentProfile(text: string) {
  const spec = deployment(text);
  return {
    ...defaultProfile('x', 'docker'),
    gpus: spec.limits.gpus,
    gpuType: spec.gpuType,
    memoryBytes: spec.limits.memoryBytes,
    maxBatch: spec.maxBatch ?? 32,
  };
}
