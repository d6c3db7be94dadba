/**
 * Trains one flight-delay model and writes its model folder (DESIGN.md, "A model folder"):
 * serving tables frozen from the training window, features through the spec's training SQL, then
 * the project's generic trainer and exporter (engine/node/training/tabularModel.ts): tfjs, ONNX,
 * onnxruntime on the held-out last week, reference.json, training.lock, tfjs/ and model.sha256.
 */
import type { FeatureSpec } from '../../src-main/engine/common/features/featureSpec';
import { writeModelFolder } from '../../src-main/engine/node/model/writeModelFolder';
import { bundleFeatureModule, FEATURE_MODULE } from '../featureModule';
import { readFeatureMatrix } from '../../src-main/engine/node/training/featureMatrix';
import { buildTabularModel, type BuiltModel, type NetworkColumn } from '../../src-main/engine/node/training/tabularModel';
import type { BackendRequest } from '../../src-main/engine/node/training/tfBackend';
import { buildAirportsTable, buildRouteDelayTable } from './flightsTableBuilders';

export type { BuiltModel } from '../../src-main/engine/node/training/tabularModel';

/** One model to build. Times are ms on the data's clock. */
export interface FlightsModelPlan {
  readonly name: string;
  readonly description: string;
  readonly spec: FeatureSpec;
  /** The plugin source the spec is built from into the folder's `serving/features.mjs`. */
  readonly featureEntry: string;
  readonly parquet: string;
  readonly outDir: string;
  /** The training window [from, to); the rows in [heldOutFrom, to) are held out from fitting. */
  readonly from: number;
  readonly heldOutFrom: number;
  readonly to: number;
  readonly seed: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly hidden: readonly number[];
  readonly minAirportFlights: number;
  readonly backend: BackendRequest;
  readonly log: (line: string) => void;
}

const LABEL_DELAY_HOURS = 24;
const EMBEDDING_DIMS: Readonly<Record<string, number>> = { dep_hour: 4, dep_weekday: 3, origin_index: 6, destination_index: 6 };

/** Builds one model folder. */
export async function buildFlightsModel(plan: FlightsModelPlan): Promise<BuiltModel> {
  const { spec } = plan;
  const rawTables: Record<string, unknown> = {
    airports: await buildAirportsTable(plan.parquet, plan.from, plan.heldOutFrom, plan.minAirportFlights),
  };
  if (spec.tables.includes('route_delay')) {
    rawTables['route_delay'] = await buildRouteDelayTable(plan.parquet, plan.from, plan.to, {
      labelDelayHours: LABEL_DELAY_HOURS,
      prior: 0.2,
      priorWeight: 20,
    });
  }
  const tables = spec.prepareTables ? spec.prepareTables(rawTables) : rawTables;
  const section = { path: plan.parquet, timestamp: 'date', label: 'delay > 15', labelDelay: LABEL_DELAY_HOURS * 3_600_000, maxRejectRate: 0 };
  const matrix = await readFeatureMatrix(section, spec, tables, { from: plan.from, to: plan.to });
  const airports = (rawTables['airports'] as { codes: string[] }).codes.length + 1;
  const cardinalities: Readonly<Record<string, number>> = { dep_hour: 24, dep_weekday: 7, origin_index: airports, destination_index: airports };
  // Distance is standardized after log(1 + x); the category codes feed embeddings.
  const columns: NetworkColumn[] = spec.features.map((f) =>
    f.kind === 'categorical'
      ? { kind: 'categorical', cardinality: cardinalities[f.name]!, dim: EMBEDDING_DIMS[f.name]! }
      : { kind: 'numeric', log1p: f.name === 'distance' },
  );
  return buildTabularModel(
    {
      ...plan,
      task: 'P(delay > 15 minutes) of a US domestic flight, at departure',
      producer: 'rehearsal demo:build',
      heldOutKey: 'heldOutWeek',
      label: { expression: 'delay > 15', labelDelayHours: LABEL_DELAY_HOURS },
    },
    {
      matrix,
      columns,
      featureSpec: spec.id,
      featureModule: { file: FEATURE_MODULE, content: await bundleFeatureModule(plan.featureEntry) },
      servingTables: Object.fromEntries(spec.tables.map((t) => [t, { file: `serving/${t.replace('_', '-')}.json`, content: rawTables[t] }])),
    },
  );
}

/**
 * A model folder that is `built` with its route delay table rebuilt without the label delay, as a
 * feature pipeline that forgot it would: the same network, a table whose weekly rates
 * count flights whose delay was not yet known at the week's start. The point-in-time check must
 * catch it; `scenarios/demo-leak.yaml` serves it.
 */
export async function buildLeakyRouteTableModel(
  built: BuiltModel,
  plan: FlightsModelPlan & { readonly leakName: string; readonly leakOutDir: string },
): Promise<string[]> {
  const table = await buildRouteDelayTable(plan.parquet, plan.from, plan.to, { labelDelayHours: 0, prior: 0.2, priorWeight: 20 });
  const card = {
    ...built.card,
    name: plan.leakName,
    description: `${String(built.card['description'])} Its route delay table was rebuilt without the label delay (a delay counted as known at departure), so each week's rates read flights whose delay was not yet known: a point-in-time leak, kept to rehearse the check that catches it.`,
    leak: { table: 'serving/route-delay.json', builtWith: { labelDelayHours: 0 }, shouldBe: { labelDelayHours: LABEL_DELAY_HOURS } },
  };
  const files: Record<string, string | Uint8Array> = { ...built.contents, 'model-card.json': json(card), 'serving/route-delay.json': json(table) };
  return writeModelFolder(plan.leakOutDir, files);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
