/**
 * Where the pane runs: inside Excel (Office.js loaded and Office.onReady reports Excel) or
 * standalone (Office.js missing — blocked, offline, or a plain browser tab). One gate, awaited at
 * start-up. A slow Excel is waited for: every `attemptMs` without an answer the pane says it is
 * waiting and asks Office again; it never drops to standalone on a timer (the user may choose to).
 */
export type HostKind = 'excel' | 'standalone';

/** What the gate needs of the Office global (the real one, or a stand-in in tests). */
export interface OfficeGate {
  onReady(): Promise<{ host: unknown } | null | undefined>;
  HostType: { Excel: unknown };
}

export interface DetectOptions {
  /** The Office global (default: the page's `Office`, when Office.js loaded). */
  office?: OfficeGate | undefined;
  /** How long one wait for Office.onReady lasts before the pane says it is waiting and asks again. Default 3 s. */
  attemptMs?: number;
  /** Called after each unanswered attempt, with the seconds waited so far. */
  onWaiting?: (seconds: number) => void;
  /** Resolves when the user chooses to go on without Excel. */
  giveUp?: Promise<void>;
}

function officeGlobal(): OfficeGate | undefined {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return undefined;
  return Office as unknown as OfficeGate;
}

const WAITED: unique symbol = Symbol('waited');
const GAVE_UP: unique symbol = Symbol('gaveUp');

export async function detectHost(options: DetectOptions = {}): Promise<HostKind> {
  const office = 'office' in options ? options.office : officeGlobal();
  if (!office || typeof office.onReady !== 'function') return 'standalone';
  const attemptMs = options.attemptMs ?? 3000;
  const giveUp = options.giveUp?.then((): typeof GAVE_UP => GAVE_UP);
  let waited = 0;
  for (;;) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof WAITED>((resolve) => {
      timer = setTimeout(() => resolve(WAITED), attemptMs);
    });
    let answer: { host: unknown } | null | undefined | typeof WAITED | typeof GAVE_UP;
    try {
      answer = await Promise.race([office.onReady(), timeout, ...(giveUp ? [giveUp] : [])]);
    } catch {
      answer = null; // Office.js failed to start: no Excel behind it
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
    if (answer === GAVE_UP) return 'standalone';
    if (answer !== WAITED) return answer && answer.host === office.HostType.Excel ? 'excel' : 'standalone';
    waited += attemptMs;
    options.onWaiting?.(Math.round(waited / 1000));
  }
}

/**
 * The old webviews some Office builds open add-ins in: Internet Explorer 11 (Trident) and the
 * first Edge (EdgeHTML). They pass the manifest's ExcelApi 1.8 floor but cannot run the pane's
 * code (a blank pane); addin/taskpane/webview-check.js shows a message there instead.
 */
export function legacyWebview(userAgent: string): 'trident' | 'edgehtml' | undefined {
  if (/Trident\/|MSIE /.test(userAgent)) return 'trident';
  if (/\bEdge\/\d/.test(userAgent)) return 'edgehtml'; // Chromium Edge says "Edg/"
  return undefined;
}

/**
 * The view asked for in the URL, as the ribbon buttons open it: "#view=compute" (one pane for
 * every button: only the fragment changes, so an open pane switches view without reloading), or
 * "?view=compute" (links from before).
 */
export function viewFromUrl(search: string, hash = ''): string | undefined {
  const fromHash = new URLSearchParams(hash.replace(/^#/, '')).get('view');
  if (fromHash) return fromHash;
  const v = new URLSearchParams(search).get('view');
  return v ?? undefined;
}
