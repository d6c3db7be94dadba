/** A validated scenario together with the file it came from. */
import type { DeploymentSpec } from '../profiles/deployment';
import type { Scenario } from './schema';

export interface ScenarioFile {
  /** Absolute path of the scenario file. */
  readonly path: string;
  /** Paths inside are absolute. */
  readonly scenario: Scenario;
  /** The Kubernetes Deployment files its profiles name, parsed, by absolute path. */
  readonly deployments?: Readonly<Record<string, DeploymentSpec>>;
}
