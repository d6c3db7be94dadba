/** `features`: named features the snapshot does not carry as columns. */
import { z } from 'zod';
import { columnName, sqlExpression } from '../values';

export const featuresSection = z.strictObject({
  /** Training-pipeline definitions: a name and a SQL expression over one snapshot row. */
  derived: z.record(columnName, sqlExpression).default({}),
});

export type FeaturesSection = z.output<typeof featuresSection>;
