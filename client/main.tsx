import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { registerServiceWorker } from './registerServiceWorker.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/tagging.css';
import './styles/analysis.css';
import './styles/taxonomy.css';
import './styles/comments.css';
import './styles/transfer.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
