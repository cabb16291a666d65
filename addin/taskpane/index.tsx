/**
 * Entry of the task pane and of the standalone page. office.js is loaded without blocking the
 * first paint (./officeScript.ts). Then one Office gate: inside Excel the
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
import { OFFICE_HOST_WAIT_MS, PLAIN_TAB_WAIT_MS, openedByOffice, waitForOfficeScript } from './officeScript';
import { startOffline } from '../offline/register';

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
  const waiting = (seconds: number): void => root.render(<WaitingForExcel lang={lang} seconds={seconds} onStandalone={chooseStandalone} />);
  // office.js loads `async` (taskpane.html): the page has painted already. Opened by Office, Excel
  // is waited for, saying so; in a plain tab a hung CDN costs at most a few seconds, then standalone.
  const byOffice = openedByOffice(window.location.href, window.parent !== window);
  if (byOffice) waiting(0);
  const script = await waitForOfficeScript({ timeoutMs: byOffice ? OFFICE_HOST_WAIT_MS : PLAIN_TAB_WAIT_MS, giveUp });
  const host = script === 'loaded' ? await detectHost({ giveUp, onWaiting: waiting }) : 'standalone';
  const port = host === 'excel' ? new OfficeJsPort() : undefined;
  // Vietnamese by default; English with ?lang=en or the language switch in the pane
  root.render(<App host={host} initialLang={lang} {...(port ? { port } : {})} initialView={viewFromUrl(window.location.search, window.location.hash) ?? 'compute'} worker={startComputeWorker} />);
  // the standalone page only: offline copy (service worker), install, new-version notice
  startOffline({ standalone: host === 'standalone' && !byOffice, lang });
}

void main();
