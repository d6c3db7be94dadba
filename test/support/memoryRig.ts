/**
 * An in-memory rollout rig for engine tests (STYLE.md 2): the pure routing decision and answers
 * computed from each record by plain functions, on the run's Clock. The real rig (processes,
 * HTTP) has its own integration tests.
 */
import type { RouteWeights, ServerFaults } from '../../src-main/contract/events';
import type { RawRecord } from '../../src-main/engine/common/features/rawRecord';
import type { Clock } from '../../src-main/engine/common/ports/clock';
import type { RigEvent, RigPlan, RolloutRig, RoutedRequest, RunningRig, UpstreamAnswer } from '../../src-main/engine/common/ports/rolloutRig';
import { seededRng } from '../../src-main/engine/common/rng/seededRng';
import { copiesOf, route, type Upstream } from '../../src-main/engine/common/rollout/routing';

/** How each upstream answers a record: its prediction and how long it takes (ms). */
export interface MemoryUpstream {
  readonly predict: (record: RawRecord) => number;
  readonly latencyMs: (record: RawRecord) => number;
  /** Answer 500 to this record. */
  readonly fails?: (record: RawRecord) => boolean;
}

/** What the tests look at afterwards. */
export interface MemoryRigLog {
  readonly plans: RigPlan[];
  readonly weights: { weights: RouteWeights; reason: string }[];
  readonly faults: ServerFaults[];
  readonly greenStops: number[];
  readonly sent: RoutedRequest[];
  closed: number;
}

/** A rig whose blue, green and twin are functions; `beforeSend` runs before each batch (to press a button mid-run). */
export function memoryRig(
  clock: Clock,
  upstreams: Record<Upstream, MemoryUpstream>,
  hooks: { beforeSend?: (batch: number) => void; afterAnswer?: (n: number) => void } = {},
): { rig: RolloutRig; log: MemoryRigLog } {
  const log: MemoryRigLog = { plans: [], weights: [], faults: [], greenStops: [], sent: [], closed: 0 };
  const rig: RolloutRig = {
    async start(plan: RigPlan, onEvent: (event: RigEvent) => void): Promise<RunningRig> {
      log.plans.push(plan);
      let weights = plan.policy.weights;
      const rng = seededRng(plan.seed);
      let batches = 0;
      const answer = (u: Upstream, record: RawRecord): UpstreamAnswer => {
        const failed = upstreams[u].fails?.(record) ?? false;
        return {
          status: failed ? 500 : 200,
          outcome: failed ? 'error' : 'ok',
          ms: upstreams[u].latencyMs(record),
          prediction: failed ? null : upstreams[u].predict(record),
        };
      };
      return {
        routerUrl: 'memory://router',
        async setWeights(next, reason) {
          const previous = weights;
          weights = next;
          log.weights.push({ weights: next, reason });
          onEvent({ kind: 'router.weights', weights: next, previous, reason });
          return next;
        },
        async send(requests, _rate, onAnswer) {
          hooks.beforeSend?.(++batches);
          return requests.map((request, i) => {
            const headers = request.headers ?? {};
            const decision = route({ ...plan.policy, weights, sticky: plan.policy.stickyHeader !== null }, { headers, key: request.key, draw: rng.next() });
            const served = answer(decision.target, request.record);
            const copies = Object.fromEntries(copiesOf(decision, plan.policy.compare, true).map((u) => [u, answer(u, request.record)]));
            const routed: RoutedRequest = {
              side: decision.target,
              reason: decision.reason,
              status: served.status,
              clientMs: served.ms,
              sentAt: clock.monotonic(),
              served,
              copies,
            };
            onAnswer?.(i, { ...routed, copies: {} });
            log.sent.push(routed);
            hooks.afterAnswer?.(log.sent.length);
            return routed;
          });
        },
        async setGreenFaults(faults) {
          log.faults.push(faults);
          return faults;
        },
        stopGreenLater(delayMs) {
          log.greenStops.push(delayMs);
        },
        blueProbes: () => ({ total: 10, failed: 0 }),
        async close() {
          log.closed += 1;
        },
      };
    },
  };
  return { rig, log };
}
