/**
 * MovieLens serving features: one raw rating request in, the model's features out, as a serving
 * service would compute them per request (in TypeScript, by hand, not from the training SQL). The
 * training side is the SQL in each model card's `features`; the rehearsal's feature-parity check
 * compares the two on sampled requests. Bundled into each model folder's `serving/features.mjs` by
 * scripts/build-example-movielens-serving.ts.
 */

type RawValue = string | number | boolean | null;
type RawRecord = Readonly<Record<string, RawValue>>;

/** A frozen code table (serving/<feature>-codes.json): codes[i] is code i + 1, every other value 0. */
interface CodeTable {
  readonly codes: readonly string[];
}

/** A bad field, named: the rehearsal counts the record as refused with this field. */
class RecordFieldError extends Error {
  constructor(
    readonly field: string,
    expected: string,
    found: RawValue | undefined,
  ) {
    super(`field "${field}": expected ${expected}, found ${JSON.stringify(found ?? null)}`);
    this.name = 'RecordFieldError';
  }
}

const coders = new WeakMap<CodeTable, Map<string, number>>();

/** The value's code: its position in the table plus one, 0 when not listed or null. */
function code(table: CodeTable | undefined, value: string | null): number {
  if (table === undefined) {
    throw new Error('a code table the model card lists is missing');
  }
  let coder = coders.get(table);
  if (coder === undefined) {
    coder = new Map(table.codes.map((c, i) => [c, i + 1]));
    coders.set(table, coder);
  }
  return value === null ? 0 : (coder.get(value) ?? 0);
}

function text(record: RawRecord, field: string): string {
  const value = record[field];
  if (typeof value !== 'string') {
    throw new RecordFieldError(field, 'text', value);
  }
  return value;
}

/** The rating's time (`2006-01-01 03:47:51`, UTC) as its year and milliseconds. */
function ratedAt(record: RawRecord): { readonly year: number; readonly ms: number } {
  const value = text(record, 'rated_at');
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  if (!Number.isFinite(ms)) {
    throw new RecordFieldError('rated_at', 'a timestamp such as 2006-01-01 03:47:51', value);
  }
  return { year: new Date(ms).getUTCFullYear(), ms };
}

function releaseYear(record: RawRecord): number | null {
  const value = record['release_year'];
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new RecordFieldError('release_year', 'an integer year or null', value);
  }
  return value;
}

/** The features every model reads; `movie` only where the card lists a movie code table. */
export function features(record: RawRecord, tables: Readonly<Record<string, CodeTable>>): Record<string, number> {
  const rated = ratedAt(record);
  const genres = text(record, 'genres').split('|');
  const values: Record<string, number> = {
    movie_age: rated.year - (releaseYear(record) ?? rated.year),
    genre_count: genres.length,
    drama: genres.includes('Drama') ? 1 : 0,
    comedy: genres.includes('Comedy') ? 1 : 0,
    first_genre: code(tables['first_genre_codes'], genres[0] ?? null),
  };
  if (tables['movie_codes'] !== undefined) {
    const movie = record['movie_id'];
    values['movie'] = code(tables['movie_codes'], movie === null || movie === undefined ? null : String(movie));
  }
  return values;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * A serving change a team might ship: the movie's age in completed years since the middle of its
 * release year, where training took the difference of calendar years (a rating in the first half
 * of a year is then a year younger).
 */
export function featuresAgeInCompletedYears(record: RawRecord, tables: Readonly<Record<string, CodeTable>>): Record<string, number> {
  const values = features(record, tables);
  const release = releaseYear(record);
  const rated = ratedAt(record);
  values['movie_age'] = release === null ? 0 : Math.floor((rated.ms - Date.UTC(release, 6, 1)) / YEAR_MS);
  return values;
}
