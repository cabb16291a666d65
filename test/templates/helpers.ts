/** Shared builders for template tests: a master workbook on disk, answers as a unit gives them. */
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import type { Assessment } from '../../engine/model/assessment';
import { renderMasterInputSheets, type PlanTaskRow } from '../../engine/workbook/master';
import { ExcelJsPort } from '../../files/port';
import type { TemplateAnswer } from '../../files/templates';
import { framework, units } from './fixture';

export async function tmpDir(prefix: string): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), `parindex-${prefix}-`));
}

export const DEADLINE = '2023-11-30';

/** Master workbook with the fixture criteria set, units and a self-assessment deadline. */
export async function writeMaster(file: string, assessments: Assessment[] = [], plan?: PlanTaskRow[]): Promise<void> {
  const port = ExcelJsPort.create();
  await port.write(
    renderMasterInputSheets({
      framework,
      units,
      assessments,
      rounds: [{ round: 'selfAssessment', deadline: DEADLINE }],
      // the survey sheet needs its item columns even when no response is in yet
      survey: { items: ['q1', 'q2', 'q3'], responses: [] },
      ...(plan ? { plan } : {}),
    }),
  );
  await fsp.writeFile(file, await port.toBuffer());
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fsp.readFile(file)).digest('hex');
}

/** What ward KG declares (every input type). */
export const KG_ANSWERS: TemplateAnswer[] = [
  { criterion: '1.1', value: 'Có', self: 1, evidence: 'Kế hoạch 12/KH-UBND ngày 10/01/2023' },
  { criterion: '1.2', value: 'Hoàn thành tốt', self: 1.5, explanation: 'Còn 2 nhiệm vụ chậm' },
  { criterion: '1.3', value: 95, self: 0.5 },
  { criterion: '1.4', value: 81, self: 0.75 },
  { criterion: '1.5', value: '2023-07-25', self: 0.25, explanation: '=HYPERLINK("http://x")' },
  { criterion: '1.6', self: 1.25, evidence: '+1 sáng kiến' },
];

export const KG_SIGN_OFF = { preparer: 'Nguyễn Thị Lan, 024 3858 1234', head: 'Trần Văn Minh, Chủ tịch UBND phường', signedOn: '2023-11-28' };

/** The same answers as the JSON path would carry them. */
export const KG_ASSESSMENTS: Assessment[] = [
  { unit: 'KG', criterion: '1.1', value: 'Có', self: 1, evidence: 'Kế hoạch 12/KH-UBND ngày 10/01/2023' },
  { unit: 'KG', criterion: '1.2', value: 'Hoàn thành tốt', self: 1.5, explanation: 'Còn 2 nhiệm vụ chậm' },
  { unit: 'KG', criterion: '1.3', value: 95, self: 0.5 },
  { unit: 'KG', criterion: '1.4', value: 81, self: 0.75 },
  { unit: 'KG', criterion: '1.5', value: '2023-07-25', self: 0.25, explanation: '=HYPERLINK("http://x")' },
  { unit: 'KG', criterion: '1.6', self: 1.25, evidence: '+1 sáng kiến' },
];

export const NV_ANSWERS: TemplateAnswer[] = [{ criterion: 'Q.1', value: 'Không', self: 0, explanation: 'Chưa triển khai' }];
export const VP_ANSWERS: TemplateAnswer[] = [{ criterion: 'Q.2', value: 100, self: 2 }];
/** Offices answer for the district QTX. */
export const OFFICE_ASSESSMENTS: Assessment[] = [
  { unit: 'QTX', criterion: 'Q.1', value: 'Không', self: 0, explanation: 'Chưa triển khai' },
  { unit: 'QTX', criterion: 'Q.2', value: 100, self: 2 },
];
