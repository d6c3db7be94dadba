/**
 * Features declared as SQL over the raw snapshot row, for a model with no feature spec in the
 * engine. A numeric feature is its expression's value. A categorical feature's values (as text)
 * are frozen into a code table on the fit window: the values seen at least `minCount` times,
 * sorted, coded 1..K; every other value (unseen, rare or null) is 0. The table is written to the
 * model's `serving/` folder, and the training SQL joins against it, so serving code that reads the
 * same table computes the same codes.
 */
import type { LookupJoin, SqlRelation } from '../../common/ports/snapshot';
import type { SnapshotSection } from '../../common/scenario/sections/snapshots';
import { formatEventTime } from '../../common/time/eventTime';
import { sqlIdentifier } from '../duckdb/database';
import { openSnapshot } from '../duckdb/snapshotReader';
import type { MatrixQuery } from './featureMatrix';

/** A numeric feature: a DuckDB SQL expression over one raw row. */
export interface NumericFeature {
  readonly name: string;
  readonly kind: 'numeric';
  readonly sql: string;
  /** Standardize log(1 + x) rather than x (for long-tailed counts and amounts). */
  readonly log1p?: boolean;
  readonly description?: string;
}

/** A categorical feature: a SQL expression whose value (read as text) is looked up in a frozen code table. */
export interface CategoricalFeature {
  readonly name: string;
  readonly kind: 'categorical';
  readonly sql: string;
  /** Values seen fewer times in the fit window share code 0 with unseen ones. Default 1. */
  readonly minCount?: number;
  /** Embedding width. Default: ceil(log2(codes)), between 2 and 16. */
  readonly dim?: number;
  readonly description?: string;
}

export type TabularFeature = NumericFeature | CategoricalFeature;

/** A frozen code table: `codes[i]` is code i + 1; 0 is every value not listed. */
export interface CodeTable {
  readonly description: string;
  readonly feature: string;
  readonly sql: string;
  readonly minCount: number;
  readonly frozenOn: { readonly from: string; readonly to: string; readonly rows: number };
  readonly codes: readonly string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Refuses a feature list that cannot make an input matrix, naming the feature and what was expected. */
export function validateFeatures(features: readonly TabularFeature[]): void {
  if (features.length === 0) {
    throw new Error('features: expected at least one feature');
  }
  const seen = new Set<string>();
  features.forEach((f, i) => {
    if (!NAME.test(f.name)) {
      throw new Error(`features[${i}].name: expected letters, digits and _ (not starting with a digit), found "${f.name}"`);
    }
    if (seen.has(f.name)) {
      throw new Error(`features[${i}].name: "${f.name}" is declared twice`);
    }
    seen.add(f.name);
    if (f.sql.trim() === '') {
      throw new Error(`features[${i}].sql: expected a SQL expression over the row for "${f.name}"`);
    }
    if (f.kind === 'categorical' && ((f.minCount ?? 1) < 1 || (f.dim !== undefined && !(Number.isInteger(f.dim) && f.dim >= 1)))) {
      throw new Error(`features[${i}] ("${f.name}"): expected minCount >= 1 and an integer dim >= 1`);
    }
  });
}

/** The code table of each categorical feature, counted on the rows of `section` in [from, to). */
export async function freezeCodeTables(
  section: SnapshotSection,
  features: readonly TabularFeature[],
  window: { readonly from: number; readonly to: number },
): Promise<Record<string, CodeTable>> {
  const categorical = features.filter((f): f is CategoricalFeature => f.kind === 'categorical');
  if (categorical.length === 0) {
    return {};
  }
  const counts = new Map(categorical.map((f) => [f.name, new Map<string, number>()]));
  const derived = Object.fromEntries(categorical.map((f) => [f.name, categoryText(f.sql)]));
  const source = await openSnapshot(section, 'training');
  let rows = 0;
  try {
    for await (const chunk of source.read({ columns: categorical.map((f) => f.name), derived, ...window })) {
      rows += chunk.rowCount;
      for (const f of categorical) {
        const column = chunk.columns[f.name]!;
        if (column.kind !== 'text') {
          throw new Error(`categorical feature ${f.name}: expected its values as text, found numbers`);
        }
        const tally = counts.get(f.name)!;
        for (const value of column.values) {
          if (value !== null) {
            tally.set(value, (tally.get(value) ?? 0) + 1);
          }
        }
      }
    }
  } finally {
    await source.close();
  }
  const frozenOn = { from: formatEventTime(window.from), to: formatEventTime(window.to), rows };
  return Object.fromEntries(
    categorical.map((f) => {
      const minCount = f.minCount ?? 1;
      const codes = [...counts.get(f.name)!].filter(([, n]) => n >= minCount).map(([value]) => value);
      // Code-unit order, not the locale's: the same table on every machine.
      codes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const description = `Codes of ${f.name} = CAST((${f.sql}) AS VARCHAR), frozen on ${frozenOn.from} to ${frozenOn.to}: codes[i] is code i + 1; 0 is every value not listed (unseen, seen fewer than ${minCount} times, or null).`;
      return [f.name, { description, feature: f.name, sql: f.sql, minCount, frozenOn, codes }];
    }),
  );
}

/**
 * The input matrix's query: each numeric feature as a DOUBLE, each categorical one as its code
 * through its table. `namespace` keeps two models' tables and lookups apart in one query.
 */
export function featureQuery(features: readonly TabularFeature[], tables: Readonly<Record<string, CodeTable>>, of: string, namespace = ''): MatrixQuery {
  const sql: Record<string, string> = {};
  const relations: Record<string, SqlRelation> = {};
  const joins: LookupJoin[] = [];
  for (const f of features) {
    if (f.kind === 'numeric') {
      sql[f.name] = `CAST((${f.sql}) AS DOUBLE)`;
      continue;
    }
    const table = tables[f.name];
    if (table === undefined) {
      throw new Error(`categorical feature ${f.name} has no code table`);
    }
    const relation = `${namespace}codes_${f.name}`;
    const alias = `${namespace}lookup_${f.name}`;
    relations[relation] = {
      columns: [
        { name: 'value', type: 'VARCHAR' },
        { name: 'code', type: 'BIGINT' },
      ],
      rows: table.codes.map((value, i) => [value, i + 1]),
    };
    joins.push({ alias, relation, on: { value: categoryText(f.sql) }, columns: ['code'] });
    sql[f.name] = `CAST(coalesce(${sqlIdentifier(`${alias}.code`)}, 0) AS DOUBLE)`;
  }
  return { names: features.map((f) => f.name), sql, relations, joins, of };
}

/** The embedding width of a categorical feature with `cardinality` codes (0 included). */
export function embeddingDim(feature: CategoricalFeature, cardinality: number): number {
  return feature.dim ?? Math.min(16, Math.max(2, Math.ceil(Math.log2(cardinality))));
}

function categoryText(sql: string): string {
  return `CAST((${sql}) AS VARCHAR)`;
}
