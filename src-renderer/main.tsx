/** Renderer entry: the preload's API in Electron, a WebSocket to `rehearse ui` in a browser. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext } from './api';
import { App } from './App';
// One stylesheet per part of the screen, in cascade order (later parts may refine earlier ones).
import './styles/base.css';
import './styles/runControls.css';
import './styles/exportPopover.css';
import './styles/progress.css';
import './styles/screen.css';
import './styles/lists.css';
import './styles/timeline.css';
import './styles/bottomRow.css';
import './styles/openFile.css';
import './styles/drill.css';
import './styles/history.css';
import { connectWebSocketApi } from './transport/webSocketApi';

const api = window.rehearsal ?? connectWebSocketApi(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
