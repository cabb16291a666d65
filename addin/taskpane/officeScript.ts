/**
 * office.js without blocking the page. taskpane.html loads it `async` (id "office-js"), so the
 * page paints at once even when the Office CDN hangs; the pane then waits for the script a short
 * while — longer when the page was opened by Office — and runs standalone when it does not come.
 * Office adds `_host_Info=Excel$…` to the URL of an add-in it opens (the pane also sits in an
 * iframe in Excel on the web): then Excel is worth waiting for.
 */

export type OfficeScript = 'loaded' | 'failed' | 'timeout' | 'gaveUp';

export const OFFICE_SCRIPT_ID = 'office-js';

/** Wait for office.js this long in a plain browser tab before running standalone. */
export const PLAIN_TAB_WAIT_MS = 3000;
/** …and this long when Office opened the page (with the "go on without Excel" button shown). */
export const OFFICE_HOST_WAIT_MS = 20000;

/** Was the page opened by Office (an add-in URL, or framed as in Excel on the web)? */
export function openedByOffice(href: string, framed: boolean): boolean {
  return /[?&#]_host_Info=/i.test(href) || framed;
}

export interface WaitOptions {
  /** The page's document (tests pass their own). */
  doc?: Document;
  /** Whether the Office global exists yet (default: the page's `Office`). */
  hasOffice?: () => boolean;
  timeoutMs: number;
  /** Resolves when the user chooses to go on without Excel. */
  giveUp?: Promise<void>;
}

function officeDefined(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

/**
 * Has the browser already finished fetching `src` (Resource Timing)? A script that finished and
 * ran would have defined `Office`; finished without it means it failed (404, blocked, offline).
 */
function alreadyFinished(src: string): boolean {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByName !== 'function') return false;
  return performance.getEntriesByName(src).some((e) => e.duration > 0 || (e as PerformanceResourceTiming).responseEnd > 0);
}

/**
 * Wait for taskpane.html's office.js: 'loaded' (the Office global is there), 'failed' (the
 * request failed or there is no such script), 'timeout' (the CDN hangs), 'gaveUp' (the user went on).
 * @example const got = await waitForOfficeScript({ timeoutMs: PLAIN_TAB_WAIT_MS });
 */
export function waitForOfficeScript(options: WaitOptions): Promise<OfficeScript> {
  const doc = options.doc ?? document;
  const has = options.hasOffice ?? officeDefined;
  if (has()) return Promise.resolve('loaded');
  const el = doc.getElementById(OFFICE_SCRIPT_ID);
  if (!(el instanceof HTMLScriptElement) || !el.src) return Promise.resolve('failed');
  if (alreadyFinished(el.src)) return Promise.resolve(has() ? 'loaded' : 'failed');
  return new Promise<OfficeScript>((resolve) => {
    let done = false;
    const finish = (r: OfficeScript): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      el.removeEventListener('load', onLoad);
      el.removeEventListener('error', onError);
      resolve(r);
    };
    const onLoad = (): void => finish(has() ? 'loaded' : 'failed');
    const onError = (): void => finish('failed');
    const timer = setTimeout(() => finish(has() ? 'loaded' : 'timeout'), options.timeoutMs);
    el.addEventListener('load', onLoad);
    el.addEventListener('error', onError);
    void options.giveUp?.then(() => finish('gaveUp'));
  });
}
