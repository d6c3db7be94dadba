/** Events of model verification and loading. */

/** An input or output of a model as its ONNX session declares it. */
export interface TensorInfo {
  readonly name: string;
  readonly type: string;
  /** Dimensions; a symbolic dimension is its name, an unknown one is null. */
  readonly dims: readonly (number | string | null)[];
}

/** One file of a model folder checked against its digest. */
export interface DigestCheck {
  readonly file: string;
  readonly expected: string | null;
  readonly actual: string | null;
}

export interface ModelVerified {
  readonly kind: 'model.verified';
  readonly role: 'blue' | 'green';
  readonly name: string;
  readonly path: string;
  readonly verified: boolean;
  /** True when the user ran with --allow-unverified (recorded, never silent). */
  readonly allowUnverified: boolean;
  readonly files: readonly DigestCheck[];
  readonly message: string;
}

export interface ModelLoaded {
  readonly kind: 'model.loaded';
  readonly role: 'blue' | 'green';
  readonly name: string;
  readonly sha256: string;
  readonly requestedProvider: string;
  readonly executionProvider: string;
  readonly inputs: readonly TensorInfo[];
  readonly outputs: readonly TensorInfo[];
}

/** CUDA (or another provider) was asked for and could not be used; the run went on with CPU. */
export interface ProviderFallback {
  readonly kind: 'ep.fallback';
  readonly role: 'blue' | 'green';
  readonly requested: string;
  readonly used: string;
  readonly reason: string;
}
