/** The renderer's only door to the engine: RehearsalApi, whatever the transport (STYLE.md 4). */
import type { RehearsalApi } from '../src-main/contract/rehearsalApi';

declare global {
  interface Window {
    /** Set by the preload in Electron, or by the WebSocket client in browser mode. */
    rehearsal: RehearsalApi;
  }
}

/** The API of this window. */
export function rehearsalApi(): RehearsalApi {
  return window.rehearsal;
}
