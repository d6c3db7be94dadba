/** Renderer entry: the preload's API in Electron, a WebSocket to `rehearse ui` in a browser. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api';
import { App } from './App';
import './styles.css';
import { connectWebSocketApi } from './transport/webSocketApi';

const api = window.rehearsal ?? connectWebSocketApi(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
