/**
 * Which statistics a column gets: strings and booleans are categorical; a numeric
 * column is categorical only when it has at most 20 distinct values; date and timestamp
 * columns are skipped unless named; the user's --categorical and --numeric override. The kind
 * follows the reference (the training data), so a unit change in the current sample does not
 * change how the feature is compared.
 */
import type { FeatureKind } from '../../../contract/drift';

/** What a column's storage type is, as far as drift cares. */
export type TypeClass = 'number' | 'text' | 'boolean' | 'temporal' | 'other';

/** At most this many distinct values makes a numeric column categorical. */
export const CATEGORICAL_MAX_DISTINCT = 20;

/** What the kind rule looks at. */
export interface ColumnKindQuestion {
  /** The column's class in the reference, or in the current sample when the reference lacks it. */
  readonly typeClass: TypeClass;
  /** Distinct non-null values (numbers only; null when not counted). */
  readonly distinct: number | null;
  /** Named in --columns. */
  readonly named: boolean;
  readonly forceCategorical: boolean;
  readonly forceNumeric: boolean;
}

/** A kind, or why the column is skipped. */
export type ColumnKindAnswer = { readonly kind: FeatureKind } | { readonly skip: string };

/** The kind of one column, or why it is skipped. */
export function columnKind(q: ColumnKindQuestion): ColumnKindAnswer {
  if (q.forceCategorical) {
    return { kind: 'categorical' };
  }
  if (q.forceNumeric) {
    return { kind: 'numeric' };
  }
  switch (q.typeClass) {
    case 'text':
    case 'boolean':
      return { kind: 'categorical' };
    case 'temporal':
      return q.named ? { kind: 'numeric' } : { skip: 'date/timestamp column: name it in --columns to compare it (as epoch milliseconds), or in --categorical' };
    case 'other':
      return q.named ? { kind: 'categorical' } : { skip: 'nested or binary type: name it in --columns to compare its values as text categories' };
    case 'number':
      return q.distinct !== null && q.distinct <= CATEGORICAL_MAX_DISTINCT ? { kind: 'categorical' } : { kind: 'numeric' };
  }
}
