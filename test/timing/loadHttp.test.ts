/**
 * The load generator over real HTTP on 127.0.0.1 against a plain test server: the schedule the
 * server sees, errors, timeouts and drops counted exactly, every HTTP framing, and payloads from a
 * real snapshot through DuckDB. Loads of 3 s or less; the stall test compares with a baseline
 * measured in the same test. Runs one file at a time (test/timing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poissonArrivals } from '../../src-main/engine/common/load/poissonSchedule';
import { rateShape } from '../../src-main/engine/common/load/rateShape';
import type { LoadPlan } from '../../src-main/engine/common/load/loadPlan';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { openDatabase } from '../../src-main/engine/node/duckdb/database';
import { runLoad } from '../../src-main/engine/node/load/runLoad';
import { ROOT } from '../support/paths';
import { startPlainTarget, type PlainTarget } from '../support/plainTarget';

const SMOKE_SNAPSHOT = `${ROOT}/scenarios/smoke/flights-2001-03-01.parquet`;

let target: PlainTarget;
beforeAll(async () => {
  target = await startPlainTarget();
  // Warm the JIT and the sockets, so no test measures a cold start.
  await runLoad(plan({ rps: 500, durationMs: 1000 }));
});
afterAll(async () => target.close());

/** The event times of the first `n` rows of a snapshot, as wall-clock text, straight from DuckDB. */
async function firstDates(path: string, n: number): Promise<string[]> {
  const { instance, connection } = await openDatabase();
  try {
    const reader = await connection.runAndReadAll(`SELECT strftime(date, '%Y-%m-%d %H:%M:%S') AS d FROM read_parquet('${path}') ORDER BY date LIMIT ${n}`);
    return reader.getRowObjectsJson().map((row) => String(row['d']));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function plan(changes: Partial<LoadPlan> = {}): LoadPlan {
  return {
    url: target.url,
    protocol: 'predict',
    rps: 400,
    shape: 'constant',
    durationMs: 2000,
    slaMs: 100,
    timeoutMs: 1000,
    payload: { kind: 'numeric' },
    seed: 7,
    ...changes,
  };
}

describe('the schedule the server sees', () => {
  it('gets exactly the planned requests, spaced as planned, with Poisson gaps', async () => {
    target.reset();
    const result = await runLoad(plan({ rps: 400, durationMs: 2500, seed: 21 }));
    const planned = [...poissonArrivals(rateShape('constant', 400, 2500), seededRng(21))];
    expect(result.requests).toEqual({ planned: planned.length, sent: planned.length, ok: planned.length });
    expect(target.arrivals).toHaveLength(planned.length);

    const arrived = target.arrivals.map((t) => t - target.arrivals[0]!);
    const meanGap = (planned.at(-1)! - planned[0]!) / (planned.length - 1);
    // The server's clock and the plan's differ by a constant (the start, the network): take the
    // median offset. Then arrivals lie where the plan put them: half within two mean gaps, 95%
    // within a quarter of the run; a closed loop or an unpaced sender would be off by seconds.
    const offsets = target.arrivals.map((t, i) => t - planned[i]!);
    const offset = [...offsets].sort((a, b) => a - b)[Math.floor(offsets.length / 2)]!;
    const deviations = offsets.map((o) => Math.abs(o - offset)).sort((a, b) => a - b);
    expect(deviations[Math.floor(deviations.length / 2)]!).toBeLessThan(2 * meanGap);
    // A quarter of the run still tells a paced sender from an unpaced one, which is off by seconds,
    // and leaves room for a CI machine that stalls this process for a few hundred milliseconds.
    expect(deviations[Math.floor(deviations.length * 0.95)]!).toBeLessThan(2500 * 0.25);
    // The gaps at the server are as irregular as exponential ones (coefficient of variation 1; a
    // fixed-interval sender's is 0). Timer ticks and a busy machine bunch arrivals, which only
    // raises it, so only the lower side is checked here; test/engine checks the plan's own gaps.
    const gaps = arrived.slice(1).map((t, i) => t - arrived[i]!);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(mean / meanGap).toBeGreaterThan(0.95);
    expect(mean / meanGap).toBeLessThan(1.05);
    expect(sd / mean).toBeGreaterThan(0.8);
  });
});

describe('a server stall', () => {
  it('shows in the corrected p99 and not in the uncorrected one with few connections; in both with enough', async () => {
    target.reset();
    const few = { rps: 500, durationMs: 3000, connections: 4 };
    const baseline = await runLoad(plan(few));
    // The fault is ten times the baseline p99, and long enough to hold more than 1% of the requests.
    const stallMs = Math.max(10 * baseline.latencyMs.p99, 300);
    const stalled = async (changes: Partial<LoadPlan>) => {
      const timer = setTimeout(() => target.stallFor(stallMs), 1000);
      try {
        // Stalled requests must be answered, not timed out: timeouts are counted, not timed.
        return await runLoad(plan({ ...changes, timeoutMs: 4 * stallMs }));
      } finally {
        clearTimeout(timer);
      }
    };
    const withFew = await stalled(few);
    expect(withFew.latencyMs.p99).toBeGreaterThan(stallMs / 2);
    expect(withFew.uncorrectedLatencyMs.p99).toBeLessThan(stallMs / 4);
    // The four requests caught on their connections do carry the stall into the uncorrected max.
    expect(withFew.uncorrectedLatencyMs.max).toBeGreaterThan(stallMs / 2);
    // The others waited for a connection, and the result says so rather than hiding it.
    expect(withFew.connectionWaitMs.max).toBeGreaterThan(stallMs / 2);

    // With a connection for every request in flight, each is written on time and both views see it.
    const sized = await stalled({ rps: 500, durationMs: 3000, connections: 1000 });
    expect(sized.latencyMs.p99).toBeGreaterThan(stallMs / 2);
    expect(sized.uncorrectedLatencyMs.p99).toBeGreaterThan(stallMs / 2);
  });
});

describe('errors, timeouts and drops', () => {
  it('counts 5xx answers as errors, 504 and unanswered requests as timeouts, exactly as the server saw them', async () => {
    target.reset();
    target.behave({ status: (n) => (n % 10 === 3 ? 500 : n % 10 === 5 ? 504 : n % 10 === 7 ? 0 : 200) });
    const result = await runLoad(plan({ rps: 200, durationMs: 2000, timeoutMs: 200 }));
    target.behave({});
    expect(result.requests.sent).toBe(target.arrivals.length);
    expect(result.errors).toBe(target.answered.get(500));
    expect(result.errorKinds).toEqual({ 'http 500': target.answered.get(500) });
    expect(result.timeouts).toBe(target.answered.get(504)! + target.answered.get(0)!);
    expect(result.requests.ok).toBe(target.answered.get(200));
    expect(result.dropped).toBe(0);
    expect(result.slaPass).toBe(false);
  });

  it('counts a refused connection as an error for every request; metadata from a dead server is an input error', async () => {
    const gone = await startPlainTarget();
    const url = gone.url;
    await gone.close();
    // Snapshot payloads need nothing from the server before the load starts.
    const result = await runLoad(plan({ url, rps: 100, durationMs: 500, payload: { kind: 'snapshot', path: SMOKE_SNAPSHOT, order: 'event' } }));
    expect(result.requests.ok).toBe(0);
    expect(result.errors).toBe(result.requests.planned);
    expect(Object.keys(result.errorKinds)).toEqual(['ECONNREFUSED']);
    await expect(runLoad(plan({ url }))).rejects.toThrow(/cannot reach the server/);
  });
});

describe('HTTP framing', () => {
  it('reads chunked answers and reconnects after Connection: close', async () => {
    target.reset();
    target.behave({ chunked: true, close: true });
    const result = await runLoad(plan({ rps: 200, durationMs: 1000 }));
    target.behave({});
    expect(result.requests.ok).toBe(result.requests.planned);
    expect(target.arrivals).toHaveLength(result.requests.planned);
  });
});

describe('payloads', () => {
  it('sends snapshot rows as raw records in event order, timestamps as wall-clock text', async () => {
    target.reset();
    const result = await runLoad(plan({ rps: 200, durationMs: 1000, payload: { kind: 'snapshot', path: SMOKE_SNAPSHOT, order: 'event' } }));
    expect(result.payload).toMatch(/rows in event order/);
    expect(new Set(target.paths)).toEqual(new Set(['/predict']));
    const records = target.bodies.map((b) => (JSON.parse(b) as { features: Record<string, unknown> }).features);
    expect(Object.keys(records[0]!).sort()).toEqual(['date', 'delay', 'destination', 'distance', 'origin']);
    expect(records[0]!['date']).toMatch(/^2001-03-01 00:\d\d:00$/);
    // Exactly the first rows in event order were sent (two sent moments apart may arrive swapped).
    const dates = records.map((r) => String(r['date']));
    expect([...dates].sort()).toEqual(await firstDates(SMOKE_SNAPSHOT, dates.length));
    const swapped = dates.filter((d, i) => i > 0 && d < dates[i - 1]!).length;
    expect(swapped / dates.length).toBeLessThan(0.05);
    expect(typeof records[0]!['distance']).toBe('number');
  });

  it('samples snapshot rows with the seed: the same rows for the same seed, not in event order', async () => {
    const sampled = async () => {
      target.reset();
      await runLoad(plan({ rps: 200, durationMs: 1000, payload: { kind: 'snapshot', path: SMOKE_SNAPSHOT, order: 'sampled' } }));
      return [...target.bodies];
    };
    // Bodies follow the request sequence; two requests moments apart may arrive either way round.
    const first = await sampled();
    expect((await sampled()).sort()).toEqual([...first].sort());
    const dates = first.map((b) => String((JSON.parse(b) as { features: { date: string } }).features.date));
    expect(dates.some((d, i) => i > 0 && d < dates[i - 1]!)).toBe(true);
    expect(new Set(dates.map((d) => d.slice(0, 10))).size).toBeGreaterThan(1);
  });

  it("builds numeric payloads of the model's width from its OIP metadata (the first model of the repository index), for /predict and infer", async () => {
    target.reset();
    await runLoad(plan({ rps: 100, durationMs: 500, protocol: 'oip' }));
    expect(new Set(target.paths)).toEqual(new Set(['/v2/models/toy/infer']));
    const infer = JSON.parse(target.bodies[0]!) as { inputs: { name: string; shape: number[]; datatype: string; data: number[] }[] };
    expect(infer.inputs).toHaveLength(1);
    expect(infer.inputs[0]).toMatchObject({ name: 'x', shape: [1, 4], datatype: 'FP32' });
    expect(infer.inputs[0]!.data).toHaveLength(4);
    target.reset();
    await runLoad(plan({ rps: 100, durationMs: 500, protocol: 'predict', modelName: 'toy' }));
    expect((JSON.parse(target.bodies[0]!) as { features: number[] }).features).toHaveLength(4);
    // A name the server does not describe is bad input, before any load is sent.
    await expect(runLoad(plan({ modelName: 'nope' }))).rejects.toThrow(/v2\/models\/nope: expected Open Inference Protocol model metadata/);
  });
});
