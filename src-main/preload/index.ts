/** The preload: one function per RehearsalApi member, over IPC, and nothing else (STYLE.md 4). */
import { contextBridge, ipcRenderer } from 'electron';
import type { RunEvent } from '../contract/events';
import type { EventChannel, InvokeChannel } from '../contract/ipc';
import type { RehearsalApi } from '../contract/rehearsalApi';

const invoke = (channel: InvokeChannel, ...args: unknown[]): Promise<never> => ipcRenderer.invoke(channel, ...args) as Promise<never>;
const eventChannel: EventChannel = 'rehearsal:event';

const api: RehearsalApi = {
  listScenarios: () => invoke('rehearsal:listScenarios'),
  validateScenario: (path) => invoke('rehearsal:validateScenario', path),
  startRun: (request) => invoke('rehearsal:startRun', request),
  stopRun: (runId) => invoke('rehearsal:stopRun', runId),
  onDidEmitEvent(listener) {
    const handler = (_event: unknown, runId: string, event: RunEvent): void => listener(runId, event);
    ipcRenderer.on(eventChannel, handler);
    return () => {
      ipcRenderer.off(eventChannel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('rehearsal', api);
