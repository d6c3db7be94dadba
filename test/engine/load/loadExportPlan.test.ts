import { describe, expect, it } from 'vitest';
import { loadExportPlan } from '../../../src-main/engine/common/load/export/loadExportPlan';
import { loadSection } from '../../../src-main/engine/common/scenario/sections/load';

describe('loadExportPlan', () => {
  it('sizes the users at rate x timeout, each paced at one request a timeout, for a constant load', () => {
    const plan = loadExportPlan('s', loadSection.parse({ peakRps: 20, duration: '10s', sla: '500ms' }), 2, 100);
    expect(plan).toMatchObject({ targetRps: 60, plannedRps: 60, plannedRequests: 600, timeoutS: 5, users: 300, userRps: 0.2, workers: 2 });
    expect(plan.stages).toEqual([{ untilS: 10, rps: 60, users: 300 }]);
  });

  it('follows a ramp one second at a time, then holds the target; the mean rate gives the planned count', () => {
    const plan = loadExportPlan('s', loadSection.parse({ peakRps: 10, multiplier: 1, headroom: 0, duration: '4s', sla: '100ms', shape: 'ramp' }), 1, 10);
    expect(plan.timeoutS).toBe(1);
    expect(plan.users).toBe(10);
    expect(plan.stages).toEqual([
      { untilS: 1, rps: 0, users: 1 },
      { untilS: 2, rps: 5, users: 5 },
      { untilS: 4, rps: 10, users: 10 },
    ]);
    expect(plan.plannedRequests).toBe(30);
  });
});
