/**
 * Builds the feed of the "blue no longer compatible" rollout scenario (committed; run again only
 * to change it): the flights of March 14-15, 2001 from vega-datasets as an upstream feed that
 * stopped sending `destination` on March 15 (the column is still in the file, null from then on,
 * as a feed whose producer dropped the field looks). Blue's serving pipeline reads it; the
 * candidate (the smoke model) does not.
 * Usage: npx tsx scripts/build-rollout-feed.ts
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, sqlString } from '../src-main/engine/node/duckdb/database';
import { projectRoot } from '../src-main/engine/node/run/projectRoot';

const root = projectRoot();
const flights = join(root, 'node_modules/vega-datasets/data/flights-3m.parquet');
const out = join(root, 'scenarios/rollout');
mkdirSync(out, { recursive: true });

const { instance, connection } = await openDatabase();
await connection.run(
  `COPY (SELECT date, delay, distance, origin, CASE WHEN date < TIMESTAMP '2001-03-15' THEN destination END AS destination
         FROM read_parquet(${sqlString(flights)})
         WHERE date >= TIMESTAMP '2001-03-14' AND date < TIMESTAMP '2001-03-16' ORDER BY date)
   TO ${sqlString(join(out, 'feed-without-destination.parquet'))} (FORMAT parquet, COMPRESSION zstd)`,
);
connection.closeSync();
instance.closeSync();
