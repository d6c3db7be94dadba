/**
 * The generic training path: a model folder from a snapshot, a training window, a label and
 * features declared as SQL over the raw row (tabularFeatures.ts), through the same trainer and
 * exporter as the demo (tabularModel.ts). Code tables are frozen on the fit rows, so the held-out
 * rows meet unseen values as serving will; each is written to `serving/<feature>-codes.json` and
 * named in the card's `servingTables` and `features`.
 */
import type { SnapshotSection } from '../../common/scenario/sections/snapshots';
import { readMatrix } from './featureMatrix';
import { embeddingDim, featureQuery, freezeCodeTables, validateFeatures, type TabularFeature } from './tabularFeatures';
import { buildTabularModel, type BuiltModel, type NetworkColumn, type TabularModelPlan } from './tabularModel';

/** What to train: the plan of tabularModel.ts less its label, which the snapshot section gives. */
export interface DeclaredModelPlan extends Omit<TabularModelPlan, 'label' | 'heldOutKey'> {
  /** The rows: path, timestamp column, `label` (a column or SQL) and `labelDelay`. */
  readonly snapshot: SnapshotSection;
  /** In input order. */
  readonly features: readonly TabularFeature[];
}

/** Trains and writes one model folder. */
export async function trainDeclaredModel(plan: DeclaredModelPlan): Promise<BuiltModel> {
  const { snapshot, features } = plan;
  if (snapshot.label === undefined) {
    throw new Error(`${plan.name}: the snapshot section needs a label (a column or a SQL expression over the row)`);
  }
  if (!(plan.from < plan.heldOutFrom && plan.heldOutFrom < plan.to)) {
    throw new Error(`${plan.name}: expected from < heldOutFrom < to`);
  }
  validateFeatures(features);
  const tables = await freezeCodeTables(snapshot, features, { from: plan.from, to: plan.heldOutFrom });
  const matrix = await readMatrix(snapshot, featureQuery(features, tables, `of model ${plan.name}`), { from: plan.from, to: plan.to });
  const file = (name: string): string => `serving/${name}-codes.json`;
  const columns: NetworkColumn[] = features.map((f) => {
    if (f.kind === 'numeric') {
      return { kind: 'numeric', log1p: f.log1p ?? false };
    }
    const cardinality = tables[f.name]!.codes.length + 1;
    return { kind: 'categorical', cardinality, dim: embeddingDim(f, cardinality) };
  });
  const declared = features.map((f) =>
    f.kind === 'numeric'
      ? { name: f.name, kind: f.kind, sql: f.sql, log1p: f.log1p ?? false, description: f.description }
      : { name: f.name, kind: f.kind, sql: f.sql, codes: file(f.name), minCount: f.minCount ?? 1, description: f.description },
  );
  return buildTabularModel(
    { ...plan, label: { expression: snapshot.label, labelDelayHours: snapshot.labelDelay / 3_600_000 } },
    {
      matrix,
      columns,
      features: declared,
      servingTables: Object.fromEntries(Object.entries(tables).map(([name, table]) => [`${name}_codes`, { file: file(name), content: table }])),
    },
  );
}
