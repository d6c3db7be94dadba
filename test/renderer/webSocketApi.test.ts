// @vitest-environment happy-dom
/** Browser mode's client: the same RehearsalApi as the preload's, over WebSocket messages. */
import { describe, expect, it } from 'vitest';
import { INVOKE_MEMBERS } from '../../src-main/engine/common/api/apiArguments';
import { connectWebSocketApi } from '../../src-renderer/transport/webSocketApi';

/** A WebSocket that records what is sent and lets the test answer. */
class FakeSocket extends EventTarget {
  static last: FakeSocket | null = null;
  readonly sent: unknown[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.last = this;
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  open(): void {
    this.dispatchEvent(new Event('open'));
  }
  receive(message: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  close(): void {
    this.dispatchEvent(new Event('close'));
  }
}

const RUN = '8f7c2a52-5b1c-4f57-9f6c-0d5b8a8e1f11';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WebSocket RehearsalApi', () => {
  it('has exactly the members of the API, as the preload does', () => {
    const api = connectWebSocketApi('ws://127.0.0.1:1/api', FakeSocket as unknown as typeof WebSocket);
    expect(Object.keys(api).sort()).toEqual([...INVOKE_MEMBERS, 'onDidEmitEvent'].sort());
  });

  it('sends calls once open, leaves out an omitted optional argument, and pairs replies by id', async () => {
    const api = connectWebSocketApi('ws://127.0.0.1:1/api', FakeSocket as unknown as typeof WebSocket);
    const socket = FakeSocket.last!;
    const view = api.getRunView(RUN);
    const launch = api.getLaunch();
    await settle();
    expect(socket.sent).toEqual([]);
    socket.open();
    await settle();
    expect(socket.sent).toEqual([
      { type: 'call', id: 1, member: 'getRunView', args: [RUN] },
      { type: 'call', id: 2, member: 'getLaunch', args: [] },
    ]);
    socket.receive({ type: 'reply', id: 2, ok: true, value: { scenario: null } });
    socket.receive({ type: 'reply', id: 1, ok: false, error: { name: 'Error', message: `no run ${RUN} in this session` } });
    await expect(launch).resolves.toEqual({ scenario: null });
    await expect(view).rejects.toThrow(`no run ${RUN} in this session`);
  });

  it('keeps an InputError a named error, pushes events to subscribers, and fails pending calls when the socket closes', async () => {
    const api = connectWebSocketApi('ws://127.0.0.1:1/api', FakeSocket as unknown as typeof WebSocket);
    const socket = FakeSocket.last!;
    socket.open();
    const start = api.startRun({ scenarioPath: 'x.yaml' });
    await settle();
    socket.receive({ type: 'reply', id: 1, ok: false, error: { name: 'InputError', message: 'x.yaml: scenario file not found', where: 'x.yaml' } });
    await expect(start).rejects.toMatchObject({ name: 'InputError', message: 'x.yaml: scenario file not found' });
    const seen: string[] = [];
    const stop = api.onDidEmitEvent((runId, event) => seen.push(`${runId}:${event.kind}`));
    socket.receive({ type: 'event', runId: RUN, event: { seq: 1, eventTime: null, wallTime: 'w', kind: 'notice', level: 'info', message: 'm' } });
    stop();
    socket.receive({ type: 'event', runId: RUN, event: { seq: 2, eventTime: null, wallTime: 'w', kind: 'notice', level: 'info', message: 'm' } });
    expect(seen).toEqual([`${RUN}:notice`]);
    const pending = api.listScenarios();
    await settle();
    socket.close();
    await expect(pending).rejects.toThrow('the connection to the engine closed');
    await expect(api.listScenarios()).rejects.toThrow('the connection to the engine closed');
  });
});
