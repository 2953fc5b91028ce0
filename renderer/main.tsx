import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { watchDroppedFiles } from './data/dropped-files.ts';
import { watchImportRequests } from './data/import-requests.ts';
import { watchLedger } from './state/ledger-store.ts';
import { connectApi } from './transport/api.ts';
import { chooseTransport } from './transport/choose-transport.ts';
import './styles/index.css';

connectApi(chooseTransport());
watchLedger();
watchDroppedFiles();
watchImportRequests();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element to render into.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
