/**
 * How the snapshot's columns feed a model: a feature spec or declared pipelines compute its own
 * inputs from the raw row; `--features` lists an unnamed matrix input's columns; a card's feature order names them;
 * otherwise each input is matched to the column of its name. A model input without a column is
 * the user's to fix, named with what the snapshot has.
 */
import { planInputs } from '../features/inputPlan';
import type { ModelFacts, SnapshotFacts } from './draftFacts';

/** The scenario's `models.<role>.inputs` (absent: the card's order or names), and why. */
export type InputChoice =
  | { readonly ok: true; readonly inputs: readonly string[] | undefined; readonly reason: string }
  | { readonly ok: false; readonly field: string; readonly problem: string };

/** Maps the model's inputs to the snapshot's columns. */
export function chooseInputs(model: ModelFacts, snapshot: SnapshotFacts): InputChoice {
  const available = snapshot.columns.map((c) => c.name);
  const flag = model.role === 'blue' ? '--features' : '--green-features';
  const where = `${model.role === 'blue' ? '--model' : '--green'} ${model.name}`;
  if (model.featureSpec !== undefined && model.features === undefined) {
    const absent = (model.specFields ?? []).filter((f) => !available.includes(f));
    if (absent.length > 0) {
      return {
        ok: false,
        field: where,
        problem: `feature spec ${model.featureSpec} reads ${absent.join(', ')}, not columns of ${snapshot.path} (${available.join(', ')})`,
      };
    }
    return { ok: true, inputs: undefined, reason: `its card names feature spec ${model.featureSpec}, whose training SQL computes the inputs from the raw row` };
  }
  if (model.pipelineFields !== undefined && model.features === undefined) {
    const absent = model.pipelineFields.filter((f) => !available.includes(f));
    if (absent.length > 0) {
      return {
        ok: false,
        field: where,
        problem: `its declared pipelines read ${absent.join(', ')}, not columns of ${snapshot.path} (${available.join(', ')})`,
      };
    }
    return {
      ok: true,
      inputs: undefined,
      reason: `its card declares its pipelines, which compute the inputs from the raw row's ${model.pipelineFields.join(', ')}`,
    };
  }
  const only = model.inputs.length === 1 ? model.inputs[0]! : undefined;
  const matrix = only !== undefined && only.dims.length === 2 && only.dims[1] !== 1;
  if (matrix && model.features === undefined && model.featureOrder === undefined) {
    return {
      ok: false,
      field: where,
      problem: `its one input "${only.name}" is a matrix [${only.dims.map((d) => d ?? 'N').join(', ')}] whose columns the model does not name (no featureOrder in a model card): give them in order with ${flag} a,b,c`,
    };
  }
  const list = matrix ? (model.features ?? model.featureOrder) : model.features;
  const planned = planInputs(model.inputs, list, undefined, available);
  if (!planned.ok) {
    const hint = matrix && model.features === undefined ? `; these are its card's feature order: give the snapshot's columns in order with ${flag} a,b,c` : '';
    return { ok: false, field: model.features ? flag : where, problem: `${planned.problems.join('; ')}${hint}` };
  }
  if (model.features) {
    return { ok: true, inputs: model.features, reason: `given by ${flag}, in the order of input "${model.inputs[0]?.name}"` };
  }
  if (matrix) {
    return { ok: true, inputs: undefined, reason: `its card's feature order (${list!.join(', ')}), every one a column of the snapshot` };
  }
  return { ok: true, inputs: undefined, reason: `each of its ${model.inputs.length} inputs matched to the column of its name` };
}
