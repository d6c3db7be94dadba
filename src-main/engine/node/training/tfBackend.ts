/**
 * The TensorFlow.js backend training runs on. `cpu` is tfjs's pure-JavaScript backend: the same
 * arithmetic on every machine, so the demo's model bytes are reproducible. `auto` uses
 * @tensorflow/tfjs-node-gpu when it is installed (it is not a dependency) and otherwise `cpu`.
 * The backend used is returned so that it is printed and recorded in the model card.
 */
import * as tf from '@tensorflow/tfjs';

export type BackendRequest = 'cpu' | 'auto';

/** The backend in use and why. */
export interface BackendChoice {
  readonly name: string;
  readonly reason: string;
}

/** Selects and initializes the backend. */
export async function selectBackend(request: BackendRequest): Promise<BackendChoice> {
  if (request === 'auto') {
    try {
      // A computed specifier keeps bundlers and the type checker from requiring the optional package.
      const optional = '@tensorflow/tfjs-node-gpu';
      await import(optional);
      if (await tf.setBackend('tensorflow')) {
        await tf.ready();
        return { name: 'tensorflow', reason: '@tensorflow/tfjs-node-gpu is installed' };
      }
    } catch (error) {
      await useCpu();
      return {
        name: 'cpu',
        reason: `@tensorflow/tfjs-node-gpu is not usable (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); pure-JS backend`,
      };
    }
  }
  await useCpu();
  return { name: 'cpu', reason: request === 'cpu' ? 'pure-JS backend pinned for reproducible bytes' : 'pure-JS backend' };
}

async function useCpu(): Promise<void> {
  if (!(await tf.setBackend('cpu'))) {
    throw new Error('the tfjs cpu backend could not be initialized');
  }
  await tf.ready();
}

/** The tfjs version in use. */
export function tfjsVersion(): string {
  return tf.version.tfjs;
}
