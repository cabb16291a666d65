import type { IssueParam, IssueParams, Location, MessageRef } from '../model/issue';
import type { MessageText } from './catalogue';
import { formatNumber, visibleCode, type Lang } from './format';
import { coreMessages } from './messages/core';
import { schemaMessages } from './messages/schema';
import { rulesMessages } from './messages/rules';
import { scoringMessages } from './messages/scoring';
import { sipasMessages } from './messages/sipas';
import { workbookMessages } from './messages/workbook';
import { templatesMessages } from './messages/templates';
import { templateFormMessages } from './messages/templateForm';
import { planMessages } from './messages/plan';
import { appMessages } from './messages/app';
import { reportMessages } from './messages/report';
import { periodsMessages } from './messages/periods';

export { formatNumber, formatPercent, formatFixed, formatIndex, formatDate, formatDateTime, isIsoDate, dateParam, isLang, LANGS, visibleCode } from './format';
export type { Lang } from './format';
export type { Catalogue, MessageText } from './catalogue';

/** The module catalogues, one file each under ./messages (a code belongs to exactly one). */
export const catalogues = {
  core: coreMessages,
  schema: schemaMessages,
  rules: rulesMessages,
  scoring: scoringMessages,
  sipas: sipasMessages,
  workbook: workbookMessages,
  templates: templatesMessages,
  templateForm: templateFormMessages,
  plan: planMessages,
  app: appMessages,
  report: reportMessages,
  periods: periodsMessages,
} as const;

/** All catalogues merged. */
export const messages = Object.freeze({
  ...coreMessages,
  ...schemaMessages,
  ...rulesMessages,
  ...scoringMessages,
  ...sipasMessages,
  ...workbookMessages,
  ...templatesMessages,
  ...templateFormMessages,
  ...planMessages,
  ...appMessages,
  ...reportMessages,
  ...periodsMessages,
});

/**
 * Every message code. `t('no.such.code')` and `issue('no.such.code', …)` do not compile;
 * a code made at run time must be narrowed first (a union of literals, or isMessageCode).
 */
export type MessageCode = keyof typeof messages;

const table: Readonly<Record<MessageCode, MessageText>> = messages;

/** For codes read back from JSON or another process (Issue.code of stored data). */
export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(messages, code);
}

function isList(v: IssueParam): v is readonly (string | number | MessageRef)[] {
  return Array.isArray(v);
}

/** Parameters that hold codes (units, criteria, tasks): shown with invisible differences made visible. */
const CODE_PARAMS = new Set(['unit', 'units', 'code', 'codes', 'criterion', 'task', 'other', 'near', 'expected', 'found', 'known', 'first', 'parent']);

function renderParam(v: IssueParam, lang: Lang, isCode = false): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return formatNumber(v, lang, 4);
  if (typeof v === 'string') return isCode ? visibleCode(v) : v;
  if (typeof v === 'boolean') return String(v);
  if (isList(v)) return v.map((x) => renderParam(x, lang, isCode)).join(', ');
  if ('code' in v) return t(v.code, v.params, lang);
  return v[lang];
}

function render(template: string, params: IssueParams | undefined, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => renderParam(params?.[key], lang, CODE_PARAMS.has(key)));
}

/**
 * Render a message by code. Numbers are formatted for the language; a parameter that is a
 * MessageRef is rendered in the same language.
 * @example t('cli.unknownCommand', { command: 'x' }, 'en') // "Unknown command: x"
 */
export function t(code: MessageCode, params: IssueParams = {}, lang: Lang = 'vi'): string {
  // The type rules unknown codes out; data from another version (a stored results file, a
  // worker built earlier) still renders as its code instead of failing.
  if (!isMessageCode(code)) return String(code);
  return render(table[code][lang], params, lang);
}

/** A path into a criteria tree ("nodes.0.children.3…"): the criterion's code already names the place. */
function inCriteriaTree(path: readonly (string | number)[]): boolean {
  return path.some((p, k) => p === 'nodes' && typeof path[k + 1] === 'number');
}

/**
 * "Tệp 'a.xlsx', trang 'P.Kim Giang'!F14 (đơn vị KG, tiêu chí 2.3.1)"; "Tiêu chí 1.2" when the
 * unit and criterion are all there is to say. A JSON path is shown
 * when there is no sheet, except inside a criteria tree when the criterion is named (a user
 * reads "tiêu chí 1.2", never "nodes.0.children.1").
 */
export function formatLocation(loc: Location, lang: Lang = 'vi'): string {
  const parts: string[] = [];
  if (loc.file) parts.push(t('location.file', { file: loc.file }, lang));
  if (loc.sheet) parts.push(t('location.sheet', { sheet: loc.sheet, cell: loc.cell ? '!' + loc.cell : '' }, lang));
  else if (loc.cell) parts.push(t('location.cell', { cell: loc.cell }, lang));
  if (loc.path && loc.path.length > 0 && !loc.sheet && !(loc.criterion && inCriteriaTree(loc.path))) parts.push(loc.path.join('.'));
  const who: string[] = [];
  if (loc.unit) who.push(t('location.unit', { unit: loc.unit }, lang));
  if (loc.criterion) who.push(t('location.criterion', { criterion: loc.criterion }, lang));
  const s = parts.join(', ');
  if (who.length === 0) return s;
  if (s) return `${s} (${who.join(', ')})`;
  // Nothing else to say where: "Tiêu chí 1.2", not "(tiêu chí 1.2)".
  const named = who.join(', ');
  return named.charAt(0).toLocaleUpperCase(lang) + named.slice(1);
}

/** One line for a user: location, then message. Never a stack trace. */
export function formatIssue(i: Location & { code: MessageCode; severity: string; params?: IssueParams }, lang: Lang = 'vi'): string {
  const where = formatLocation(i, lang);
  const sev = i.severity === 'warning' ? t('location.warning', {}, lang) : '';
  const msg = t(i.code, i.params, lang);
  return where ? `${where}: ${sev}${msg}` : `${sev}${msg}`;
}
