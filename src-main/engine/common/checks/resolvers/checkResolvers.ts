/** The resolver of each of the seven checks, in the checklist's order. */
import type { CheckResolver } from './evidence';
import { infrastructureParityResolver, loadSlaResolver } from './loadChecks';
import { dependencyPinningResolver, featureParityResolver } from './preflightChecks';
import { distributionShiftResolver, monitoringCoverageResolver } from './replayChecks';
import { rollbackReadinessResolver } from './rolloutChecks';

export const CHECK_RESOLVERS: readonly CheckResolver[] = [
  distributionShiftResolver,
  featureParityResolver,
  infrastructureParityResolver,
  loadSlaResolver,
  dependencyPinningResolver,
  monitoringCoverageResolver,
  rollbackReadinessResolver,
];
