/** The renderer's only door to the engine: one RehearsalApi, whatever the transport (STYLE.md 4). */
import { createContext, useContext } from 'react';
import type { RehearsalApi } from '../src-main/contract/rehearsalApi';

declare global {
  interface Window {
    /** Set by the preload in Electron; absent in browser mode, where main.tsx connects a WebSocket. */
    rehearsal?: RehearsalApi;
  }
}

/** The API of this window, for every component below the provider. */
export const ApiContext = createContext<RehearsalApi | null>(null);

/** The API; components never reach for `window.rehearsal` themselves. */
export function useApi(): RehearsalApi {
  const api = useContext(ApiContext);
  if (api === null) {
    throw new Error('useApi outside <ApiContext.Provider>');
  }
  return api;
}
