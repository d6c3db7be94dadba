/**
 * The model server's raw-record route for a model whose card declares its serving module: the
 * real server (the built bundle, as the embedded backend starts it) loads the MovieLens blue
 * module and scores a raw rating exactly as the same features sent as numbers; a record the module
 * refuses is a 400 naming the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { post, startTestServer } from '../support/servers';

const BLUE = join(ROOT, 'scenarios/examples/movielens/models/blue-v1');

describe('a declared serving module behind /predict', () => {
  it('scores a raw record as its features, and refuses a bad field with 400', async () => {
    const server = await startTestServer(BLUE, { maxQueueDelayMs: 0, timeoutMs: 10_000 });
    const record = { rated_at: '2006-01-16 11:27:22', movie_id: 2761, release_year: 1999, genres: 'Adventure|Animation|Children|Drama|Sci-Fi' };
    const module = (await import(pathToFileURL(join(BLUE, 'serving/features.mjs')).href)) as {
      features: (record: unknown, tables: unknown) => Record<string, number>;
    };
    const tables = { first_genre_codes: JSON.parse(readFileSync(join(BLUE, 'serving/first_genre-codes.json'), 'utf8')) as unknown };
    const values = module.features(record, tables);
    const numeric = ['movie_age', 'genre_count', 'drama', 'comedy', 'first_genre'].map((name) => values[name]!);
    expect(numeric).toEqual([7, 5, 1, 0, 2]);
    const raw = await post(`${server.url}/predict`, { features: record });
    const features = await post(`${server.url}/predict`, { features: numeric });
    expect([raw.status, raw.json]).toEqual([200, expect.anything()]);
    expect(features.status).toBe(200);
    const p = (raw.json as { prediction: number }).prediction;
    expect(p).toBeGreaterThan(0);
    expect(p).toBe((features.json as { prediction: number }).prediction);
    const refused = await post(`${server.url}/predict`, { features: { ...record, genres: 7 } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('genres');
  });
});
