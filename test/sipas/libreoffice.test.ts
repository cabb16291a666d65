import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readSipasCsv, readSipasXlsx } from '../../files/sipas';
import { scoreSipas, sipasToSurveyIndices } from '../../engine/sipas';

const SOFFICE = '/usr/bin/soffice';
const have = existsSync(SOFFICE);
if (!have) {
  if (process.env.CI === 'true') throw new Error('soffice (LibreOffice) is required in CI for the SIPAS round-trip test');
  console.warn('[sipas] soffice not found: LibreOffice round-trip test skipped');
}

// A workbook written by another producer (LibreOffice: shared strings, its own styles) must give
// exactly the indices of the CSV it came from.
(have ? test : test.skip)('an .xlsx saved by LibreOffice from the CSV gives the same indices', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sipas-lo-'));
  const csv = path.join(dir, 'responses.csv');
  copyFileSync(path.join(__dirname, '..', 'fixtures', 'sipas', 'responses.csv'), csv);
  // 59 = ";" separator, 34 = '"', 76 = UTF-8
  execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:59,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv], { stdio: 'ignore', timeout: 120000 });
  const fromCsv = readSipasCsv(readFileSync(csv));
  return readSipasXlsx(readFileSync(path.join(dir, 'responses.xlsx'))).then((fromXlsx) => {
    expect(fromXlsx.responses).toHaveLength(40);
    const a = sipasToSurveyIndices(scoreSipas({ responses: fromCsv.responses }).result);
    const b = sipasToSurveyIndices(scoreSipas({ responses: fromXlsx.responses }).result);
    expect(b).toEqual(a);
    const bad = scoreSipas({ responses: fromXlsx.responses }, { locate: fromXlsx.locate, rowOf: fromXlsx.rowOf }).result.issues.find((i) => i.code === 'sipas.answer.outOfScale');
    expect(bad).toMatchObject({ sheet: 'responses', cell: 'H6', unit: 'KG' });
  });
});
