/** A readiness check resolved. */
import type { ReadinessCheck } from '../report';

export interface CheckResolved {
  readonly kind: 'check.resolved';
  readonly check: ReadinessCheck;
}
