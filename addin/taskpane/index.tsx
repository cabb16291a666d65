/**
 * Entry of the task pane and of the standalone page. Waits on one Office gate: inside Excel the
 * pane works on the open workbook through the Office.js port; without Office (Office.js failed to
 * load, or a plain browser tab) it runs standalone on an uploaded .xlsx. A slow Excel is waited
 * for, saying so, with a way to go on without it; an old webview (Internet Explorer, the first
 * Edge) gets webview-check.js's message instead of a blank pane.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost, legacyWebview, viewFromUrl } from './host';
import { s, type Lang } from './i18n';
import { OfficeJsPort } from '../excel/port';
import { startComputeWorker } from '../worker/start';

function WaitingForExcel({ lang, seconds, onStandalone }: { lang: Lang; seconds: number; onStandalone: () => void }): JSX.Element {
  return (
    <div role="status" data-testid="waiting-excel" style={{ padding: 16 }}>
      <p>{s('host.waiting', lang, { seconds })}</p>
      <p style={{ color: '#555' }}>{s('host.waitingHint', lang)}</p>
      <button type="button" onClick={onStandalone}>
        {s('host.useStandalone', lang)}
      </button>
    </div>
  );
}

async function main(): Promise<void> {
  const el = document.getElementById('root');
  if (!el) return;
  const lang: Lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'vi';
  if (legacyWebview(window.navigator.userAgent)) {
    // webview-check.js shows the message (this code rarely even parses there)
    el.textContent = s('host.legacyWebview', lang);
    return;
  }
  document.documentElement.lang = lang;
  const root = createRoot(el);
  let chooseStandalone: () => void = () => undefined;
  const giveUp = new Promise<void>((resolve) => {
    chooseStandalone = resolve;
  });
  const host = await detectHost({ giveUp, onWaiting: (seconds) => root.render(<WaitingForExcel lang={lang} seconds={seconds} onStandalone={chooseStandalone} />) });
  const port = host === 'excel' ? new OfficeJsPort() : undefined;
  // Vietnamese by default; English with ?lang=en or the language switch in the pane
  root.render(<App host={host} initialLang={lang} {...(port ? { port } : {})} initialView={viewFromUrl(window.location.search, window.location.hash) ?? 'compute'} worker={startComputeWorker} />);
}

void main();
