/** The model card's `pipeline` declaration: what it accepts, and errors that name the field. */
import { describe, expect, it } from 'vitest';
import { modelCardSchema } from '../../../src-main/engine/common/model/modelCard';
import { formatPath } from '../../../src-main/engine/common/validation/zodIssue';

const valid = {
  fields: ['rated_at', 'genres'],
  training: { kind: 'sql' },
  serving: { kind: 'module', module: 'serving/features.mjs' },
};

function problems(pipeline: unknown): string[] {
  const parsed = modelCardSchema.safeParse({ pipeline });
  return parsed.success ? [] : parsed.error.issues.map((i) => formatPath(i.path));
}

describe('a declared pipeline', () => {
  it('accepts SQL or a training-features file, a module or a feature service, and fills the defaults', () => {
    const card = modelCardSchema.parse({ pipeline: valid });
    expect(card.pipeline?.serving).toEqual({ kind: 'module', module: 'serving/features.mjs', export: 'features' });
    const file = modelCardSchema.parse({
      pipeline: { ...valid, training: { kind: 'file', file: 'training.parquet', id: 'rating_id' }, serving: { kind: 'http', url: 'http://127.0.0.1:8600/f' } },
    });
    expect(file.pipeline?.serving).toEqual({ kind: 'http', url: 'http://127.0.0.1:8600/f', concurrency: 8 });
  });

  it('names the field of each mistake', () => {
    expect(problems({ ...valid, fields: [] })).toEqual(['pipeline.fields']);
    expect(problems({ ...valid, training: { kind: 'file', file: 'x.parquet' } })).toEqual(['pipeline.training.id']);
    expect(problems({ ...valid, training: { kind: 'python' } })).toEqual(['pipeline.training.kind']);
    expect(problems({ ...valid, serving: { kind: 'module', module: 'serving/features.ts' } })).toEqual(['pipeline.serving.module']);
    expect(problems({ ...valid, serving: { kind: 'http', url: 'file:///etc/passwd' } })).toEqual(['pipeline.serving.url']);
    expect(problems({ ...valid, features: [{ name: '1st', kind: 'numeric' }] })).toEqual(['pipeline.features[0].name']);
    expect(problems({ ...valid, extra: true })).toEqual(['pipeline']);
    expect(problems({ ...valid, servingVariants: { 'bad name': valid.serving } })).toEqual(['pipeline.servingVariants.bad name']);
  });
});
