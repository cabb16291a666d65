/**
 * Entry of the task pane and of the standalone page. Waits on one Office gate: inside Excel the
 * pane works on the open workbook through the Office.js port; without Office (Office.js failed to
 * load, or a plain browser tab) it runs standalone on an uploaded .xlsx.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost, viewFromUrl } from './host';
import { OfficeJsPort } from '../excel/port';
import { startComputeWorker } from '../worker/start';

async function main(): Promise<void> {
  const host = await detectHost();
  const el = document.getElementById('root');
  if (!el) return;
  const port = host === 'excel' ? new OfficeJsPort() : undefined;
  const lang = (() => {
    // Vietnamese by default; English with ?lang=en or the language switch in the pane
    const q = new URLSearchParams(window.location.search).get('lang');
    return q === 'en' ? 'en' : 'vi';
  })();
  document.documentElement.lang = lang;
  createRoot(el).render(<App host={host} initialLang={lang} {...(port ? { port } : {})} initialView={viewFromUrl(window.location.search) ?? 'compute'} worker={startComputeWorker} />);
}

void main();
