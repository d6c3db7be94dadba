/**
 * Reads a model's inputs from an Open Inference Protocol (KServe v2) server, so that numeric
 * payloads have the model's width and `infer` bodies the model's tensor names and types.
 */
import { payloadProfileSchema, type PayloadProfile } from '../../common/load/payloadProfile';
import { InputError } from '../../common/run/inputError';

/** One input tensor as `GET /v2/models/{name}` describes it. */
export interface TensorMetadata {
  readonly name: string;
  readonly datatype: string;
  readonly shape: readonly number[];
}

/** A model's metadata: its name and input tensors, and what this project's server adds. */
export interface ModelMetadata {
  readonly name: string;
  readonly inputs: readonly TensorMetadata[];
  /** `parameters.reference_profile`: the rows a load can draw from; absent from other servers, or without a reference.json. */
  readonly profile?: PayloadProfile;
  /** `parameters.category_codes`: the names of the features that are category codes. */
  readonly categorical?: readonly string[];
}

const UNREACHABLE = 'cannot reach the server';

/** Fetches the metadata of `name`, or of the server's first model when no name is given. */
export async function fetchModelMetadata(baseUrl: string, name: string | undefined): Promise<ModelMetadata> {
  const model = name ?? (await firstModelName(baseUrl));
  const url = new URL(`v2/models/${encodeURIComponent(model)}`, withSlash(baseUrl));
  const body = await getJson(url, 'GET');
  return parseMetadata(body, url.href);
}

/** The elements one row of an input holds: the product of its shape past the batch dimension. */
export function rowWidth(input: TensorMetadata, where: string): number {
  const dims = input.shape.slice(1);
  if (dims.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new InputError(where, `input "${input.name}" has shape [${input.shape.join(', ')}]; expected a fixed width past the batch dimension`);
  }
  return dims.reduce((a, b) => a * b, 1);
}

/**
 * The first model the server lists in the model repository extension's index
 * (`POST /v2/repository/index`, as Triton and the model server answer it). Servers without it
 * need `--model-name`.
 */
async function firstModelName(baseUrl: string): Promise<string> {
  const url = new URL('v2/repository/index', withSlash(baseUrl));
  let body: unknown;
  try {
    body = await getJson(url, 'POST');
  } catch (error) {
    if (error instanceof InputError && error.problem.startsWith(UNREACHABLE)) {
      throw error;
    }
    throw new InputError(baseUrl, `cannot list the server's models (${error instanceof Error ? error.message : String(error)}); name one with --model-name`);
  }
  const first = Array.isArray(body) ? (body as unknown[]).find((m): m is { name: string } => isRecord(m) && typeof m['name'] === 'string') : undefined;
  if (first === undefined) {
    throw new InputError(url.href, 'the repository index lists no model; name one with --model-name');
  }
  return first.name;
}

function parseMetadata(body: unknown, where: string): ModelMetadata {
  if (!isRecord(body) || typeof body['name'] !== 'string' || !Array.isArray(body['inputs'])) {
    throw new InputError(where, 'expected Open Inference Protocol model metadata: {"name", "inputs": [{"name", "datatype", "shape"}]}');
  }
  const inputs = body['inputs'].map((input, i): TensorMetadata => {
    if (!isRecord(input) || typeof input['name'] !== 'string' || typeof input['datatype'] !== 'string' || !Array.isArray(input['shape'])) {
      throw new InputError(where, `inputs[${i}]: expected {"name", "datatype", "shape"}`);
    }
    return { name: input['name'], datatype: input['datatype'], shape: input['shape'].map(Number) };
  });
  if (inputs.length === 0) {
    throw new InputError(where, 'the model lists no inputs');
  }
  return { name: body['name'], inputs, ...extensionsOf(body['parameters']) };
}

/** The server's additions, read leniently: another server's `parameters` mean something else. */
function extensionsOf(parameters: unknown): Pick<ModelMetadata, 'profile' | 'categorical'> {
  if (!isRecord(parameters)) {
    return {};
  }
  const profile = payloadProfileSchema.safeParse(parameters['reference_profile']);
  const codes = parameters['category_codes'];
  const categorical = Array.isArray(codes) ? codes.flatMap((c) => (isRecord(c) && typeof c['name'] === 'string' ? [c['name']] : [])) : [];
  return { ...(profile.success ? { profile: profile.data } : {}), ...(categorical.length > 0 ? { categorical } : {}) };
}

async function getJson(url: URL, method: 'GET' | 'POST'): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      ...(method === 'POST' ? { body: '{}' } : {}),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new InputError(url.href, `${UNREACHABLE}: ${cause}`);
  }
  const text = await response.text();
  if (!response.ok) {
    throw new InputError(url.href, `${method} answered ${response.status}: ${text.slice(0, 200)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new InputError(url.href, `expected JSON, got ${JSON.stringify(text.slice(0, 80))}`);
  }
}

/** Resolving `v2/...` against a base needs the base to end in `/` to keep its path. */
export function withSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
