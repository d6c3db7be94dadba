/**
 * The exported rules in a real Prometheus (Debian package prometheus): Prometheus on
 * 127.0.0.1 with a test profile (scrape and evaluate every second, `for` of two seconds) scrapes
 * a real model server serving blue-v1 under the job the export names, with the exported rules
 * loaded. Under steady traffic no layer 1 alert fires; once an error-rate fault is injected,
 * ModelServerErrorRatio goes to firing. No wall-clock bound: it polls until the state is reached.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { monitoringExport } from '../../src-main/engine/common/monitoring/export/monitoringExport';
import { parseScenarioText } from '../../src-main/engine/common/scenario/parse';
import { resolveScenarioPaths } from '../../src-main/engine/common/scenario/resolvePaths';
import { driftAlertsOf } from '../../src-main/engine/common/scenario/sections/alerts';
import { plannedModels } from '../../src-main/engine/node/monitoring/plannedModels';
import { ROOT, tempDir } from '../support/paths';
import { post, startTestServer } from '../support/servers';
import { requireService } from '../support/services';

const SCENARIO = `name: live
models:
  blue:
    path: demo/models/blue-v1
snapshots:
  production:
    path: p.parquet
    timestamp: date
alerts:
  live:
    for: 2s
    rateWindow: 5s
    p99: 10s
`;
const RECORD = { date: '2001-01-03 08:00:00', distance: 500, origin: 'SFO', destination: 'LAX' };

let prometheus: ChildProcess | null = null;
afterAll(() => {
  prometheus?.kill('SIGTERM');
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

interface Alert {
  labels: Record<string, string>;
  state: 'pending' | 'firing';
}

async function alerts(url: string): Promise<Alert[]> {
  const answer = (await (await fetch(`${url}/api/v1/alerts`)).json()) as { data: { alerts: Alert[] } };
  return answer.data.alerts;
}

async function until<T>(what: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    try {
      const value = await what();
      if (done(value)) {
        return value;
      }
    } catch {
      // Prometheus still starting.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the exported rules in a real Prometheus', () => {
  it('fire ModelServerErrorRatio once an error-rate fault is injected into the scraped server', async (context) => {
    requireService(context, spawnSync('prometheus', ['--version']).error === undefined, 'prometheus (Debian package prometheus) is not installed');
    const parsed = parseScenarioText(SCENARIO, 'live.yaml');
    if (!parsed.ok) {
      throw new Error(JSON.stringify(parsed.issues));
    }
    const scenario = resolveScenarioPaths(parsed.scenario, (p) => join(ROOT, 'scenarios', p));
    const exported = monitoringExport(scenario, (await plannedModels(scenario.models, driftAlertsOf(scenario.alerts))).models, 'live', 'live.yaml');

    const server = await startTestServer(join(ROOT, 'scenarios/demo/models/blue-v1'), { maxQueueDelayMs: 0, timeoutMs: 10_000 });
    const dir = tempDir();
    writeFileSync(join(dir, 'rules.yaml'), exported.files[0]!.text);
    const target = new URL(server.url).host;
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files: [rules.yaml]\nscrape_configs:\n  - job_name: ${exported.jobs[0]!.job}\n    static_configs:\n      - targets: ['${target}']\n`,
    );
    mkdirSync(join(dir, 'data'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: 'ignore' },
    );

    let sending = true;
    const traffic = (async () => {
      while (sending) {
        await post(`${server.url}/predict`, { features: RECORD });
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      // Healthy traffic scraped a few times: the rules are loaded and nothing fires.
      const loaded = await until(
        async () =>
          (await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent(`count(model_server_requests_total{job="live-blue"})`)}`)).json()) as {
            data: { result: unknown[] };
          },
        (v) => v.data.result.length > 0,
      );
      expect(loaded.data.result).toHaveLength(1);
      const rules = (await (await fetch(`${url}/api/v1/rules`)).json()) as { data: { groups: { name: string; rules: unknown[] }[] } };
      expect(rules.data.groups.map((g) => g.name)).toEqual([
        'live-layer-1-infrastructure',
        'live-layer-2-data-quality',
        'live-layer-3-prediction',
        'live-layer-4-business',
      ]);
      expect((await alerts(url)).filter((a) => a.labels['layer'] === '1')).toEqual([]);

      await server.setFaults({ errorRate: 1 });
      const firing = await until(
        () => alerts(url),
        (list) => list.some((a) => a.labels['alertname'] === 'ModelServerErrorRatio' && a.state === 'firing'),
      );
      expect(firing.find((a) => a.labels['alertname'] === 'ModelServerErrorRatio')).toMatchObject({
        state: 'firing',
        labels: { layer: '1', rule: 'error-ratio', role: 'blue', job: 'live-blue' },
      });
    } finally {
      sending = false;
      await traffic;
    }
  }, 120_000);
});
