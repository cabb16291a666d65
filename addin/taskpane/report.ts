/**
 * The official report from the round the pane holds (after "compute"): the engine builds it as
 * data (reportFromRound, the same as `parindex report`) and files/report writes the .docx in the
 * browser. Loaded on demand: the docx library is fetched only when a report is asked for.
 */
import { localIso, reportFromRound, type Lang, type ResultsDocument, type SipasResult } from '../../engine';
import { reportDocx } from '../../files/report/docx';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The report's .docx bytes, or undefined when nothing was scored. */
export async function reportBytes(input: { results?: ResultsDocument; sipas?: SipasResult; units?: readonly { code: string; name: string; kind: string }[] }, lang: Lang): Promise<Uint8Array | undefined> {
  const report = reportFromRound(
    { ...(input.results ? { results: input.results } : {}), ...(input.sipas ? { sipas: input.sipas } : {}), ...(input.units ? { units: input.units } : {}) },
    { lang, date: localIso(new Date()).slice(0, 10) },
  );
  return report ? reportDocx(report) : undefined;
}

/** "master.xlsx" → "master-bao-cao.docx" */
export function reportName(input: string): string {
  return `${input.replace(/\.xlsx$/i, '')}-bao-cao.docx`;
}
