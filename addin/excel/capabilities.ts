/**
 * Requirement sets the Office.js port uses above the manifest floor (ExcelApi 1.8), detected at
 * run time. A missing feature is skipped and reported as a notice the pane shows in Vietnamese.
 */

export type Feature =
  | 'suspendCalculation'
  | 'conditionalFormats'
  | 'charts'
  | 'chartSeries'
  | 'protection'
  | 'protectionPassword'
  | 'validation'
  | 'freeze'
  | 'tabColor'
  | 'printArea'
  | 'footerMarker'
  | 'mergedAreas';

/** Feature → ExcelApi version that brings it. */
export const FEATURE_SETS: Readonly<Record<Feature, string>> = Object.freeze({
  suspendCalculation: '1.6',
  conditionalFormats: '1.6',
  charts: '1.1',
  /** A chart's own series (names, values, categories), the target line in a combo, the interval's bounds. */
  chartSeries: '1.7',
  protection: '1.2',
  protectionPassword: '1.7',
  validation: '1.8',
  freeze: '1.7',
  tabColor: '1.7',
  printArea: '1.9',
  footerMarker: '1.9',
  mergedAreas: '1.13',
});

export type Capabilities = Readonly<Record<Feature, boolean>>;

export type SetCheck = (name: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: SetCheck): Capabilities {
  const out = {} as Record<Feature, boolean>;
  for (const [feature, version] of Object.entries(FEATURE_SETS) as [Feature, string][]) {
    let ok = false;
    try {
      ok = isSetSupported('ExcelApi', version);
    } catch {
      ok = false;
    }
    out[feature] = ok;
  }
  return Object.freeze(out);
}

/** The check Office offers, or "everything up to 1.8" when Office is not there (manifest floor). */
export function officeSetCheck(): SetCheck {
  const req = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  if (req && typeof req.isSetSupported === 'function') return (name, version) => req.isSetSupported(name, version);
  return (name, version) => name === 'ExcelApi' && compareVersions(version, '1.8') <= 0;
}

/** Compare "1.17" and "1.8" as versions (1.17 is newer), not as decimals. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
