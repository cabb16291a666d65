/**
 * The plan through the master workbook: the register written into the master's "Kế hoạch" table,
 * saved as .xlsx, read back by the master reader, and turned into the same plan.
 */
import { builtinPlan2023, planFromDocument, planForResults, taskRows } from '../../engine/plan';
import { getBuiltinFramework, builtinUnits } from '../../engine/frameworks';
import { masterSheetNames, readMaster, renderMasterInputSheets } from '../../engine/workbook/master';
import { ExcelJsPort } from '../../files/port';

test('register → master "Kế hoạch" sheet → .xlsx → master reader → same plan', async () => {
  const framework = getBuiltinFramework('thanh-xuan-2023');
  expect(framework).toBeDefined();
  if (!framework) return;
  const sheets = renderMasterInputSheets({ framework, units: [...builtinUnits], assessments: [], plan: taskRows(builtinPlan2023.tasks) });
  const port = ExcelJsPort.create();
  await port.write(sheets);
  const back = await ExcelJsPort.fromBuffer(await port.toBuffer());
  const { doc } = readMaster(await back.read(masterSheetNames()), 'master.xlsx');
  expect(doc.plan).toBeDefined();
  const { plan, issues } = planFromDocument(doc.plan, { units: doc.units, asOf: '2023-09-30' });
  expect(issues).toEqual([]);
  expect(plan?.tasks).toEqual(builtinPlan2023.tasks);
  // and tracked against nothing reported yet
  const p = planForResults(doc.plan, undefined, { units: doc.units, asOf: '2023-09-30' });
  expect(p.plan?.counts.notReported).toBe(48);
});
