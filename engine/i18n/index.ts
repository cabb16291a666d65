import type { Issue, Location } from '../model/issue';
import type { Catalogue, MessageText } from './catalogue';
import { formatNumber, type Lang } from './format';
import { coreMessages } from './messages/core';
import { rulesMessages } from './messages/rules';
import { scoringMessages } from './messages/scoring';
import { sipasMessages } from './messages/sipas';
import { workbookMessages } from './messages/workbook';
import { templatesMessages } from './messages/templates';
import { planMessages } from './messages/plan';
import { appMessages } from './messages/app';

export { formatNumber, formatPercent, formatDate, isLang, LANGS } from './format';
export type { Lang } from './format';
export type { Catalogue, MessageText } from './catalogue';

/** All catalogues merged. Each module owns one file under ./messages. */
export const messages: Catalogue = Object.freeze({
  ...coreMessages,
  ...rulesMessages,
  ...scoringMessages,
  ...sipasMessages,
  ...workbookMessages,
  ...templatesMessages,
  ...planMessages,
  ...appMessages,
});

function render(template: string, params: Issue['params'], lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params?.[key];
    if (v === undefined || v === null) return '';
    if (typeof v === 'number') return formatNumber(v, lang, 4);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? formatNumber(x, lang, 4) : x)).join(', ');
    return String(v);
  });
}

/**
 * Render a message by code.
 * @example t('cli.unknownCommand', { command: 'x' }, 'en') // "Unknown command: x"
 */
export function t(code: string, params: Issue['params'] = {}, lang: Lang = 'vi'): string {
  const entry: MessageText | undefined = messages[code];
  if (!entry) return `${code} ${JSON.stringify(params)}`;
  return render(entry[lang], params, lang);
}

/** "Tệp 'a.xlsx', trang 'P.Kim Giang'!F14 (đơn vị KG, tiêu chí 2.3.1)" */
export function formatLocation(loc: Location, lang: Lang = 'vi'): string {
  const parts: string[] = [];
  const vi = lang === 'vi';
  if (loc.file) parts.push(`${vi ? 'Tệp' : 'File'} '${loc.file}'`);
  if (loc.sheet) parts.push(`${vi ? 'trang' : 'sheet'} '${loc.sheet}'${loc.cell ? '!' + loc.cell : ''}`);
  else if (loc.cell) parts.push(`${vi ? 'ô' : 'cell'} ${loc.cell}`);
  if (loc.path && loc.path.length > 0 && !loc.sheet) parts.push(loc.path.join('.'));
  const who: string[] = [];
  if (loc.unit) who.push(`${vi ? 'đơn vị' : 'unit'} ${loc.unit}`);
  if (loc.criterion) who.push(`${vi ? 'tiêu chí' : 'criterion'} ${loc.criterion}`);
  let s = parts.join(', ');
  if (who.length) s += (s ? ' ' : '') + `(${who.join(', ')})`;
  return s;
}

/** One line for a user: location, then message. Never a stack trace. */
export function formatIssue(i: Issue, lang: Lang = 'vi'): string {
  const where = formatLocation(i, lang);
  const sev = i.severity === 'warning' ? (lang === 'vi' ? 'Cảnh báo: ' : 'Warning: ') : '';
  const msg = t(i.code, i.params, lang);
  return where ? `${where}: ${sev}${msg}` : `${sev}${msg}`;
}
