/**
 * Where the pane runs: inside Excel (Office.js loaded and Office.onReady reports Excel) or
 * standalone (Office.js missing — blocked, offline, or a plain browser tab). One gate, awaited
 * once at start-up, with a timeout so a page whose Office.js never answers still starts.
 */
export type HostKind = 'excel' | 'standalone';

export async function detectHost(timeoutMs = 3000): Promise<HostKind> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return 'standalone';
  const ready = Office.onReady().then((info) => (info && info.host === Office.HostType.Excel ? 'excel' : 'standalone') as HostKind);
  const timeout = new Promise<HostKind>((resolve) => setTimeout(() => resolve('standalone'), timeoutMs));
  try {
    return await Promise.race([ready, timeout]);
  } catch {
    return 'standalone';
  }
}

/** The view asked for in the URL (?view=compute), as the ribbon buttons open it. */
export function viewFromUrl(search: string): string | undefined {
  const v = new URLSearchParams(search).get('view');
  return v ?? undefined;
}
