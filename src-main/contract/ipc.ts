/** The IPC channel names of RehearsalApi, shared by the preload and the main process. */
import type { RehearsalApi } from './rehearsalApi';

/** Members answered with ipcRenderer.invoke; events are pushed on EVENT_CHANNEL. */
export type InvokeMember = Exclude<keyof RehearsalApi, 'onDidEmitEvent'>;

/** `rehearsal:listScenarios`, ... */
export type InvokeChannel = `rehearsal:${InvokeMember}`;

/** The channel run events are pushed on. */
export type EventChannel = 'rehearsal:event';
