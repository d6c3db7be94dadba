/**
 * The scenario file (DESIGN.md, "The shape of a rehearsal"): one strict schema, unknown keys are
 * errors. Each section lives in its own file under `sections/`.
 */
import { z } from 'zod';
import { featuresSection } from './sections/features';
import { modelsSection } from './sections/models';
import { notYet } from './sections/notYet';
import { outputsSection, REPORT_FORMATS } from './sections/outputs';
import { rolloutSection } from './sections/rollout';
import { snapshotsSection } from './sections/snapshots';

export const scenarioSchema = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  models: modelsSection,
  snapshots: snapshotsSection,
  features: featuresSection.prefault({}),
  shifts: notYet('the replay and drift capability'),
  faults: notYet('the model server capability'),
  profiles: notYet('the Docker backend and resource profiles'),
  load: notYet('the load generator'),
  rollout: rolloutSection.optional(),
  alerts: notYet('four-layer monitoring'),
  drill: notYet('drills'),
  outputs: outputsSection.default({ formats: [...REPORT_FORMATS] }),
});

/** A validated scenario; paths are still as written in the file. */
export type Scenario = z.output<typeof scenarioSchema>;

/** The top-level keys, in the order DESIGN.md lists them. */
export const SCENARIO_KEYS = Object.keys(scenarioSchema.shape) as readonly (keyof Scenario)[];
