import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/main';
import { builtinUnits } from '../../engine';

function io(): { out: string; err: string; stdout(s: string): void; stderr(s: string): void; isTTY: boolean } {
  const b = { out: '', err: '', isTTY: false, stdout: (s: string) => void (b.out += s), stderr: (s: string) => void (b.err += s) };
  return b;
}

/**
 * Task III.2-1 (improvement plans of the six lead offices) is due 15/7/2023. By 30/9/2023:
 * NV reported it done on 10/7 (on time), TP done on 20/7 (late), VP in Q3 "not started";
 * TTR, KT, TCKH sent nothing for it. So: TP late, VP late too (past its deadline and not done —
 * "not started" is only said before the deadline), TTR/KT/TCKH not reported.
 */
const doc = {
  framework: 'thanh-xuan-2023',
  units: builtinUnits,
  assessments: [],
  plan: {
    builtin: 'plan-thanh-xuan-2023',
    statuses: [
      { task: 'III.2-1', unit: 'NV', quarter: '2023-Q3', progress: 'done', completedOn: '2023-07-10' },
      { task: 'III.2-1', unit: 'TP', quarter: '2023-Q3', progress: 'done', completedOn: '2023-07-20' },
      { task: 'III.2-1', unit: 'VP', quarter: '2023-Q3', progress: 'notStarted' },
    ],
  },
};

describe('parindex plan', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-cli-'));
  const file = path.join(dir, 'doc.json');
  fs.writeFileSync(file, JSON.stringify(doc));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--json: the plan section of score --json, with the late units of III.2-1', async () => {
    const b = io();
    const code = await main(['plan', file, '--json', '--now', '2023-09-30'], b);
    expect([0, 1]).toContain(code); // no assessments: scoring may report missing answers
    const plan = JSON.parse(b.out) as { late: { unit: string; task: string; status: string }[] };
    const mine = plan.late.filter((e) => e.task === 'III.2-1');
    expect(mine.find((e) => e.unit === 'TP')?.status).toBe('late');
    expect(mine.find((e) => e.unit === 'VP')?.status).toBe('late');
    expect(mine.find((e) => e.unit === 'NV')).toBeUndefined();
    expect(mine.filter((e) => e.status === 'notReported').map((e) => e.unit).sort()).toEqual(['KT', 'TCKH', 'TTR']);
  });

  test('text: the responsibility list names the unit, the task, the deadline and the head', async () => {
    const b = io();
    await main(['plan', file, '--now', '2023-09-30'], b);
    expect(b.out).toContain('Kế hoạch (đến 30/09/2023)');
    expect(b.out).toMatch(/TP +Phòng Tư pháp +III\.2-1 +trễ hạn +hạn 15\/07\/2023 +chủ trì · Thủ trưởng cơ quan/);
    expect(b.out).toMatch(/VP +Văn phòng HĐND và UBND quận +III\.2-1 +trễ hạn/);
    expect(b.out).not.toMatch(/KT +Phòng Kinh tế +III\.2-1/); // not reported: only with --all
    const all = io();
    await main(['plan', file, '--now', '2023-09-30', '--all', '--lang', 'en'], all);
    expect(all.out).toMatch(/KT +Phòng Kinh tế +III\.2-1 +not reported/);
  });

  test('an empty register: no ward is listed late without --all; --all lists each ward once as not reported', async () => {
    // The plan sheet still says "Chưa thực hiện" for a task every ward leads (a single status
    // column written by whichever ward reported last); nobody has reported in the register.
    const stale = path.join(dir, 'stale.json');
    const row = { id: 'W-1', title: 'Niêm yết thủ tục hành chính', lead: 'WARDS', leadName: 'UBND các phường', due: '15/07/2023', status: 'Chưa thực hiện' };
    fs.writeFileSync(stale, JSON.stringify({ ...doc, plan: { tasks: [row] } }));
    const wards = builtinUnits.filter((u) => u.kind === 'ward').map((u) => u.code);
    const b = io();
    await main(['plan', stale, '--now', '2023-09-30'], b);
    expect(b.out).toContain('Không có đơn vị trễ hạn hoặc chưa triển khai nhiệm vụ.');
    expect(b.out).not.toMatch(/W-1 +trễ hạn/);
    const all = io();
    await main(['plan', stale, '--now', '2023-09-30', '--all'], all);
    for (const w of wards) expect(all.out).toMatch(new RegExp(`\\n  ${w} +.*W-1 +chưa báo cáo`));
    const json = io();
    await main(['plan', stale, '--now', '2023-09-30', '--json'], json);
    const plan = JSON.parse(json.out) as { late: { unit: string; status: string }[]; tasks: { byUnit: { unit: string; status: string }[] }[] };
    expect(plan.late.map((e) => e.unit).sort()).toEqual([...wards].sort());
    expect(new Set(plan.late.map((e) => e.status))).toEqual(new Set(['notReported']));
    expect(plan.tasks[0]?.byUnit.map((u) => u.unit)).toEqual(wards);
  });

  test('a document without plan tasks: exit 1 with a message; usage errors exit 2', async () => {
    const none = path.join(dir, 'none.json');
    fs.writeFileSync(none, JSON.stringify({ ...doc, plan: undefined }));
    const b = io();
    expect(await main(['plan', none], b)).toBe(1);
    expect(b.err).toContain('không có nhiệm vụ Kế hoạch');
    expect(await main(['plan'], io())).toBe(2);
  });
});
