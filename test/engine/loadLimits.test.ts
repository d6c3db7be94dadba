/** Sizes a machine cannot run, from its cores and memory: the rule, on fixed machines. */
import { describe, expect, it } from 'vitest';
import {
  BYTES_PER_HELD_REQUEST,
  GENERATOR_RPS_PER_CORE,
  loadLimits,
  loadSizeProblems,
  scenarioLoadProblems,
} from '../../src-main/engine/common/limits/loadLimits';
import { loadSection } from '../../src-main/engine/common/scenario/sections/load';

const GIB = 2 ** 30;
const TWO_CORES = { cores: 2, memoryBytes: 24 * GIB };

describe('load limits from the machine', () => {
  it('lets the generator one core (half of a lone one) and the held requests half the memory', () => {
    expect(loadLimits(TWO_CORES)).toEqual({ maxRps: GENERATOR_RPS_PER_CORE, maxHeldRequests: Math.floor((12 * GIB) / BYTES_PER_HELD_REQUEST) });
    expect(loadLimits({ cores: 64, memoryBytes: GIB }).maxRps).toBe(GENERATOR_RPS_PER_CORE);
    expect(loadLimits({ cores: 1, memoryBytes: GIB }).maxRps).toBe(GENERATOR_RPS_PER_CORE / 2);
  });

  it("refuses the probe's peakRps: 1000000 for 60 s, naming the field, the rate it makes and the limit", () => {
    const problems = scenarioLoadProblems(loadSection.parse({ peakRps: 1_000_000, duration: '60s' }), TWO_CORES);
    expect(problems).toEqual([
      {
        field: 'load.peakRps (1,000,000 x multiplier 2 x (1 + headroom 0.5))',
        message:
          "3,000,000 requests/s is more than this machine's load generator can send: expected at most 100,000 requests/s (100,000 from one core, measured by npm run bench:limits; the generator is one event loop, on one of this machine's 2 cores)",
      },
    ]);
  });

  it('refuses a timeout that would hold more requests than half the memory, and only what the run plans can be held', () => {
    const long = loadSection.parse({ peakRps: 10_000, duration: '1d', timeout: '1h' });
    const [problem] = scenarioLoadProblems(long, TWO_CORES);
    expect(problem).toMatchObject({
      field: 'load.timeout',
      message: expect.stringContaining('a timeout of 3600 s holds up to 108,000,000 requests in memory at once'),
    });
    expect(problem!.message).toContain("half of this machine's 24.0 GiB at 320 bytes a request");
    // The same timeout on a run of one second plans only 30,000 requests.
    expect(scenarioLoadProblems({ ...long, duration: 1000 }, TWO_CORES)).toEqual([]);
    // The default timeout is ten times the SLA, named as such.
    const sla = loadSection.parse({ peakRps: 10_000, duration: '1d', sla: '6m' });
    expect(scenarioLoadProblems(sla, TWO_CORES)[0]?.field).toBe('load.sla (the timeout is ten times the SLA)');
  });

  it('passes every size a scenario of this project uses, and a CLI load at the limit', () => {
    expect(scenarioLoadProblems(loadSection.parse({ peakRps: 300, duration: '5s', sla: '500ms', timeout: '2s' }), TWO_CORES)).toEqual([]);
    expect(scenarioLoadProblems(undefined, TWO_CORES)).toEqual([]);
    const atLimit = { rps: GENERATOR_RPS_PER_CORE, durationMs: 30_000, timeoutMs: 1000, rateField: '--rate', timeoutField: '--timeout-ms' };
    expect(loadSizeProblems(atLimit, TWO_CORES)).toEqual([]);
    expect(loadSizeProblems({ ...atLimit, rps: GENERATOR_RPS_PER_CORE + 1 }, TWO_CORES)[0]?.field).toBe('--rate');
  });
});
