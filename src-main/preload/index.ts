/** The preload: one function per RehearsalApi member, over IPC, and nothing else (STYLE.md 4). */
import { contextBridge, ipcRenderer } from 'electron';
import type { RunEvent } from '../contract/events';
import type { EventChannel, InvokeChannel } from '../contract/ipc';
import type { RehearsalApi } from '../contract/rehearsalApi';

const invoke = (channel: InvokeChannel, ...args: unknown[]): Promise<never> => ipcRenderer.invoke(channel, ...args) as Promise<never>;
const eventChannel: EventChannel = 'rehearsal:event';

// Written out member by member: contextBridge copies own functions, and the type makes a missing one a compile error.
const api: RehearsalApi = {
  getLaunch: () => invoke('rehearsal:getLaunch'),
  listScenarios: () => invoke('rehearsal:listScenarios'),
  listScenarioFiles: () => invoke('rehearsal:listScenarioFiles'),
  validateScenario: (path) => invoke('rehearsal:validateScenario', path),
  startRun: (request) => invoke('rehearsal:startRun', request),
  controlRun: (runId, command) => invoke('rehearsal:controlRun', runId, command),
  getRunView: (runId, query) => invoke('rehearsal:getRunView', runId, query),
  exportReport: (runId, request) => invoke('rehearsal:exportReport', runId, request),
  stopRun: (runId) => invoke('rehearsal:stopRun', runId),
  openDrill: (request) => invoke('rehearsal:openDrill', request),
  answerDrill: (drillId, answer) => invoke('rehearsal:answerDrill', drillId, answer),
  getDrillView: (drillId, query) => invoke('rehearsal:getDrillView', drillId, query),
  listRuns: () => invoke('rehearsal:listRuns'),
  compareRuns: (before, after) => invoke('rehearsal:compareRuns', before, after),
  startWhatIf: (request) => invoke('rehearsal:startWhatIf', request),
  onDidEmitEvent(listener) {
    const handler = (_event: unknown, runId: string, event: RunEvent): void => listener(runId, event);
    ipcRenderer.on(eventChannel, handler);
    return () => {
      ipcRenderer.off(eventChannel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('rehearsal', api);
