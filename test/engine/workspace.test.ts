import { describe, expect, it } from 'vitest';
import { parseDigestFile } from '../../src-main/engine/common/model/digestFile';
import { duckdbProblem, jsonProblem, yamlProblem } from '../../src-main/engine/common/validation/contentFree';
import {
  folderHolding,
  isWithin,
  outsideMessage,
  segmentPattern,
  splitGlob,
  widenWorkspace,
  type Workspace,
} from '../../src-main/engine/common/workspace/workspace';

const WORKSPACE: Workspace = {
  folders: [
    { path: '/home/ana/project', why: 'the current folder' },
    { path: '/data/flights', why: '--workspace' },
  ],
  widen: 'pass --workspace <folder> to read from another folder',
};

describe('the workspace rule', () => {
  it('holds a folder and what lies below it, not a sibling that shares its prefix', () => {
    expect(isWithin('/home/ana/project', '/home/ana/project')).toBe(true);
    expect(isWithin('/home/ana/project/scenarios/a.yaml', '/home/ana/project/')).toBe(true);
    expect(isWithin('/home/ana/project-old/a.yaml', '/home/ana/project')).toBe(false);
    expect(isWithin('/home/ana', '/home/ana/project')).toBe(false);
    expect(isWithin('/etc/passwd', '/')).toBe(true);
    expect(isWithin('C:\\Users\\ana\\data\\x.csv', 'C:\\Users\\ana')).toBe(true);
    expect(isWithin('C:\\Users\\anb\\x.csv', 'C:\\Users\\ana')).toBe(false);
  });

  it('names the folder that holds a path, or none', () => {
    expect(folderHolding(WORKSPACE, '/data/flights/2001/03.parquet')?.why).toBe('--workspace');
    expect(folderHolding(WORKSPACE, '/etc/passwd')).toBeNull();
  });

  it('says "outside the workspace", where a link leads, every folder and how to widen', () => {
    expect(outsideMessage(WORKSPACE, '/etc/passwd', '/etc/passwd')).toBe(
      'outside the workspace: expected a path under /home/ana/project (the current folder), /data/flights (--workspace); pass --workspace <folder> to read from another folder',
    );
    expect(outsideMessage(WORKSPACE, '/home/ana/project/x.csv', '/etc/shadow')).toContain('outside the workspace (it leads to /etc/shadow)');
    expect(outsideMessage(WORKSPACE, '/home/ana/project/*.csv', '/etc/shadow', '/home/ana/project/b.csv')).toContain(
      '(/home/ana/project/b.csv leads to /etc/shadow)',
    );
  });

  it('is widened by the scenario folder once, never twice', () => {
    const wider = widenWorkspace(WORKSPACE, [
      { path: '/tmp/s', why: "the scenario's folder" },
      { path: '/data/flights/', why: "the scenario's folder" },
    ]);
    expect(wider.folders.map((f) => f.why)).toEqual(['the current folder', '--workspace', "the scenario's folder"]);
  });

  it('splits a glob at its first wildcard and matches its segments as DuckDB does', () => {
    expect(splitGlob('/data/flights/2001-*/part-?.parquet')).toEqual({ base: '/data/flights', segments: ['2001-*', 'part-?.parquet'] });
    expect(splitGlob('/*.csv')).toEqual({ base: '/', segments: ['*.csv'] });
    expect(splitGlob('/data/x.csv')).toEqual({ base: '/data/x.csv', segments: [] });
    expect(segmentPattern('part-?.parquet').test('part-1.parquet')).toBe(true);
    expect(segmentPattern('part-?.parquet').test('part-10.parquet')).toBe(false);
    expect(segmentPattern('*.csv').test('.hidden.csv')).toBe(true);
    expect(segmentPattern('day-[12].csv').test('day-2.csv')).toBe(true);
    expect(segmentPattern('day-[!12].csv').test('day-2.csv')).toBe(false);
    expect(segmentPattern('a+b(1).csv').test('a+b(1).csv')).toBe(true);
  });
});

describe('problems without the file content', () => {
  it('reads a digest file that names only files of its own folder, and never quotes a line', () => {
    const hex = 'a'.repeat(64);
    const parsed = parseDigestFile(`${hex}  model.onnx\n${hex}  ../../etc/passwd\n${hex}  /etc/shadow\nroot:x:0:0:root:/root:/bin/bash\n`);
    expect(parsed.lines).toEqual([{ sha256: hex, file: 'model.onnx' }]);
    expect(parsed.problems).toEqual([
      'line 2: expected a file inside the model folder',
      'line 3: expected a file inside the model folder',
      'line 4: expected "<64 hex digits>  <file>"',
    ]);
  });

  it('words every YAML error by its code, never the source', () => {
    expect(yamlProblem('DUPLICATE_KEY')).toBe('map keys must be unique; a key is repeated');
    expect(yamlProblem('TAG_RESOLVE_FAILED')).not.toContain('!');
    expect(yamlProblem('SOMETHING_NEW')).toBe('text that is not valid YAML');
  });

  it('keeps the position of a JSON error and drops the snippet V8 quotes', () => {
    for (const text of ['root:x:0:0:root:/root:/bin/bash', '{"password": hunter2}', '{"a": 1', '[1,2,,]']) {
      let error: unknown;
      try {
        JSON.parse(text);
      } catch (caught) {
        error = caught;
      }
      const problem = jsonProblem(error, text);
      expect(problem).toMatch(/^not valid JSON/);
      for (const secret of ['root', 'hunter2', 'bin/bash']) {
        expect(problem).not.toContain(secret);
      }
    }
    let error: unknown;
    try {
      JSON.parse('{\n  "a": 1\n  "b": 2\n}');
    } catch (caught) {
      error = caught;
    }
    expect(jsonProblem(error, '{\n  "a": 1\n  "b": 2\n}')).toBe("not valid JSON at line 3, column 3: Expected ',' or '}' after property value");
  });

  it('drops the values DuckDB quotes and keeps the column and the type expected', () => {
    expect(duckdbProblem('Error when converting column "a". Could not convert string "hunter2" to \'DOUBLE\'')).toBe(
      'Error when converting column "a". could not convert a value to DOUBLE',
    );
    expect(duckdbProblem("Conversion Error: Could not convert string 'secret' to DOUBLE\n\nLINE 1: SELECT CAST('secret' AS DOUBLE)")).toBe(
      'Conversion Error: could not convert a value to DOUBLE',
    );
    expect(duckdbProblem('Conversion Error: invalid timestamp field format: "secret", expected format is (YYYY-MM-DD)')).not.toContain('secret');
    expect(duckdbProblem('Conversion Error: CSV Error on Line: 3\nOriginal Line: root:x:0:0')).toBe('Conversion Error: CSV Error on Line: 3');
  });
});
