/** DuckDB column types sorted into the classes the drift rules speak of. */
import type { TypeClass } from '../../common/drift/columnKind';

const NUMBER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL(\(.*\))?|VARINT|BIGNUM)$/;
const TEMPORAL = /^(DATE|TIME|TIME WITH TIME ZONE|TIMETZ|TIME_NS|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ)$/;
// JSON is text here: DuckDB gives that type to a JSON field whose values mix numbers and strings.
const TEXT = /^(VARCHAR|JSON|UUID|ENUM\(.*\))$/s;

/** The class of a DuckDB type name as DESCRIBE prints it. */
export function typeClassOf(type: string): TypeClass {
  const t = type.trim().toUpperCase();
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
  return /^TIME(_NS| WITH TIME ZONE|TZ)?$/.test(type.trim().toUpperCase());
}
