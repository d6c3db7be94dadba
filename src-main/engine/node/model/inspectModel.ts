/**
 * What `rehearse inspect` shows of a model: inputs and outputs as onnxruntime declares them, the
 * ONNX header (IR version, opsets, producer) read from the protobuf, the sha256 of the .onnx file,
 * the folder's digest check, and what its card says about features.
 */
import { readFileSync } from 'node:fs';
import type { TensorInfo } from '../../../contract/events';
import { InputError } from '../../common/run/inputError';
import { readOnnxInfo, type OnnxInfo } from '../onnx/onnxInfo';
import { openOrtInference } from '../ort/ortInference';
import { readModelCard } from './modelCard';
import { modelLocation, verifyModel } from './modelFolder';

/** A model, described. */
export interface ModelInspection {
  readonly path: string;
  readonly onnxPath: string;
  readonly sha256: string;
  readonly digest: { readonly verified: boolean; readonly message: string };
  readonly onnx: OnnxInfo;
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
  /** From model-card.json, when the folder has one. */
  readonly card: { readonly name?: string; readonly featureSpec?: string; readonly featureOrder?: readonly string[] } | null;
}

/** Inspects a model folder or an .onnx file; a file that is not ONNX is an InputError. */
export async function inspectModel(path: string): Promise<ModelInspection> {
  const { folder, onnxPath, isFolder } = modelLocation(path);
  const artifact = verifyModel(path);
  let onnx: OnnxInfo;
  try {
    onnx = readOnnxInfo(readFileSync(onnxPath));
  } catch (error) {
    throw new InputError(onnxPath, `expected an ONNX model: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  let session;
  try {
    session = await openOrtInference(onnxPath, 'cpu');
  } catch (error) {
    throw new InputError(
      onnxPath,
      `expected an ONNX model that onnxruntime can load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  const { inputs, outputs } = session.inference;
  await session.inference.close();
  const card = isFolder ? readModelCard(folder) : null;
  return {
    path,
    onnxPath,
    sha256: artifact.sha256,
    digest: { verified: artifact.verified, message: artifact.message },
    onnx,
    inputs,
    outputs,
    card: card
      ? {
          ...(card.name ? { name: card.name } : {}),
          ...(card.featureSpec ? { featureSpec: card.featureSpec } : {}),
          ...(card.featureOrder ? { featureOrder: card.featureOrder } : {}),
        }
      : null,
  };
}
