/**
 * The replay's sequential rules (`monitoring/sequentialDrift.ts`) as state: one CUSUM sum per
 * model and watched series. It rewrites the PSI outcomes of a window: a series with a
 * sequential rule holds while its sum is past the decision interval, instead of while its PSI
 * is past a fixed figure; a series without one (too few reference chunks) keeps its threshold.
 */
import { cusumStep, oneWindowPsi, sizeScaled, standardise, type SequentialRule } from '../monitoring/sequentialDrift';
import type { RuleOutcome } from './alertBook';
import type { SeriesComparison, WindowComparison } from './windowDrift';

/** The PSI rules the sequential rules replace. */
const PSI_RULES: ReadonlySet<string> = new Set(['feature-psi', 'prediction-psi']);

/** Every model's CUSUM sums. */
export class SequentialWatch {
  private readonly sums = new Map<string, number>();

  /** `rules`: by `role|series` (`blue|distance`, `green|prediction`). */
  constructor(private readonly rules: ReadonlyMap<string, SequentialRule>) {}

  /** Whether a rule on this key is judged sequentially (it then fires on its first alarm: the sum is its own persistence). */
  judges(role: 'blue' | 'green' | null, rule: string, subject: string): boolean {
    return PSI_RULES.has(rule) && this.rules.has(`${role}|${subject}`);
  }

  /** The window's outcomes with each sequential series' PSI outcome judged by its CUSUM. */
  judge(role: 'blue' | 'green', comparison: WindowComparison, outcomes: readonly RuleOutcome[]): RuleOutcome[] {
    const series = new Map<string, SeriesComparison>([...comparison.features, comparison.prediction].map((c) => [c.name, c]));
    return outcomes.map((o) => {
      const c = series.get(o.key.subject);
      const rule = this.rules.get(`${role}|${o.key.subject}`);
      return PSI_RULES.has(o.key.rule) && c !== undefined && rule !== undefined ? this.step(`${role}|${c.name}`, c, rule, o) : o;
    });
  }

  private step(id: string, c: SeriesComparison, rule: SequentialRule, o: RuleOutcome): RuleOutcome {
    const { psi, n } = c.drift;
    const threshold = oneWindowPsi(rule, n.current, n.reference);
    if (psi === null) {
      // No evidence either way: the sum stays, and so does the alert.
      return { ...o, verdict: 'skip', threshold };
    }
    const z = standardise(sizeScaled(psi, n.current, n.reference), rule.mean, rule.sd);
    const { sum, alarm } = cusumStep(this.sums.get(id) ?? 0, z, rule.allowance, rule.decision);
    this.sums.set(id, sum);
    return {
      ...o,
      verdict: alarm ? 'holds' : 'clear',
      threshold,
      message: `${c.name}: PSI ${psi.toFixed(3)}, ${z.toFixed(1)} sd past the reference's own windows; CUSUM ${sum.toFixed(1)} against ${rule.decision.toFixed(1)} (about one false alarm per ${rule.ert} windows)`,
    };
  }
}
