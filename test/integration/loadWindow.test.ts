/**
 * A run's load sends the scenario's production window, read through the run's own snapshot with
 * its `from` and `to`, in event order or sampled as the scenario says; the result names the first
 * and last event times of the records actually sent. Real DuckDB, the real model server (embedded
 * backend) and the real load generator. The file starts on March 1st; the window is March 2nd, so
 * a load that sent the file's first rows (what the load once did) fails here.
 */
import { describe, expect, it } from 'vitest';
import type { EventOfKind } from '../../src-main/contract/events';
import { runScenario } from '../../src-main/engine/node/run/runScenario';
import { loadScenario } from '../../src-main/engine/node/scenario/loadScenario';
import { writeScenario } from '../support/cli';
import { ROOT, tempDir } from '../support/paths';

function scenario(order: 'event' | 'sampled'): string {
  return writeScenario(
    `load-window-${order}`,
    `name: load-window
models:
  blue:
    path: ${ROOT}/scenarios/smoke/model
snapshots:
  production:
    path: ${ROOT}/scenarios/smoke/flights-2001-03-01.parquet
    timestamp: date
    label: delay > 15
    from: 2001-03-02
    to: 2001-03-03
load:
  peakRps: 20
  duration: 1s
  sla: 2s
  order: ${order}
  seed: 7
`,
  );
}

async function loadResultOf(order: 'event' | 'sampled'): Promise<EventOfKind<'load.result'>> {
  const loaded = loadScenario(scenario(order));
  if (!loaded.ok) {
    throw new Error(JSON.stringify(loaded.issues));
  }
  const run = await runScenario(loaded.file, { outDir: tempDir(), backend: 'embedded', formats: ['json'] });
  const results = run.events.filter((e): e is EventOfKind<'load.result'> => e.kind === 'load.result');
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe("the load's payload", () => {
  it("is production's window in event order, and says which stretch it sent", async () => {
    const { result } = await loadResultOf('event');
    expect(result).not.toBeNull();
    expect(result!.requests.sent).toBeGreaterThan(0);
    expect(result!.payload).toMatch(/\[2001-03-02T00:00:00, 2001-03-03T00:00:00\), \d+ rows in event order/);
    const sent = result!.sentEventTimes!;
    // In event order from the window's start: the first flights of March 2nd, not of March 1st.
    expect(sent.first).toMatch(/^2001-03-02T0\d:/);
    expect(sent.last >= sent.first && sent.last < '2001-03-03').toBe(true);
  });

  it('is a seeded sample of the whole window when the scenario asks for one', async () => {
    const { result } = await loadResultOf('sampled');
    expect(result!.payload).toMatch(/rows sampled \(seed 7\)/);
    const sent = result!.sentEventTimes!;
    expect(sent.first >= '2001-03-02' && sent.last < '2001-03-03').toBe(true);
    // Shuffled over the day, not its first hours.
    expect(sent.last > '2001-03-02T12').toBe(true);
  });
});
