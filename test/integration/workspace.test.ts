/** The workspace on a real file system: real symlinks, real globs, real model folders, real scenarios. */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../src-main/engine/common/model/modelCard';
import { readReferenceProfile } from '../../src-main/engine/node/model/referenceFile';
import { loadScenario } from '../../src-main/engine/node/scenario/loadScenario';
import { openWorkspace, realPathOf, refusalOf } from '../../src-main/engine/node/workspace/workspaceAccess';
import { ROOT, tempDir } from '../support/paths';

const SMOKE_MODEL = join(ROOT, 'scenarios/smoke/model');

function workspaceOf(...folders: string[]) {
  return openWorkspace(
    folders.map((path) => ({ path, why: 'a test folder' })),
    'pass --workspace <folder>',
  );
}

describe('paths on disk against the workspace', () => {
  it('follows symlinks: a link inside that leads outside is outside, a link outside that leads inside is inside', () => {
    const inside = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.csv'), 'token\nhunter2\n');
    writeFileSync(join(inside, 'data.csv'), 'a\n1\n');
    symlinkSync(join(outside, 'secret.csv'), join(inside, 'link.csv'));
    symlinkSync(join(inside, 'data.csv'), join(outside, 'back.csv'));
    const workspace = workspaceOf(inside);
    expect(refusalOf(workspace, join(inside, 'data.csv'), 'snapshot')).toBeNull();
    expect(refusalOf(workspace, join(inside, 'link.csv'), 'snapshot')).toMatch(/^outside the workspace \(it leads to .*secret\.csv\)/);
    expect(refusalOf(workspace, join(outside, 'back.csv'), 'snapshot')).toBeNull();
    expect(refusalOf(workspace, join(inside, '../', 'x.csv'), 'file')).toMatch(/^outside the workspace/);
    // A file not there yet is judged by the folder it would be in.
    expect(refusalOf(workspace, join(inside, 'later/x.csv'), 'file')).toBeNull();
  });

  it('checks every file a glob matches, and only those', () => {
    const inside = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'shadow'), 'root:*:20228:0:99999:7:::\n');
    mkdirSync(join(inside, 'days/03'), { recursive: true });
    writeFileSync(join(inside, 'days/03/part-1.csv'), 'a\n1\n');
    symlinkSync(join(outside, 'shadow'), join(inside, 'days/03/part-2.csv'));
    symlinkSync(join(outside, 'shadow'), join(inside, 'days/03/notes.txt'));
    symlinkSync(outside, join(inside, 'days/elsewhere'));
    const workspace = workspaceOf(inside);
    expect(refusalOf(workspace, join(inside, 'days/03/part-1.csv'), 'snapshot')).toBeNull();
    expect(refusalOf(workspace, join(inside, 'days/03/*.txt'), 'snapshot')).toContain('notes.txt leads to');
    expect(refusalOf(workspace, join(inside, 'days/03/part-*.csv'), 'snapshot')).toContain('part-2.csv leads to');
    expect(refusalOf(workspace, join(inside, 'days/03/part-1*.csv'), 'snapshot')).toBeNull();
    // A folder link the glob walks into is checked as a folder.
    expect(refusalOf(workspace, join(inside, 'days/*/shadow'), 'snapshot')).toContain('elsewhere leads to');
    expect(refusalOf(workspace, join(inside, '**/*.csv'), 'snapshot')).toContain('part-2.csv leads to');
    expect(refusalOf(workspace, join(outside, '*'), 'snapshot')).toMatch(/^outside the workspace/);
  });

  it('walks a model folder: a serving table or a lock that is a link to outside refuses the model', () => {
    const inside = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    cpSync(SMOKE_MODEL, join(inside, 'model'), { recursive: true });
    const workspace = workspaceOf(inside);
    expect(refusalOf(workspace, join(inside, 'model'), 'model')).toBeNull();
    mkdirSync(join(inside, 'model/serving'), { recursive: true });
    symlinkSync(join(outside, 'passwd'), join(inside, 'model/serving/airports.json'));
    expect(refusalOf(workspace, join(inside, 'model'), 'model')).toContain('serving/airports.json leads to');
    // A bare .onnx file brings what it reads beside it (its digest file, card, lock, serving tables), not the whole folder.
    expect(refusalOf(workspace, join(inside, 'model/model.onnx'), 'model')).toContain('serving/airports.json leads to');
    symlinkSync(join(outside, 'passwd'), join(inside, 'unrelated.txt'));
    cpSync(join(SMOKE_MODEL, 'model.onnx'), join(inside, 'bare.onnx'));
    expect(refusalOf(workspace, join(inside, 'bare.onnx'), 'model')).toBeNull();
  });

  it("refuses a card's reference file outside its model folder, before reading it", () => {
    const inside = tempDir();
    cpSync(SMOKE_MODEL, join(inside, 'model'), { recursive: true });
    expect(() => readReferenceProfile(join(inside, 'model'), { reference: '../../../etc/passwd' } as unknown as ModelCard)).toThrow(
      'reference: expected a file inside the model folder',
    );
    expect(readReferenceProfile(join(inside, 'model'), null)).toBeNull();
  });

  it('resolves the workspace folders themselves, so a folder reached through a link still holds its files', () => {
    const real = tempDir();
    const linked = join(tempDir(), 'linked');
    symlinkSync(real, linked);
    writeFileSync(join(real, 'a.csv'), 'a\n1\n');
    expect(realPathOf(linked)).toBe(realPathOf(real));
    expect(refusalOf(workspaceOf(linked), join(real, 'a.csv'), 'snapshot')).toBeNull();
  });
});

describe('a scenario that names files outside its workspace', () => {
  const scenario = (snapshot: string) => `name: reads-outside
models:
  blue:
    path: ${SMOKE_MODEL}
snapshots:
  production:
    path: ${snapshot}
    format: csv
    timestamp: date
`;

  it('is refused at the field, with its line, before anything it names is read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), scenario('/etc/passwd'));
    const loaded = loadScenario(join(dir, 's.yaml'), {
      workspace: openWorkspace([{ path: ROOT, why: 'the current folder' }], 'pass --workspace <folder>'),
      named: true,
    });
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.issues).toEqual([
      {
        file: join(dir, 's.yaml'),
        line: 7,
        column: 11,
        path: 'snapshots.production.path',
        message: expect.stringMatching(/^\/etc\/passwd: outside the workspace: expected a path under .* \(the current folder\), .* \(the scenario's folder\)/),
      },
    ]);
    expect(JSON.stringify(loaded)).not.toContain('root:');
  });

  it('cannot widen the workspace; a person can, with a folder named outside it', () => {
    const dir = tempDir();
    const data = tempDir();
    writeFileSync(join(data, 'day.csv'), 'date,delay\n2001-03-01 06:00:00,3\n');
    writeFileSync(join(dir, 's.yaml'), scenario(join(data, 'day.csv')));
    const narrow = openWorkspace([{ path: ROOT, why: 'the current folder' }], 'pass --workspace <folder>');
    expect(loadScenario(join(dir, 's.yaml'), { workspace: narrow, named: true }).ok).toBe(false);
    const wide = openWorkspace(
      [
        { path: ROOT, why: 'the current folder' },
        { path: data, why: '--workspace' },
      ],
      'pass --workspace <folder>',
    );
    expect(loadScenario(join(dir, 's.yaml'), { workspace: wide, named: true }).ok).toBe(true);
  });

  it('in the app, a scenario path typed in is itself outside unless the workspace holds it, and is not read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.yaml'), 'secret: hunter2\n');
    const app = openWorkspace([{ path: ROOT, why: 'the project folder' }], 'start the app with --workspace <folder>');
    for (const path of [join(dir, 's.yaml'), '/etc/shadow']) {
      const loaded = loadScenario(path, { workspace: app, named: false });
      expect(!loaded.ok && loaded.issues[0]!.message).toMatch(/^outside the workspace.*start the app with --workspace <folder>/);
      expect(JSON.stringify(loaded)).not.toMatch(/hunter2|root:/);
    }
  });

  it('keeps the demo working from the project: ../node_modules is inside the current folder', () => {
    const loaded = loadScenario(join(ROOT, 'scenarios/smoke.yaml'), {
      workspace: openWorkspace([{ path: ROOT, why: 'the current folder' }], 'pass --workspace <folder>'),
      named: true,
    });
    expect(loaded.ok).toBe(true);
  });
});
