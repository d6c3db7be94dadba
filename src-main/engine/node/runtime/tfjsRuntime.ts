/**
 * A model folder's tfjs model as one more runtime under test: the network rebuilt in
 * TensorFlow.js from the card's `network` layout and the weights tfjs saved when training ended
 * (training/tfjsWeights.ts), behind the same Inference port as onnxruntime. tfjs is imported only
 * here and only when a folder has a tfjs model; its pure-JS `cpu` backend runs it, as it trained.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { Inference } from '../../common/ports/inference';
import type { RuntimeUnderTest } from '../../common/runtime/runtimeParity';
import { InputError } from '../../common/run/inputError';
import { jsonProblem } from '../../common/validation/contentFree';
import { decodeTfjsWeights, TFJS_MANIFEST, TFJS_WEIGHTS, type TfjsWeightsFile } from '../training/tfjsWeights';
import { disposeTabularNet, tabularNetFromWeights, tabularNetPredict } from '../training/tabularNetTf';

const layoutSchema = z.object({
  inputWidth: z.number().int().positive(),
  numeric: z.array(z.object({ column: z.number().int().min(0), name: z.string(), log1p: z.boolean(), mean: z.number(), std: z.number() })),
  categorical: z.array(
    z.object({ column: z.number().int().min(0), name: z.string(), cardinality: z.number().int().positive(), dim: z.number().int().positive() }),
  ),
  hidden: z.array(z.number().int().positive()),
});

/** True when the folder carries a tfjs model. */
export function hasTfjsModel(folder: string): boolean {
  return existsSync(join(folder, TFJS_MANIFEST));
}

/** The folder's tfjs model as a runtime; an InputError names the file that cannot be read. */
export async function openTfjsRuntime(folder: string): Promise<RuntimeUnderTest> {
  const cardPath = join(folder, 'model-card.json');
  const card = readJson(cardPath) as { network?: unknown; input?: { name?: unknown } };
  const layout = layoutSchema.safeParse(card.network);
  if (!layout.success) {
    throw new InputError(cardPath, `network: expected the tabular network's layout for the tfjs model (${layout.error.issues[0]?.message ?? 'invalid'})`);
  }
  // The pure-JS backend, as training ran; PROD keeps tfjs from printing its advice on stderr.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  const manifestPath = join(folder, TFJS_MANIFEST);
  let weights;
  try {
    weights = decodeTfjsWeights(layout.data, readJson(manifestPath) as TfjsWeightsFile, readFileSync(join(folder, TFJS_WEIGHTS)));
  } catch (error) {
    throw new InputError(manifestPath, `expected the tfjs weights of this model: ${error instanceof Error ? error.message : String(error)}`);
  }
  const net = tabularNetFromWeights(layout.data, weights);
  const input = typeof card.input?.name === 'string' ? card.input.name : 'features';
  const inference: Inference = {
    inputs: [{ name: input, type: 'float32', dims: ['N', layout.data.inputWidth] }],
    outputs: [{ name: 'probability', type: 'float32', dims: ['N', 1] }],
    executionProvider: `tfjs ${tf.getBackend()}`,
    async run(batch) {
      const tensor = batch[input];
      if (tensor === undefined || !(tensor.data instanceof Float32Array) || tensor.dims.length !== 2) {
        throw new Error(`the tfjs model takes one float32 [N, ${layout.data.inputWidth}] input "${input}"`);
      }
      return tabularNetPredict(net, tensor.data, tensor.dims[0]!);
    },
    async close() {
      disposeTabularNet(net);
    },
  };
  return { label: `@tensorflow/tfjs ${tf.version.tfjs} (${tf.getBackend()} backend), the weights training saved`, inference };
}

function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `expected JSON, found ${jsonProblem(error, text)}`);
  }
}
