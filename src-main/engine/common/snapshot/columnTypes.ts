/**
 * What a snapshot column's declared type (as DuckDB's DESCRIBE prints it) makes of it: the one
 * rule every part of the product uses. `typeClassOf` sorts it for the drift rules (number, text,
 * boolean, temporal, other); `chunkKindOf` says whether the reader hands it over as numbers (a
 * `NumericColumn`: numbers, booleans, dates and timestamps as epoch ms) or as text (everything
 * else, JSON and UUID included, a time of day, a nested value written out). The DuckDB reader is
 * tested to hand over exactly what `chunkKindOf` says (test/integration/vectorColumns.test.ts).
 */
import type { TypeClass } from '../drift/columnKind';

const NUMBER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL(\(.*\))?|VARINT|BIGNUM)$/;
const TEMPORAL = /^(DATE|TIME|TIME WITH TIME ZONE|TIMETZ|TIME_NS|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ)$/;
// JSON is text: DuckDB gives that type to a JSON field whose values mix numbers and strings.
const TEXT = /^(VARCHAR|JSON|UUID|ENUM\(.*\))$/s;
/** Arbitrary-precision integers have no fixed width to read as a double: the reader writes them out. */
const WRITTEN_OUT = /^(VARINT|BIGNUM)$/;

/** The class of a type name. */
export function typeClassOf(type: string): TypeClass {
  const t = normal(type);
  if (NUMBER.test(t)) {
    return 'number';
  }
  if (t === 'BOOLEAN') {
    return 'boolean';
  }
  if (TEMPORAL.test(t)) {
    return 'temporal';
  }
  return TEXT.test(t) ? 'text' : 'other';
}

/** True for a temporal type that is a time of day (no date to count epoch milliseconds from). */
export function isTimeOfDay(type: string): boolean {
  return /^TIME(_NS| WITH TIME ZONE|TZ)?$/.test(normal(type));
}

/** How the snapshot reader hands a column of this type over: as numbers or as text. */
export function chunkKindOf(type: string): 'number' | 'text' {
  const t = normal(type);
  switch (typeClassOf(t)) {
    case 'number':
      return WRITTEN_OUT.test(t) ? 'text' : 'number';
    case 'boolean':
      return 'number';
    case 'temporal':
      return isTimeOfDay(t) ? 'text' : 'number';
    default:
      return 'text';
  }
}

function normal(type: string): string {
  return type.trim().toUpperCase();
}
