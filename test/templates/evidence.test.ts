/**
 * "Tài liệu kiểm chứng yêu cầu": the built-in sets say what to attach for every criterion, the
 * templates print it, and the templates step warns about a criterion that says nothing.
 */
import type { Framework, FrameworkNode } from '../../engine/model/framework';
import { buildTemplates, builtinUnits, getBuiltinFramework } from '../../engine';
import { renderMasterInputSheets } from '../../engine/workbook/master';
import { evidenceIssues } from '../../engine/workbook/template/evidence';
import { renderTemplate, templateUnits } from '../../engine/workbook/template/render';
import { ROWS, SELF_SHEET, columnIndex } from '../../engine/workbook/template/layout';
import { ExcelJsPort } from '../../files/port';
import { framework as fixture, units as fixtureUnits } from './fixture';

function leaves(nodes: readonly FrameworkNode[]): FrameworkNode[] {
  return nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
}

describe('evidence required', () => {
  test.each(['thanh-xuan-2023', 'hanoi-ward-2940', 'national-province-2948'])('every criterion of the built-in set %s names its evidence', (id) => {
    const fw = getBuiltinFramework(id);
    if (!fw) throw new Error(id);
    expect(leaves(fw.nodes).filter((n) => (n.evidence ?? '').trim() === '').map((n) => n.code)).toEqual([]);
    expect(evidenceIssues(fw, templateUnits(fw, builtinUnits), builtinUnits)).toEqual([]);
  });

  test('every scored row of the Thanh Xuân templates carries its evidence text', () => {
    const fw = getBuiltinFramework('thanh-xuan-2023');
    if (!fw) throw new Error('no set');
    for (const unit of templateUnits(fw, builtinUnits)) {
      const t = renderTemplate(fw, unit, { units: builtinUnits });
      const self = t.sheets.find((s) => s.name === SELF_SHEET);
      const missing = t.metaRows.filter((m) => m.kind !== 'group' && !String(self?.values[m.row - 1]?.[columnIndex('evidenceRequired')] ?? '').trim()).map((m) => m.code);
      expect(`${unit.code}: ${missing.join(', ')}`).toBe(`${unit.code}: `);
      expect(t.metaRows.length).toBeGreaterThan(0);
      expect(t.metaRows[0]?.row).toBe(ROWS.first);
    }
  });

  test('the templates step warns, once per criterion, naming the units whose form it leaves empty', async () => {
    const bare: Framework = {
      ...fixture,
      nodes: fixture.nodes.map((a) => ({ ...a, children: a.children?.map((c) => (c.code === '1.4' || c.code === 'Q.2' ? { ...c, evidence: undefined } : c)) })),
    };
    const port = ExcelJsPort.create();
    await port.write(renderMasterInputSheets({ framework: bare, units: fixtureUnits, assessments: [], rounds: [{ round: 'selfAssessment', deadline: '2023-11-30' }] }));
    const reread = await ExcelJsPort.fromBuffer(await port.toBuffer());
    const snaps = await reread.read((await reread.listSheets()).map((s) => s.name));
    const built = buildTemplates(snaps, { lang: 'vi', file: 'master.xlsx', now: '2023-11-01T08:00' });
    expect(built.ok).toBe(true);
    const warned = built.issues.filter((i) => i.code === 'templates.noEvidence');
    expect(warned.map((i) => [i.criterion, i.severity])).toEqual([
      ['1.4', 'warning'],
      ['Q.2', 'warning'],
    ]);
    expect(warned[0]?.params?.['units']).toEqual(['HD', 'KD', 'KM', 'KTR', 'KG', 'NC', 'PL', 'TXB', 'TXN', 'TXT', 'TD']);
    expect(warned[1]?.params?.['units']).toEqual(['VP']);
  });
});
