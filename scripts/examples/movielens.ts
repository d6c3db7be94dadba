/**
 * The second example's models, declared: MovieLens ratings (scenarios/examples/movielens), the
 * label "the user rated the movie 4 stars or more", features as DuckDB SQL over one raw row
 * (rated_at, user_id, movie_id, title, release_year, genres, rating). Blue is trained on
 * 1996-2000 with what the movie is (age, genres); green on 1999-2005 with the movie itself as one
 * more feature (its own embedding, from a code table of the movies rated 5 times or more).
 */
import { join } from 'node:path';
import type { SnapshotSection } from '../../src-main/engine/common/scenario/sections/snapshots';
import type { TabularFeature } from '../../src-main/engine/node/training/tabularFeatures';

/** The example's folder, under the project root. */
export const EXAMPLE_DIR = 'scenarios/examples/movielens';

/** The raw ratings as a training snapshot. */
export function ratingsSnapshot(root: string): SnapshotSection {
  return { path: join(root, EXAMPLE_DIR, 'data/ratings.parquet'), timestamp: 'rated_at', label: 'rating >= 4', labelDelay: 0, maxRejectRate: 0 };
}

/** Blue's features, in input order. */
export const BLUE_FEATURES: readonly TabularFeature[] = [
  {
    name: 'movie_age',
    kind: 'numeric',
    sql: 'year(rated_at) - coalesce(release_year, year(rated_at))',
    description: 'Years between the release and the rating (0 when the release year is unknown).',
  },
  { name: 'genre_count', kind: 'numeric', sql: "len(string_split(genres, '|'))", description: 'How many genres the movie is listed under.' },
  { name: 'drama', kind: 'numeric', sql: "CASE WHEN list_contains(string_split(genres, '|'), 'Drama') THEN 1 ELSE 0 END", description: '1 for a drama.' },
  { name: 'comedy', kind: 'numeric', sql: "CASE WHEN list_contains(string_split(genres, '|'), 'Comedy') THEN 1 ELSE 0 END", description: '1 for a comedy.' },
  {
    name: 'first_genre',
    kind: 'categorical',
    sql: "split_part(genres, '|', 1)",
    minCount: 20,
    dim: 3,
    description: 'The first genre listed (MovieLens lists them alphabetically).',
  },
];

/** Green's features: blue's and the movie. */
export const GREEN_FEATURES: readonly TabularFeature[] = [
  ...BLUE_FEATURES,
  { name: 'movie', kind: 'categorical', sql: 'movie_id', minCount: 5, dim: 8, description: 'The movie, among those rated 5 times or more in the fit window.' },
];
