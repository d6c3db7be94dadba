/** `models`: blue (in production) and green (the candidate), each a model folder or an .onnx file. */
import { z } from 'zod';
import { columnName, unitInterval } from '../values';

/** One model of the rehearsal. */
export const modelSection = z.strictObject({
  /** A model folder (DESIGN.md, "A model folder") or an .onnx file; relative to the scenario file. */
  path: z.string().min(1),
  /** Shown in reports; defaults to the folder or file name. */
  name: z.string().min(1).max(200).optional(),
  /**
   * How snapshot columns feed the model: a list gives the column order of a single matrix input;
   * a map gives the column for each named input. Defaults to the model card's feature order.
   */
  inputs: z.union([z.array(columnName).min(1), z.record(z.string(), columnName)]).optional(),
  /** The decision threshold on the predicted probability. */
  threshold: unitInterval.default(0.5),
});

export const modelsSection = z.strictObject({
  blue: modelSection,
  green: modelSection.optional(),
});

export type ModelSection = z.output<typeof modelSection>;
export type ModelsSection = z.output<typeof modelsSection>;
