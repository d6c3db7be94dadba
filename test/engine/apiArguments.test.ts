/** The API's argument schemas, shared by Electron IPC, the WebSocket and the engine's process (STYLE.md 5). */
import { describe, expect, it } from 'vitest';
import type { RehearsalApi } from '../../src-main/contract/rehearsalApi';
import { dispatchCall, INVOKE_MEMBERS, parseArguments } from '../../src-main/engine/common/api/apiArguments';
import { fromWireError, parseCall, toWireError } from '../../src-main/engine/common/api/wireMessages';
import { InputError } from '../../src-main/engine/common/run/inputError';

const RUN = '8f7c2a52-5b1c-4f57-9f6c-0d5b8a8e1f11';

describe('API arguments', () => {
  it('has a schema for every member answered with a reply', () => {
    expect([...INVOKE_MEMBERS].sort()).toEqual([
      'answerDrill',
      'compareRuns',
      'controlRun',
      'exportReport',
      'getDrillView',
      'getLaunch',
      'getRunView',
      'listRuns',
      'listScenarioFiles',
      'listScenarios',
      'openDrill',
      'startRun',
      'startWhatIf',
      'stopRun',
      'validateScenario',
    ]);
  });

  it('accepts what the API declares', () => {
    expect(parseArguments('getRunView', [RUN])).toEqual([RUN]);
    expect(parseArguments('getRunView', [RUN, { from: '2001-03-01T00:00:00', to: '2001-03-02T00:00:00', untilSeq: 12 }])).toHaveLength(2);
    expect(parseArguments('controlRun', [RUN, { kind: 'speed', speed: 1000 }])).toEqual([RUN, { kind: 'speed', speed: 1000 }]);
    expect(parseArguments('controlRun', [RUN, { kind: 'rollback', reason: 'p99 over the SLA' }])).toHaveLength(2);
    expect(
      parseArguments('startRun', [{ scenarioPath: 's.yaml', speed: 'max', profile: 'staging', backend: 'docker', executionProvider: 'cuda' }]),
    ).toHaveLength(1);
    expect(parseArguments('exportReport', [RUN, { formats: ['html', 'pdf'] }])).toHaveLength(2);
    expect(parseArguments('compareRuns', [RUN, RUN])).toEqual([RUN, RUN]);
    expect(parseArguments('startWhatIf', [{ runId: RUN, profile: 'production', settings: ['maxBatch=16'] }])).toHaveLength(1);
    expect(() => parseArguments('startWhatIf', [{ runId: RUN, profile: 'canary', settings: [] }])).toThrow(/0\.profile.*0\.settings/);
    expect(parseArguments('openDrill', [{ logPath: '/runs/r/events.jsonl' }])).toHaveLength(1);
    expect(parseArguments('answerDrill', [RUN, { action: 'investigate', layer: 2 }])).toEqual([RUN, { action: 'investigate', layer: 2 }]);
    expect(parseArguments('answerDrill', [RUN, null])).toEqual([RUN, null]);
    expect(parseArguments('getDrillView', [RUN, { untilSeq: 3 }])).toHaveLength(2);
  });

  it.each([
    ['controlRun', [RUN, { kind: 'speed', speed: 7 }], '1.speed'],
    ['controlRun', [RUN, { kind: 'explode' }], '1.kind'],
    ['controlRun', [RUN, { kind: 'pause', extra: true }], '1'],
    ['controlRun', ['not-a-run', { kind: 'pause' }], '0'],
    ['getRunView', [RUN, { from: 'yesterday' }], '1.from'],
    ['getRunView', [RUN, { untilSeq: -1 }], '1.untilSeq'],
    ['exportReport', [RUN, { formats: ['docx'] }], '1.formats.0'],
    ['exportReport', [RUN, { formats: [] }], '1.formats'],
    ['startRun', [{ scenarioPath: 's.yaml', speed: 2 }], '0.speed'],
    ['listScenarios', ['extra'], '(args)'],
    ['answerDrill', [RUN, { action: 'panic' }], '1.action'],
    ['answerDrill', [RUN, { action: 'rollback', feature: 'distance' }], '1'],
    ['openDrill', [{ logPath: '' }], '0.logPath'],
  ] as const)('refuses %s(%j), naming %s', (member, args, field) => {
    expect(() => parseArguments(member, args)).toThrow(`${member}: invalid arguments: ${field}`);
  });

  it('dispatches only known members with good arguments', async () => {
    const calls: unknown[] = [];
    const api = { stopRun: async (id: string) => void calls.push(id) } as unknown as RehearsalApi;
    await dispatchCall(api, 'stopRun', [RUN]);
    await expect(dispatchCall(api, 'onDidEmitEvent', [])).rejects.toThrow('unknown member "onDidEmitEvent"');
    await expect(dispatchCall(api, 'constructor', [])).rejects.toThrow('unknown member');
    await expect(dispatchCall(api, 'stopRun', ['../etc'])).rejects.toThrow('invalid arguments');
    expect(calls).toEqual([RUN]);
  });

  it('parses a call message strictly and carries an InputError across with its field', () => {
    expect(parseCall({ type: 'call', id: 1, member: 'getLaunch', args: [] })).toEqual({ type: 'call', id: 1, member: 'getLaunch', args: [] });
    expect(() => parseCall({ type: 'call', id: -1, member: 'getLaunch', args: [] })).toThrow('not a call: id');
    expect(() => parseCall({ type: 'call', id: 1, member: 'getLaunch', args: {} })).toThrow('not a call: args');
    expect(() => parseCall('{"type":"call"}')).toThrow('not a call');
    const back = fromWireError(toWireError(new InputError('s.yaml:3', 'expected a number')));
    expect(back).toBeInstanceOf(InputError);
    expect(back).toMatchObject({ where: 's.yaml:3', problem: 'expected a number', message: 's.yaml:3: expected a number' });
    expect(fromWireError(toWireError(new TypeError('boom')))).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});
