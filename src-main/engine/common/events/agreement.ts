/**
 * The compile-time proof that an event schema and its contract type describe the same thing.
 * The contract is types only (the layering forbids zod there), so the schemas live here and
 * each schema file calls `agree` once; `npm run typecheck` fails when they drift apart.
 *
 * The contract's shapes are readonly all the way down, zod's outputs are not; since readonly is
 * not checked at run time (and freezing every parsed line costs), the outputs are compared as
 * `Frozen`.
 *
 * Mutual assignability alone misses a field added to the contract as optional and forgotten in
 * the schema (`{ a }` and `{ a; b? }` are assignable both ways), so the key paths are compared too.
 */
import type { z } from 'zod';
import type { RunEventBody } from '../../../contract/events';

/** A type with every array and field readonly, as the contract declares its shapes. */
export type Frozen<T> = T extends readonly (infer E)[] ? readonly Frozen<E>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/** A schema's output as the contract would declare it. */
export type Output<S extends z.ZodType> = Frozen<z.output<S>>;

/** Every field path of a type (`check.status`, `sides.blue.p99Ms`); arrays and unions are looked through. */
export type KeyPaths<T> = T extends readonly (infer E)[]
  ? KeyPaths<E>
  : T extends object
    ? { [K in keyof T & string]-?: K | `${K}.${KeyPaths<NonNullable<T[K]>>}` }[keyof T & string]
    : never;

/** 'agree' when both types have the same field paths, else which paths one side lacks. */
export type Agreement<Schema, Contract> = [Exclude<KeyPaths<Contract>, KeyPaths<Schema>>] extends [never]
  ? [Exclude<KeyPaths<Schema>, KeyPaths<Contract>>] extends [never]
    ? 'agree'
    : `only in the schema: ${Exclude<KeyPaths<Schema>, KeyPaths<Contract>>}`
  : `missing from the schema: ${Exclude<KeyPaths<Contract>, KeyPaths<Schema>>}`;

/** `true` when `agree` would type-check for these two types, else `false` (for tests of the agreement itself). */
export type Agrees<Schema, Contract> =
  Agreement<Schema, Contract> extends 'agree' ? ([Schema] extends [Contract] ? ([Contract] extends [Schema] ? true : false) : false) : false;

/**
 * Does nothing at run time. Type-checks only when a schema's output and its contract type are
 * assignable to each other (both ways) and have the same field paths; the compiler's message
 * names the field that differs.
 */
export function agree<Schema, Contract>(proof: {
  readonly keys: Agreement<Schema, Contract>;
  readonly toContract: (value: Schema) => Contract;
  readonly toSchema: (value: Contract) => Schema;
}): void {
  void proof;
}

/** The output of each schema of a map keyed by event kind. */
export type SchemaOutputs<M> = { [K in keyof M]: M[K] extends z.ZodType ? Output<M[K]> : never };

/** The contract's body for each kind a map of schemas names (never for a kind the contract lacks). */
export type ContractBodies<M> = { [K in keyof M]: Extract<RunEventBody, { readonly kind: K }> };
