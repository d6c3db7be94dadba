/**
 * Builds the second example's data (committed; run again only to change it): the 100,004 movie
 * ratings of MovieLens "latest-small" (1995-2016) as Debian's r-cran-dslabs ships them, read once
 * through Rscript and written with DuckDB to scenarios/examples/movielens/data/ratings.parquet,
 * one raw row per rating in event-time order. Needs `apt-get install r-cran-dslabs`.
 * Usage: npx tsx scripts/build-example-movielens.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, sqlString } from '../src-main/engine/node/duckdb/database';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';

const out = join(projectRoot(), 'scenarios/examples/movielens/data');
mkdirSync(out, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'movielens-'));
const csv = join(scratch, 'movielens.csv');

// R writes the data frame as it ships (genres is a factor: written as its labels); the package
// version goes to stdout so it can be printed beside the row count.
const r = spawnSync(
  'Rscript',
  [
    '--vanilla',
    '-e',
    `suppressMessages(library(dslabs)); m <- dslabs::movielens; m$genres <- as.character(m$genres);
     utils::write.csv(m, ${JSON.stringify(csv)}, row.names = FALSE, na = "");
     cat(as.character(utils::packageVersion("dslabs")))`,
  ],
  { encoding: 'utf8' },
);
if (r.status !== 0) {
  throw new Error(`Rscript could not export dslabs::movielens (is r-cran-dslabs installed?): ${r.stderr || r.error?.message}`);
}
const version = r.stdout.trim();

const target = join(out, 'ratings.parquet');
const { instance, connection } = await openDatabase();
try {
  // One thread: the same input gives the same file.
  await connection.run('SET threads = 1');
  await connection.run(
    `COPY (SELECT make_timestamp(CAST(timestamp AS BIGINT) * 1000000) AS rated_at, userId::INTEGER AS user_id, movieId::INTEGER AS movie_id,
                  title, year::INTEGER AS release_year, genres, rating::DOUBLE AS rating
           FROM read_csv(${sqlString(csv)}, header = true, quote = '"', escape = '"',
                         columns = {'movieId': 'INTEGER', 'title': 'VARCHAR', 'year': 'INTEGER', 'genres': 'VARCHAR',
                                    'userId': 'INTEGER', 'rating': 'DOUBLE', 'timestamp': 'BIGINT'})
           ORDER BY rated_at, user_id, movie_id)
     TO ${sqlString(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20000)`,
  );
  const summary = await connection.runAndReadAll(
    `SELECT count(*) AS rows, min(rated_at)::VARCHAR AS first, max(rated_at)::VARCHAR AS last FROM read_parquet(${sqlString(target)})`,
  );
  const row = summary.getRowObjectsJson()[0]!;
  process.stdout.write(`dslabs ${version}: ${String(row['rows'])} ratings from ${String(row['first'])} to ${String(row['last'])} in ${target}\n`);
} finally {
  connection.closeSync();
  instance.closeSync();
  rmSync(scratch, { recursive: true, force: true });
}
