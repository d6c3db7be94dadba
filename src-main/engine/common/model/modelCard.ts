/**
 * model-card.json: what a model folder says about itself. Only the fields the engine reads are
 * validated here; the card carries more (training window, metrics, library versions) for people
 * and the report.
 */
import { z } from 'zod';
import { pipelineDeclarationSchema } from './pipelineDeclaration';

export const modelCardSchema = z.looseObject({
  name: z.string().min(1).optional(),
  /** Input column order of the model's matrix input, when no feature spec is named. */
  featureOrder: z.array(z.string().min(1)).optional(),
  /** The id of the feature spec (training SQL + serving code) the model was trained with. */
  featureSpec: z.string().min(1).optional(),
  /**
   * The ES module in the folder that defines it (`serving/features.mjs`): its default export is
   * the spec. It ships in the folder, under model.sha256, so a model server and its image run the
   * very code the rehearsal checked.
   */
  featureModule: z.string().min(1).optional(),
  /** The serving tables the spec reads: table name -> file under the model folder. */
  servingTables: z.record(z.string(), z.string().min(1)).optional(),
  /**
   * The trainer's network: each categorical column's embedding size, so the server can refuse a
   * code the embedding does not have (the network would clip it to the edge without a word).
   */
  network: z
    .looseObject({
      categorical: z.array(z.looseObject({ column: z.number().int().min(0), name: z.string(), cardinality: z.number().int().min(1) })).optional(),
    })
    .optional(),
  /** The model's pipelines declared (training SQL or features file; serving module or endpoint), instead of a feature module. */
  pipeline: pipelineDeclarationSchema.optional(),
});

export type ModelCard = z.output<typeof modelCardSchema>;
