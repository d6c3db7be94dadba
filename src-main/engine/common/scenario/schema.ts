/**
 * The scenario file (DESIGN.md, "The shape of a rehearsal"): one strict schema, unknown keys are
 * errors. Each section lives in its own file under `sections/`.
 */
import { z } from 'zod';
import { alertsSection } from './sections/alerts';
import { drillSection } from './sections/drill';
import { checkFaultsAgainstLoad, faultsSection } from './sections/faults';
import { featuresSection } from './sections/features';
import { loadSection } from './sections/load';
import { modelsSection } from './sections/models';
import { outputsSection, REPORT_FORMATS } from './sections/outputs';
import { profilesSection } from './sections/profiles';
import { rolloutSection } from './sections/rollout';
import { shiftsSection } from './sections/shifts';
import { snapshotsSection } from './sections/snapshots';

export const scenarioSchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    description: z.string().max(4000).default(''),
    models: modelsSection,
    snapshots: snapshotsSection,
    features: featuresSection.prefault({}),
    shifts: shiftsSection.default([]),
    faults: faultsSection.default([]),
    profiles: profilesSection.optional(),
    load: loadSection.optional(),
    rollout: rolloutSection.optional(),
    alerts: alertsSection.optional(),
    drill: drillSection.optional(),
    outputs: outputsSection.default({ formats: [...REPORT_FORMATS] }),
  })
  .superRefine(checkFaultsAgainstLoad);

/** A validated scenario; paths are still as written in the file. */
export type Scenario = z.output<typeof scenarioSchema>;

/** The top-level keys, in the order DESIGN.md lists them. */
export const SCENARIO_KEYS = Object.keys(scenarioSchema.shape) as readonly (keyof Scenario)[];
