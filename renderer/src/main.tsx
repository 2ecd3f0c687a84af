import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { useLibrary } from './stores/data';
import { useSettings } from './stores/settings';
import './styles.css';

// What the first screen shows is asked for before the first render, so it arrives while React builds the page.
void useLibrary.getState().load();
// Settings say how dates are written, which colour scheme to use, and whether to ask the consultant's name.
void useSettings.getState().load().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
