/** The smoke model's features: distance in thousands of miles and the local departure hour. */
import type { FeatureSpec } from '../../../src-main/engine/common/features/featureSpec';
import { hourOfDay } from '../../../src-main/engine/common/time/calendar';
import { numberField, wallClockField } from '../../../src-main/engine/common/features/rawRecord';

export const smokeSpec: FeatureSpec = {
  id: 'smoke-v1',
  tables: [],
  features: [
    {
      name: 'distance_k',
      kind: 'numeric',
      fields: ['distance'],
      sql: () => 'distance / 1000.0',
      serve: (record) => numberField(record, 'distance') / 1000,
    },
    {
      name: 'dep_hour',
      kind: 'numeric',
      fields: ['date'],
      sql: () => 'hour(date)',
      serve: (record) => hourOfDay(wallClockField(record, 'date')),
    },
  ],
};

/** The module's default export: the spec, as a model card's `featureModule` names it. */
export default smokeSpec;
