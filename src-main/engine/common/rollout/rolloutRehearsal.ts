/**
 * The rollout phase's work: blue's compatibility with today's records first, then blue,
 * green and blue's twin started and warmed behind the router, the plan walked step by step with
 * the gates deciding (a person's promote or roll back taken at every step), the retreat timed in
 * both clocks and checked (blue must answer what follows it), green stopped after its delay.
 * `rollout.compatibility` and `rollout.finished` are the evidence the spine decides
 * `rollback-readiness` from. A step's input drift is compared with green's seasonal reference,
 * which the replay read.
 */
import type { BothClocks, RolloutAborted, RolloutFinished, RolloutPlanned, ServerFaults } from '../../../contract/events';
import type { DriftOptions } from '../drift/driftOptions';
import type { RunningRig, RoutedRequest } from '../ports/rolloutRig';
import type { PhaseContext } from '../run/phase';
import { driftOptionsOf } from '../run/replay/replayModels';
import { driftAlertsOf } from '../scenario/sections/alerts';
import type { GreenFaults, RolloutSection } from '../scenario/sections/rollout';
import { ProgressTask } from '../run/progress';
import { formatEventTime } from '../time/eventTime';
import { RolloutDriver, stepDone, type Next } from './rolloutDriver';
import { compatibilityEvent, compatibilityOf, firstWindowMs, openRolloutStream, rolloutModels, type RolloutModels, type RolloutStream } from './rolloutSetup';
import { afterRetreat, between, duringRetreat, eventTimeAt, type Instant } from './retreat';
import { sideAnswers, sideSamples } from './sideTraffic';
import { stepDurationMs, stepText } from './planText';
import { stepRequests, type TimedRequest } from './stepRequests';
import { runStep, type StepHost } from './stepRunner';

/** Requests sent after a retreat to prove blue takes the traffic back. */
const VERIFY_REQUESTS = 20;

type AbortSource = RolloutAborted['source'];

/** Runs the rollout of the context's scenario. */
export async function rehearseRollout(context: PhaseContext): Promise<void> {
  const plan = context.file.scenario.rollout!;
  const models = rolloutModels(context);
  if (context.ports.rollout === undefined) {
    throw new Error('this face of the product has no model servers and router to rehearse a rollout with');
  }
  const stream = await openRolloutStream(context, plan, models);
  try {
    const today = await stream.cursor.peek(stream.start + firstWindowMs(plan));
    const compatibility = await compatibilityOf(models.blue, today, stream.shape);
    context.log.append(compatibilityEvent(models.blue.artifact.name, compatibility), stream.start);
    if (!compatibility.compatible) {
      context.log.append(
        { kind: 'rollout.finished', ...NOT_STARTED, reason: "blue cannot serve today's records", blueProbes: { total: 0, failed: 0 } },
        stream.start,
      );
      return;
    }
    // Green's reference is the one the replay read (the replay runs whenever the scenario gives one).
    await new RolloutSession(context, plan, models, stream, context.state.references.get('green') ?? null).run();
  } finally {
    await stream.cursor.close();
  }
}

/** How the rollout ended: its outcome, the retreat in both clocks, and blue's answers after it. */
type Ending = Pick<RolloutFinished, 'outcome' | 'detect' | 'rollback' | 'drill' | 'blueAfterRetreat'>;

const NOT_STARTED: Ending = { outcome: 'not-started', detect: null, rollback: null, drill: null, blueAfterRetreat: null };

/** One rollout against its rig, from warm-up to its end. */
class RolloutSession implements StepHost {
  position: number;
  readonly history = { eventTime: [] as Float64Array[], labels: [] as Float64Array[], blue: [] as Float32Array[], green: [] as Float32Array[] };
  readonly labelDelayMs: number;
  readonly cursor;
  readonly shape;
  readonly driftOptions: DriftOptions;
  rig!: RunningRig;
  private driver!: RolloutDriver;
  private greenSince: Instant | null = null;
  private abortInfo: { reason: string; source: AbortSource; stepIndex: number; position: number } | null = null;
  private stepIndex = 0;
  private lastRequests: readonly TimedRequest[] = [];

  constructor(
    readonly context: PhaseContext,
    readonly plan: RolloutSection,
    readonly models: RolloutModels,
    private readonly stream: RolloutStream,
    readonly reference: StepHost['reference'],
  ) {
    this.position = stream.start;
    this.cursor = stream.cursor;
    this.shape = stream.shape;
    this.labelDelayMs = context.file.scenario.snapshots.production.labelDelay;
    this.driftOptions = driftOptionsOf(driftAlertsOf(context.file.scenario.alerts));
  }

  async run(): Promise<void> {
    const { context, plan } = this;
    this.rig = await context.ports.rollout!.start(
      {
        blue: { model: this.models.blue.artifact.path, label: 'blue' },
        green: { model: this.models.green.artifact.path, label: 'green' },
        twin: plan.servers.twin,
        maxBatch: plan.servers.maxBatch,
        timeoutMs: plan.servers.timeout,
        executionProvider: context.options.executionProvider,
        allowUnverified: context.options.allowUnverified,
        policy: this.initialPolicy(),
        seed: plan.seed,
      },
      (event) => context.log.append(event, this.position),
    );
    let ending = NOT_STARTED;
    try {
      this.driver = new RolloutDriver(plan.steps, this.rig, context.ports.clock, plan.abortDelay);
      context.log.append(this.plannedEvent(), this.position);
      await this.warmUp();
      ending = await this.walkAndRetreat();
    } catch (error) {
      // Whatever broke, traffic goes back to blue before the error is reported.
      this.driver?.abort(`the rollout broke: ${error instanceof Error ? error.message : String(error)}`);
      await this.driver?.aborted?.confirmed.catch(() => undefined);
      throw error;
    } finally {
      await this.rig.close();
    }
    context.log.append({ kind: 'rollout.finished', ...ending, reason: this.abortInfo?.reason ?? null, blueProbes: this.rig.blueProbes() }, this.position);
  }

  /** Blue takes all the traffic to begin with; green answers its header, and shadows when the plan says so. */
  private initialPolicy(): RolloutPlanned['policy'] {
    const { plan } = this;
    return {
      weights: { blue: 100, green: 0 },
      header: plan.header,
      stickyHeader: plan.stickyKey === undefined ? null : STICKY_HEADER,
      shadow: plan.shadow,
      compare: true,
    };
  }

  private plannedEvent(): RolloutPlanned {
    const { plan } = this;
    return {
      kind: 'rollout.planned',
      steps: plan.steps.map((s) => stepText(plan, s)),
      start: formatEventTime(this.stream.start),
      stepDurationMs: plan.stepDuration,
      realRate: plan.realRate,
      maxRequestsPerStep: plan.maxRequestsPerStep,
      abortDelayMs: plan.abortDelay,
      policy: this.initialPolicy(),
      stickyKey: plan.stickyKey ?? null,
      slaMs: plan.gates.p99LatencyMs?.max ?? null,
    };
  }

  /** Walks the plan; an abort's retreat is completed and timed, a promotion's rehearsed when the plan drills it. */
  private async walkAndRetreat(): Promise<Ending> {
    const ended = await this.walk();
    if (ended.status === 'aborted') {
      const { detect, rollback, verified } = await this.completeRetreat(ended.routed, ended.eventTimes);
      return { outcome: 'aborted', detect, rollback, drill: null, blueAfterRetreat: verified };
    }
    if (!this.plan.rollbackDrill) {
      return { ...NOT_STARTED, outcome: 'promoted' };
    }
    const drill = await this.drill();
    return { outcome: 'promoted', detect: null, rollback: drill.rollback, drill, blueAfterRetreat: { answered: drill.blueAnswered, failed: drill.blueFailed } };
  }

  greenPercent(): number {
    return this.driver.routerWeights.green;
  }

  aborted(): boolean {
    return this.abortInfo !== null;
  }

  abort(reason: string, source: AbortSource): void {
    if (this.abortInfo !== null) {
      return;
    }
    this.abortInfo = { reason, source, stepIndex: this.stepIndex, position: this.position };
    this.driver.abort(reason);
  }

  takePromotion(): boolean {
    const decision = this.context.control.takeDecision();
    if (decision?.kind === 'rollback') {
      this.abort(decision.reason ?? 'rolled back by a person', 'person');
      return false;
    }
    return decision?.kind === 'promote';
  }

  /** Warm-up: blue through the weighted route (its baseline), green through the header route; then green's faults. */
  private async warmUp(): Promise<void> {
    const { plan, rig, context } = this;
    const warm = stepRequests(await this.cursor.peek(this.stream.start + firstWindowMs(this.plan)), plan.warmup, this.shape);
    this.lastRequests = warm;
    // A first round warms each side (the first inferences of a session are slow); the second is
    // measured: blue's baseline through the weighted route, green through the header route.
    const viaHeader = warm.map((t) => ({ ...t.request, headers: { [plan.header.name]: plan.header.greenValue } }));
    await rig.send(
      warm.map((t) => t.request),
      plan.realRate,
    );
    await rig.send(viaHeader, plan.realRate);
    const toBlue = await rig.send(
      warm.map((t) => t.request),
      plan.realRate,
    );
    const toGreen = await rig.send(viaHeader, plan.realRate);
    const misrouted = toGreen.filter((r) => r.side !== 'green' || r.reason !== 'header').length;
    if (misrouted > 0) {
      throw new Error(`the router sent ${misrouted} of ${toGreen.length} requests with ${plan.header.name}: ${plan.header.greenValue} elsewhere than green`);
    }
    const blueP99 = sideSamples(sideAnswers(toBlue, 'blue', false)).traffic.p99Ms;
    const greenP99 = sideSamples(sideAnswers(toGreen, 'green', false)).traffic.p99Ms;
    const sized = plan.greenFaults === undefined ? null : greenFaultsFor(plan.greenFaults, blueP99);
    if (sized !== null) {
      await rig.setGreenFaults(sized.faults);
    }
    context.log.append(
      {
        kind: 'rollout.baseline',
        requests: warm.length,
        blueP99Ms: blueP99,
        greenP99Ms: greenP99,
        greenFaults: sized?.faults ?? null,
        faultNote: sized?.note ?? null,
      },
      this.position,
    );
  }

  /** Walks the plan until it is promoted or aborted. */
  private async walk(): Promise<{ status: 'promoted' | 'aborted'; routed: readonly RoutedRequest[]; eventTimes: readonly number[] }> {
    const { context, plan } = this;
    // The app's progress strip: the timed steps, over the event time they will cover if none is cut.
    const timed = plan.steps.flatMap((s) => stepDurationMs(plan, s) ?? []);
    const progress = new ProgressTask(
      context.log,
      {
        task: 'rollout.steps',
        phase: 'rollout',
        label: `Rolling out ${this.models.green.artifact.name} against ${this.models.blue.artifact.name}`,
        total: timed.length,
        unit: 'steps',
        range: { from: formatEventTime(this.stream.start), to: formatEventTime(this.stream.start + timed.reduce((a, b) => a + b, 0)) },
      },
      this.position,
    );
    const steps = { done: 0 };
    try {
      return await this.walkSteps(() => {
        steps.done += 1;
        progress.advance(1, this.position);
      });
    } finally {
      // A rollout cut short ends its task where it stopped; a complete one ended with its last step.
      if (steps.done < timed.length) {
        progress.finish(this.position);
      }
    }
  }

  private async walkSteps(
    stepFinished: () => void,
  ): Promise<{ status: 'promoted' | 'aborted'; routed: readonly RoutedRequest[]; eventTimes: readonly number[] }> {
    const { context, plan } = this;
    let routed: readonly RoutedRequest[] = [];
    let eventTimes: readonly number[] = [];
    let next: Next = await this.command({ type: 'start' });
    if (plan.shadow && this.greenSince === null) {
      this.greenSince = { real: context.ports.clock.monotonic(), event: this.position };
    }
    while (next.type !== 'finished' && !this.aborted()) {
      if (context.control.stopped()) {
        this.abort('the run was stopped', 'stop');
        break;
      }
      const decision = context.control.takeDecision();
      if (decision?.kind === 'rollback') {
        this.abort(decision.reason ?? 'rolled back by a person', 'person');
        break;
      }
      if (next.type === 'run-step' && decision?.kind === 'promote') {
        // Argo's promote: the step under way (a pause, an analysis) is skipped and the plan goes on.
        next = await this.command({ type: 'step-done', outcome: 'pass' });
      } else if (next.type === 'run-step') {
        this.stepIndex = next.index;
        const duration = stepDurationMs(plan, next.step) ?? plan.stepDuration;
        const result = await runStep(this, next.index, next.step, this.position, duration);
        routed = result.routed;
        eventTimes = result.requests.map((t) => t.eventTime);
        this.lastRequests = result.requests;
        stepFinished();
        if (result.outcome === 'aborted') {
          break;
        }
        next = await this.command(stepDone(result.outcome));
      } else if (next.type === 'await-person') {
        routed = [];
        const isPause = 'pause' in plan.steps[next.index]!;
        const rule = decision?.kind ?? (isPause ? plan.headless.pauses : plan.headless.inconclusive === 'continue' ? 'promote' : 'abort');
        if (rule !== 'promote') {
          this.abort(
            isPause
              ? 'the plan paused for a person and the headless rule is to abort'
              : `the analysis at step ${next.index + 1} was inconclusive and the headless rule is to abort`,
            'gate',
          );
          break;
        }
        next = await this.command({ type: 'promote' });
      } else {
        break;
      }
    }
    return { status: this.aborted() ? 'aborted' : 'promoted', routed, eventTimes };
  }

  private async command(command: Parameters<RolloutDriver['command']>[0]): Promise<Next> {
    const next = await this.driver.command(command);
    const since = this.driver.greenTrafficSince;
    if (this.greenSince === null && since !== null) {
      this.greenSince = { real: since, event: this.position };
    }
    return next;
  }

  /** Waits for the router to confirm blue 100%, times the retreat in both clocks, and checks that blue takes what follows. */
  private async completeRetreat(
    routed: readonly RoutedRequest[],
    eventTimes: readonly number[],
  ): Promise<{ detect: BothClocks | null; rollback: BothClocks; verified: { answered: number; failed: number } }> {
    const info = this.abortInfo!;
    const retreat = this.driver.aborted!;
    const confirmedAt = await retreat.confirmed;
    const decided: Instant = { real: retreat.decidedAt, event: eventTimeAt(retreat.decidedAt, routed, eventTimes, info.position) };
    const confirmed: Instant = { real: confirmedAt, event: eventTimeAt(confirmedAt, routed, eventTimes, decided.event) };
    const inStep = afterRetreat(routed, confirmedAt);
    const more = inStep.answered + inStep.failed >= VERIFY_REQUESTS ? { answered: 0, failed: 0 } : await this.verifyBlue();
    const detect = this.greenSince === null ? null : between(this.greenSince, decided);
    const rollback = between(decided, confirmed);
    this.context.log.append(
      {
        kind: 'rollout.aborted',
        reason: info.reason,
        source: info.source,
        stepIndex: info.stepIndex,
        detect,
        rollback,
        duringRetreat: duringRetreat(routed, retreat.decidedAt, confirmedAt),
      },
      decided.event,
    );
    return { detect, rollback, verified: { answered: inStep.answered + more.answered, failed: inStep.failed + more.failed } };
  }

  /** After a promotion: the retreat rehearsed, all traffic back to blue at once, and blue must answer. */
  private async drill(): Promise<{ rollback: BothClocks; blueAnswered: number; blueFailed: number }> {
    const { clock } = this.context.ports;
    const from: Instant = { real: clock.monotonic(), event: this.position };
    await this.rig.setWeights({ blue: 100, green: 0 }, 'rollback drill after promotion');
    const to: Instant = { real: clock.monotonic(), event: this.position };
    const checked = await this.verifyBlue();
    return { rollback: between(from, to), blueAnswered: checked.answered, blueFailed: checked.failed };
  }

  /** Sends the last step's requests again through the router, now at blue 100%. */
  private async verifyBlue(): Promise<{ answered: number; failed: number }> {
    const requests = this.lastRequests.slice(-VERIFY_REQUESTS).map((t) => t.request);
    const routed = await this.rig.send(requests, this.plan.realRate);
    return afterRetreat(routed, Number.NEGATIVE_INFINITY);
  }
}

/** The request header the router reads the sticky key from. */
export const STICKY_HEADER = 'x-rollout-key';

/** Green's faults with a relative latency sized from blue's warm-up p99. */
function greenFaultsFor(spec: GreenFaults, blueP99: number | null): { faults: ServerFaults; note: string | null } {
  const { latency, ...rest } = spec;
  if (latency === undefined || latency.distribution !== 'relative') {
    return { faults: { ...rest, ...(latency === undefined ? {} : { latency }) }, note: null };
  }
  const base = blueP99 ?? 0;
  const ms = Math.max(latency.timesBlueP99 * base, latency.atLeast);
  const note = `${latency.timesBlueP99} x blue's warm-up p99 (${base.toFixed(2)} ms) = ${(latency.timesBlueP99 * base).toFixed(1)} ms, at least ${latency.atLeast} ms: ${ms.toFixed(1)} ms added to every green batch`;
  return { faults: { ...rest, latency: { distribution: 'fixed', ms } }, note };
}
