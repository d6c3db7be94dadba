/**
 * The blue/green router as a real process on 127.0.0.1 in front of the demo's blue and green
 * model servers (and blue's twin), each running its own serving pipeline on raw records.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterPolicyInfo } from '../../src-main/contract/events';
import type { RigEvent } from '../../src-main/engine/common/ports/rolloutRig';
import { weightsFor } from '../../src-main/engine/common/rollout/routing';
import { startRig, type ServerRig } from '../../src-main/engine/node/rollout/serverRig';
import { ROOT } from '../support/paths';

const BLUE = join(ROOT, 'scenarios/demo/models/blue-v1');
const GREEN = join(ROOT, 'scenarios/demo/models/green-v2');
const RECORD = { date: '2001-03-01 06:05:00', distance: 337, origin: 'SFO', destination: 'LAX' };

const policy: RouterPolicyInfo = {
  weights: weightsFor(0),
  header: { name: 'x-model-version', greenValue: 'v2' },
  stickyHeader: 'x-rollout-key',
  shadow: false,
  compare: true,
};

let rig: ServerRig;
const events: RigEvent[] = [];

beforeAll(async () => {
  rig = await startRig(
    {
      blue: { model: BLUE, label: 'blue' },
      green: { model: GREEN, label: 'green' },
      twin: { maxBatch: 1, threads: 1 },
      maxBatch: 32,
      timeoutMs: 2000,
      executionProvider: 'cpu',
      allowUnverified: false,
      policy,
      seed: 7,
    },
    (e) => events.push(e),
  );
});
afterAll(async () => {
  await rig?.close();
});

/** POSTs a raw record through the router. */
async function predict(headers: Record<string, string> = {}, record: object = RECORD) {
  const response = await fetch(`${rig.routerUrl}/predict`, {
    method: 'POST',
    body: JSON.stringify({ features: record }),
    headers: { 'content-type': 'application/json', ...headers },
  });
  const json = (await response.json()) as { model_version?: string; prediction?: number; error?: string };
  return { status: response.status, side: response.headers.get('x-rollout-side'), reason: response.headers.get('x-rollout-reason'), json };
}

describe('router', () => {
  it("starts blue, green and blue's twin warm, and itself on 127.0.0.1, all as events", () => {
    const started = events.filter((e) => e.kind === 'server.started').map((e) => e.kind === 'server.started' && [e.label, e.model.featureSpec, e.maxBatch]);
    expect(started).toEqual(
      expect.arrayContaining([
        ['blue', 'flights-v1', 32],
        ['green', 'flights-v2', 32],
        ['blue-twin', 'flights-v1', 1],
      ]),
    );
    expect(rig.routerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(events.find((e) => e.kind === 'router.started')).toMatchObject({ policy, restart: 0 });
  });

  it("forwards raw records to blue at 0%, and sends the seed's header to green whatever the weights", async () => {
    const toBlue = await predict();
    expect(toBlue).toMatchObject({ status: 200, side: 'blue', reason: 'weight', json: { model_version: expect.stringContaining('blue') } });
    const toGreen = await predict({ 'x-model-version': 'v2' });
    expect(toGreen).toMatchObject({ status: 200, side: 'green', reason: 'header', json: { model_version: expect.stringContaining('green') } });
    expect(toGreen.json.prediction).not.toBe(toBlue.json.prediction);
    expect((await predict({ 'x-model-version': 'v1' })).side).toBe('blue');
  });

  it("runs each side's own serving pipeline: a record without origin is refused by the side that needs it, field named", async () => {
    const { origin: _dropped, ...withoutOrigin } = RECORD;
    const answer = await predict({}, withoutOrigin);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toContain('origin');
  });

  it('splits by weight, and every change is a router.weights event', async () => {
    expect(await rig.setWeights(weightsFor(30), 'test split')).toEqual({ blue: 70, green: 30 });
    expect(events.filter((e) => e.kind === 'router.weights').at(-1)).toMatchObject({
      weights: { blue: 70, green: 30 },
      previous: { blue: 100, green: 0 },
      reason: 'test split',
    });
    const sides = [];
    for (let i = 0; i < 200; i++) {
      sides.push((await predict()).side);
    }
    const green = sides.filter((s) => s === 'green').length;
    // Binomial(200, 0.3): sd 6.5; five sd either side.
    expect(Math.abs(green - 60)).toBeLessThan(33);
    await rig.setWeights(weightsFor(0), 'back');
  });

  it('keeps a key on its side, and raising green only moves keys from blue to green', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `route-${i}`);
    const sidesAt = async (green: number) => {
      await rig.setWeights(weightsFor(green), `sticky ${green}`);
      const out: string[] = [];
      for (const key of keys) {
        const answer = await predict({ 'x-rollout-key': key });
        expect(answer.reason).toBe('sticky');
        out.push(answer.side!);
      }
      return out;
    };
    const at20 = await sidesAt(20);
    expect(await sidesAt(20)).toEqual(at20);
    const at60 = await sidesAt(60);
    at20.forEach((side, i) => side === 'green' && expect(at60[i]).toBe('green'));
    expect(at60.filter((s) => s === 'green').length).toBeGreaterThan(at20.filter((s) => s === 'green').length);
    await rig.setWeights(weightsFor(0), 'back');
  });

  it('records Diffy copies: the twin answers every request, blue every request green served', async () => {
    await rig.setWeights(weightsFor(50), 'compare');
    const routed = await rig.send(
      Array.from({ length: 40 }, (_, i) => ({ record: { ...RECORD, distance: 200 + i * 37 }, key: null })),
      100,
    );
    for (const r of routed) {
      expect(r.served).toMatchObject({ status: 200, outcome: 'ok' });
      expect(r.copies.twin).toMatchObject({ status: 200, outcome: 'ok' });
      // The twin runs blue's model at batch 1 on one thread: its answers are blue's.
      if (r.side === 'blue') {
        expect(Math.abs(r.copies.twin!.prediction! - r.served!.prediction!)).toBeLessThan(1e-6);
        expect(r.copies.blue).toBeUndefined();
      } else {
        expect(r.copies.blue).toMatchObject({ status: 200 });
      }
      expect(r.copies.green).toBeUndefined();
    }
    expect(routed.some((r) => r.side === 'green')).toBe(true);
    await rig.setWeights(weightsFor(0), 'back');
  });

  it('never forwards /admin, and answers its own admin only with what it expects', async () => {
    const admin = await fetch(`${rig.routerUrl}/admin/faults`, {
      method: 'PUT',
      body: JSON.stringify({ errorRate: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(admin.status).toBe(403);
    expect(((await admin.json()) as { error: string }).error).toContain('does not forward /admin');
    expect((await predict()).status).toBe(200);
    const bad = await fetch(`${rig.routerUrl}/router/weights`, {
      method: 'PUT',
      body: JSON.stringify({ green: 150, reason: 'x' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'green: expected at most 100', field: 'green', expected: 'expected at most 100' });
    const unknown = await fetch(`${rig.routerUrl}/router/nowhere`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toBe(
      'no router admin route GET /router/nowhere; expected GET /router/policy, PUT /router/weights, GET /router/records',
    );
    const policyNow = (await (await fetch(`${rig.routerUrl}/router/policy`)).json()) as { policy: RouterPolicyInfo };
    expect(policyNow.policy.weights).toEqual({ blue: 100, green: 0 });
  });
});

describe('router in shadow mode', () => {
  it("serves every request from blue and records green's answer to a copy, never returning it", async () => {
    const shadowEvents: RigEvent[] = [];
    const shadow = await startRig(
      {
        blue: { model: BLUE, label: 'blue' },
        green: { model: GREEN, label: 'green' },
        twin: { maxBatch: 1, threads: 1 },
        maxBatch: 32,
        timeoutMs: 2000,
        executionProvider: 'cpu',
        allowUnverified: false,
        policy: { ...policy, weights: weightsFor(50), shadow: true, compare: false },
        seed: 1,
      },
      (e) => shadowEvents.push(e),
    );
    try {
      const routed = await shadow.send(
        Array.from({ length: 30 }, () => ({ record: RECORD, key: null })),
        100,
      );
      expect(routed.every((r) => r.side === 'blue' && r.reason === 'shadow')).toBe(true);
      expect(routed.every((r) => typeof r.copies.green?.prediction === 'number' && r.copies.twin === undefined)).toBe(true);
      expect(routed[0]!.copies.green!.prediction).not.toBe(routed[0]!.served!.prediction);
    } finally {
      await shadow.close();
    }
  });
});
