import { describe, expect, it } from 'vitest';
import { loadSlaCheck, MEMORY_NOT_CAPPED, type LoadSlaInput } from '../../../src-main/engine/common/checks/loadSla';
import { loadResultAt } from './fixtures';

const seedLoad = { peakRps: 100, multiplier: 2, headroom: 0.5 };
const input = (changes: Partial<LoadSlaInput> = {}): LoadSlaInput => ({
  result: loadResultAt(300, 40),
  load: seedLoad,
  slaMs: 100,
  profile: 'production',
  backend: 'docker',
  oomKilled: false,
  ...changes,
});

describe('the load-sla check', () => {
  it('passes at 3x peak under production in Docker with p99 within the SLA and nothing lost', () => {
    const check = loadSlaCheck(input());
    expect(check.status).toBe('PASS');
    expect(check.id).toBe('load-sla');
    expect(check.threshold).toContain('300 rps (peak 100 x 2 x 1.5)');
    expect(check.evidence.find((e) => e.label === 'p99 (corrected)')?.value).toBe(40);
  });

  it('is WARN, never PASS, under the embedded backend: nothing caps memory there', () => {
    const check = loadSlaCheck(input({ backend: 'embedded', oomKilled: null }));
    expect(check.status).toBe('WARN');
    expect(check.observed).toContain(MEMORY_NOT_CAPPED);
  });

  it('is WARN when measured under another profile than production', () => {
    expect(loadSlaCheck(input({ profile: 'staging' })).status).toBe('WARN');
  });

  it('fails on each broken condition and says which', () => {
    const cases: [Partial<LoadSlaInput>, string][] = [
      [{ result: loadResultAt(300, 140) }, 'p99 140 ms is over the 100 ms SLA'],
      [{ result: loadResultAt(300, 40, { errors: 3 }) }, '3 errors'],
      [{ result: loadResultAt(300, 40, { errors: 3, errorKinds: { 'http 400': 3 } }) }, '3 errors (http 400: 3)'],
      [{ result: loadResultAt(300, 40, { timeouts: 2 }) }, '2 timeouts'],
      [{ result: loadResultAt(300, 40, { dropped: 5 }) }, '5 requests dropped'],
      [{ result: loadResultAt(200, 40) }, 'below the target 300 rps'],
      [{ result: loadResultAt(300, 40, { requests: { planned: 10, sent: 10, ok: 0 } }) }, 'no request was answered'],
      [{ oomKilled: true }, 'OOM-killed'],
      // A failure outranks the embedded backend's WARN.
      [{ backend: 'embedded', oomKilled: null, result: loadResultAt(300, 400) }, 'over the 100 ms SLA'],
    ];
    for (const [changes, reason] of cases) {
      const check = loadSlaCheck(input(changes));
      expect(check.status, reason).toBe('FAIL');
      expect(check.observed).toContain(reason);
    }
  });

  it('judges the SLA given, not the one the run was printed with', () => {
    expect(loadSlaCheck(input({ slaMs: 30 })).status).toBe('FAIL');
  });
});
