/**
 * Deterministic generator of the demo sample (fixed seed). Run once to (re)write
 * samples/thanh-xuan-2023.json: `node samples/generate.cjs`. The demo itself only reads the JSON.
 */
import type { Framework, FrameworkNode } from '../../engine';
import type { Unit } from '../../engine';
import { getRuleKind, pushAll } from '../../engine';
import type { CompiledRule } from '../../engine';
import type { TaskStatus } from '../../engine';
import type { PreviousCriterion } from '../../engine';
import type { DemoSample, SampleAppraisal, SampleMistake, SampleRow, SampleSubmission } from './sample';

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Leaf {
  node: FrameworkNode;
  appliesTo: string[] | undefined;
  lead: string | undefined;
  rule?: CompiledRule;
}

function leaves(nodes: readonly FrameworkNode[]): Leaf[] {
  const out: Leaf[] = [];
  const walk = (ns: readonly FrameworkNode[], a: string[] | undefined, l: string | undefined): void => {
    for (const n of ns) {
      const aa = n.appliesTo ?? a;
      const ll = n.lead ?? l;
      if (n.children && n.children.length) walk(n.children, aa, ll);
      else {
        const kind = n.rule ? getRuleKind(n.rule.kind) : undefined;
        const c = kind && n.rule ? kind.compile(n.rule, n.max ?? 0) : undefined;
        out.push({ node: n, appliesTo: aa, lead: ll, ...(c && c.ok ? { rule: c.rule } : {}) });
      }
    }
  };
  walk(nodes, undefined, undefined);
  return out;
}

const round4 = (x: number): number => Math.round(x * 4) / 4;

function pickValue(l: Leaf, quality: number, r: () => number, year: number): string | number | undefined {
  const spec = l.rule?.input;
  const good = r() < quality;
  if (!spec) return undefined;
  switch (spec.type) {
    case 'choice': {
      const cs = spec.choices.filter((c) => c !== 'Không áp dụng');
      if (cs.length === 0) return undefined;
      return good ? cs[0] : cs[Math.min(cs.length - 1, 1 + Math.floor(r() * (cs.length - 1)))];
    }
    case 'rate':
      return good ? 100 : Math.round((70 + r() * 29) * 10) / 10;
    case 'number': {
      const min = spec.min ?? 0;
      const max = spec.max ?? Math.max(min + 10, 10);
      const x = good ? (spec.min !== undefined && spec.max === undefined ? min : max) : min + r() * (max - min);
      return spec.integer ? Math.round(x) : Math.round(x * 100) / 100;
    }
    case 'date': {
      // Around the rule's own deadline when it has one: on time up to 20 days before it, late 3–60 days after.
      const a = r();
      const b = r();
      const deadline = typeof l.node.rule?.['deadline'] === 'string' ? Date.parse(String(l.node.rule['deadline'])) : Number.NaN;
      if (!Number.isNaN(deadline)) {
        const days = good ? -Math.floor(a * 20) : 3 + Math.floor(b * 58);
        return new Date(deadline + days * 86400000).toISOString().slice(0, 10);
      }
      const month = good ? 6 : 7 + Math.floor(a * 3);
      const day = 1 + Math.floor(b * 27);
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }
    case 'points':
      return undefined;
    case 'vars':
      return undefined;
    case 'survey':
      return undefined;
  }
}

const EVIDENCE = ['Kế hoạch số {n}/KH-UBND', 'Báo cáo số {n}/BC-UBND', 'Quyết định số {n}/QĐ-UBND', 'Công văn số {n}/UBND-VP', 'Thông báo số {n}/TB-UBND'];
const REASONS = [
  'Tài liệu kiểm chứng chưa đầy đủ',
  'Văn bản ban hành sau thời hạn',
  'Số liệu kê khai không khớp báo cáo định kỳ',
  'Chưa có báo cáo kết quả thực hiện',
  'Tự chấm cao hơn quy định',
];

/** Build the demo sample from the built-in framework, unit list and survey items. */
export function generateSample(
  framework: Framework,
  units: readonly Unit[],
  items: readonly string[],
  seed = 2023,
  plan?: { id: string; tasks: readonly { id: string; lead: string; due?: string | undefined; recurrence?: string | undefined }[] },
): DemoSample {
  const r = rng(seed);
  const year = framework.year ?? 2023;
  const ls = leaves(framework.nodes);
  const wards = units.filter((u) => u.kind === 'ward');
  const offices = units.filter((u) => u.kind === 'office');
  const district = units.find((u) => u.kind === 'district');
  const missing = ['KTR'];
  const late = new Set(['PL', 'TXN']);
  const deadline = `${year}-11-15`;
  const submissions: SampleSubmission[] = [];
  const appraisals: SampleAppraisal[] = [];
  const mistakes: SampleMistake[] = [];
  const quality: Record<string, number> = {};
  for (const u of [...wards, ...offices]) quality[u.code] = 0.78 + r() * 0.2;
  const answering = (u: Unit): { unit: string; leaves: Leaf[] } => {
    if (u.kind === 'ward') return { unit: u.code, leaves: ls.filter((l) => !l.appliesTo || l.appliesTo.includes('ward')) };
    // an office answers the district-level criteria it leads
    return { unit: district?.code ?? u.code, leaves: ls.filter((l) => l.lead === u.code && (!l.appliesTo || l.appliesTo.includes('district'))) };
  };
  for (const u of [...offices, ...wards]) {
    if (missing.includes(u.code)) continue;
    const { unit, leaves: mine } = answering(u);
    if (mine.length === 0) continue;
    const q = quality[u.code] ?? 0.9;
    const rows: SampleRow[] = [];
    for (const l of mine) {
      if (l.node.channel === 'survey' || l.rule?.input.type === 'survey') continue;
      const max = l.node.max ?? 0;
      const value = pickValue(l, q, r, year);
      let rulePoints: number | undefined;
      if (l.rule && value !== undefined) {
        const o = l.rule.score({ value });
        rulePoints = o.missing ? undefined : o.points;
      }
      let self: number;
      if (rulePoints !== undefined) self = r() < 0.12 ? max : rulePoints;
      else self = r() < q ? max : round4(max * (0.5 + r() * 0.4));
      const row: SampleRow = { criterion: l.node.code, self: Math.min(max, Math.max(0, round4(self))) };
      if (value !== undefined) row.value = value;
      if (r() < 0.9) {
        const tpl = EVIDENCE[Math.floor(r() * EVIDENCE.length)] ?? EVIDENCE[0] ?? '';
        row.evidence = tpl.replace('{n}', String(10 + Math.floor(r() * 480)));
      }
      if ((row.self ?? 0) < max) row.explanation = 'Đơn vị đang hoàn thiện, sẽ bổ sung trong quý IV';
      rows.push(row);
      // Appraisal: the council lowers over-claimed self-scores; some are partly restored after explanation.
      const fair = rulePoints ?? (row.self ?? 0);
      const claimed = row.self ?? 0;
      if (claimed > fair + 1e-9 || r() < 0.05) {
        const a1 = claimed > fair ? fair : round4(claimed * 0.75);
        const reason = REASONS[Math.floor(r() * REASONS.length)] ?? '';
        if (r() < 0.3) {
          const a2 = round4((a1 + claimed) / 2);
          appraisals.push({ unit, criterion: l.node.code, appraisal: [a1, a2], reasons: [reason, 'Đã bổ sung một phần tài liệu sau giải trình'] });
        } else appraisals.push({ unit, criterion: l.node.code, appraisal: [a1], reasons: [reason] });
      }
    }
    const day = late.has(u.code) ? 17 + Math.floor(r() * 5) : 6 + Math.floor(r() * 9);
    const hour = 8 + Math.floor(r() * 9);
    submissions.push({ from: u.code, unit, submittedAt: `${year}-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:${r() < 0.5 ? '15' : '40'}`, rows });
  }
  // Mistakes made while filling templates: text in a number cell, a score above the maximum, a value not in the list.
  const pickRow = (from: string, pred: (row: SampleRow, l: Leaf) => boolean): { row: SampleRow; leaf: Leaf } | undefined => {
    const s = submissions.find((x) => x.from === from);
    for (const row of s?.rows ?? []) {
      const leaf = ls.find((l) => l.node.code === row.criterion);
      if (leaf && pred(row, leaf)) return { row, leaf };
    }
    return undefined;
  };
  const m1 = pickRow('KG', (_row, l) => l.rule?.input.type === 'rate' || l.rule?.input.type === 'number');
  if (m1) mistakes.push({ from: 'KG', criterion: m1.row.criterion, field: 'value', value: 'khoảng 95 phần trăm', kind: 'textInNumber' });
  const m2 = pickRow('HD', (row, l) => (l.node.max ?? 0) > 0 && row.self !== undefined);
  if (m2) mistakes.push({ from: 'HD', criterion: m2.row.criterion, field: 'self', value: (m2.leaf.node.max ?? 0) + 1, kind: 'aboveMax' });
  const m3 = pickRow('NC', (_row, l) => l.rule?.input.type === 'choice');
  if (m3) mistakes.push({ from: 'NC', criterion: m3.row.criterion, field: 'value', value: 'Đã làm', kind: 'notInList' });
  // Survey: a few hundred respondents per ward, answers 1–5 (0 = no answer).
  const responses: Record<string, string[]> = {};
  for (const w of wards) {
    const n = 180 + Math.floor(r() * 120);
    const sat = 0.8 + r() * 0.17;
    const list: string[] = [];
    for (let i = 0; i < n; i++) {
      let s = '';
      for (let k = 0; k < items.length; k++) {
        const x = r();
        if (x < 0.02) s += '0';
        else if (r() < sat) s += r() < 0.45 ? '5' : '4';
        else {
          const y = r();
          s += y < 0.6 ? '3' : y < 0.9 ? '2' : '1';
        }
      }
      list.push(s);
    }
    responses[w.code] = list;
  }
  // Last year's results: plausible indices, ranks computed among wards.
  const prevWards = wards.map((w) => ({ unit: w.code, index: Math.round((84 + r() * 11) * 100) / 100 }));
  const sorted = [...prevWards].sort((a, b) => b.index - a.index);
  const previous: DemoSample['previous'] = [
    ...(district ? [{ unit: district.code, index: 93.12, rank: 9, year: year - 1 }] : []),
    ...prevWards.map((p) => ({ ...p, rank: sorted.findIndex((s) => s.index === p.index) + 1, year: year - 1 })),
  ];
  // PAR sociological-survey criteria fed by their own survey (not SIPAS): one index per unit and criterion.
  const surveyIndices: Record<string, Record<string, number>> = {};
  const surveyLeaves = ls.filter((l) => (l.node.channel === 'survey' || l.rule?.input.type === 'survey') && !l.node.source);
  for (const u of [...(district ? [district] : []), ...wards]) {
    const base = 0.8 + r() * 0.12;
    for (const l of surveyLeaves) {
      if (l.appliesTo && !l.appliesTo.includes(u.kind)) continue;
      (surveyIndices[u.code] ??= {})[l.node.code] = Math.round(Math.min(99, (base + (r() - 0.5) * 0.1) * 100) * 100) / 100;
    }
  }
  // Quarterly reports of the lead offices on the plan's tasks (Q3 and Q4 2023).
  const planStatuses: TaskStatus[] = [];
  const unitCodes = new Set(units.map((u) => u.code));
  for (const task of plan?.tasks ?? []) {
    if (!unitCodes.has(task.lead)) continue; // group leads (all units) report through their own sheets
    for (const quarter of [`${year}-Q3`, `${year}-Q4`]) {
      if (quarter.endsWith('Q4') && r() < 0.25) continue; // some offices have not reported Q4 yet
      const x = r();
      const progress = x < 0.55 ? 'done' : x < 0.85 ? 'inProgress' : 'notStarted';
      const st: TaskStatus = { task: task.id, unit: task.lead, quarter, progress };
      if (progress === 'done') st.completedOn = `${year}-${quarter.endsWith('Q3') ? '09' : '11'}-${String(5 + Math.floor(r() * 20)).padStart(2, '0')}`;
      if (progress === 'inProgress') st.percent = 10 * (3 + Math.floor(r() * 6));
      planStatuses.push(st);
    }
  }
  // (drawn last, so the data above stays as it was) the year before last: each ward 1–5 points
  // below or up to 2 above its last-year index, ranks among wards; the district's own line
  const older = prevWards.map((p) => ({ unit: p.unit, index: Math.round(Math.min(99, p.index - 5 + r() * 7) * 100) / 100 }));
  const olderSorted = [...older].sort((a, b) => b.index - a.index);
  pushAll(previous, [
    ...(district ? [{ unit: district.code, index: 90.48, rank: 11, year: year - 2 }] : []),
    ...older.map((p) => ({ ...p, rank: olderSorted.findIndex((s) => s.index === p.index) + 1, year: year - 2 })),
  ]);
  // Last year's appraised points of one ward on a few criteria, on last year's codes: the criterion
  // now 1.5.8 was 1.6.6 in last year's set (illustrative), and the ward claims more this year with
  // the same value and document: the appraisal-risk check warns (risk.aboveLastYear).
  const criteriaCrosswalk = [{ from: '1.6.6', to: '1.5.8', note: 'Minh hoạ: mã của tiêu chí "Số hoá hồ sơ, kết quả giải quyết TTHC" trong bộ tiêu chí năm trước' }];
  const previousCriteria: PreviousCriterion[] = [];
  const appraised = new Set(appraisals.map((a) => `${a.unit}|${a.criterion}`));
  const txt = submissions.find((x) => x.from === 'TXT' && x.unit === 'TXT');
  for (const row of txt?.rows ?? []) {
    if (appraised.has(`TXT|${row.criterion}`) || mistakes.some((m) => m.from === 'TXT' && m.criterion === row.criterion)) continue;
    const renamed = criteriaCrosswalk.find((c) => c.to === row.criterion);
    if (!renamed && !['1.1.1', '1.1.3', '1.3.2'].includes(row.criterion)) continue;
    const self = row.self ?? 0;
    const p: PreviousCriterion = { unit: 'TXT', criterion: renamed ? renamed.from : row.criterion, points: renamed ? Math.max(0, self - 0.5) : self };
    if (row.value !== undefined) p.value = row.value;
    if (row.evidence) p.evidence = row.evidence;
    previousCriteria.push(p);
  }
  // A QR code at KG's one-stop desk: the same answers four times within 7 minutes (a burst the
  // survey-quality guard sets aside), answered on a Monday morning.
  const kgFirst = responses['KG']?.[0];
  const kiosk = kgFirst ? ['09:00', '09:02', '09:04', '09:07'].map((hm) => ({ unit: 'KG', device: 'QR-KG-01', at: `${year}-10-16T${hm}`, answers: kgFirst })) : [];
  return {
    id: 'thanh-xuan-2023',
    name: 'Quận Thanh Xuân — kỳ đánh giá năm 2023 (dữ liệu minh hoạ)',
    year,
    frameworkId: framework.id,
    asOf: `${year}-11-30`,
    seed,
    rounds: [
      { round: 'selfAssessment', label: 'Tự đánh giá, chấm điểm', start: `${year}-11-01`, deadline },
      { round: 'appraisal1', label: 'Thẩm định lần 1', deadline: `${year}-11-30` },
      { round: 'explanation', label: 'Giải trình', deadline: `${year}-12-07` },
      { round: 'appraisal2', label: 'Thẩm định lần 2', deadline: `${year}-12-15` },
    ],
    missing,
    submissions,
    appraisals,
    mistakes,
    previous,
    survey: { instrument: 'sipas-2022', items: [...items], responses, ...(kiosk.length ? { kiosk } : {}) },
    surveyIndices,
    ...(previousCriteria.length ? { previousCriteria, criteriaCrosswalk } : {}),
    ...(plan ? { planId: plan.id, planStatuses } : {}),
  };
}
