/**
 * The one rule for a unit template's file name, used by every step that makes or reads one: the
 * templates step names the files with it, the import step recognises a file still named as it was
 * sent with it. Unit codes are free text in the master; file names are not, so two codes can map to
 * one name ("A/B", "A:B" and "A_B"; "kg" and "KG" on a disk that ignores case) and a long code can
 * make a name no file system takes. Both are found before anything is written.
 */
import { issue, type Issue, type Location } from '../../model/issue';
import type { Unit } from '../../model/unit';

const PREFIX = 'tu-danh-gia-';
const SUFFIX = '.xlsx';

/**
 * Longest template file name (characters; the name is ASCII, so bytes too). File systems take 255
 * bytes; a save goes through a temp file named `.<name>.<pid>.<time>.tmp` beside it (up to 31
 * more), so 200 leaves room, and a unit code of up to 183 characters.
 */
export const MAX_TEMPLATE_FILE_NAME = 200;

/** File name of a unit's template. @example templateFileName({code:'KG',…}) // "tu-danh-gia-KG.xlsx" */
export function templateFileName(unit: Pick<Unit, 'code'>): string {
  return `${PREFIX}${unit.code.replace(/[^A-Za-z0-9_-]/g, '_')}${SUFFIX}`;
}

/** How two template file names are compared: without regard to case (Windows and macOS disks ignore it). */
export function templateFileKey(fileName: string): string {
  return fileName.toLowerCase();
}

/** A file name shaped like a template's ("tu-danh-gia-<code>.xlsx", any case). */
export function looksLikeTemplateFileName(fileName: string): boolean {
  return /^tu-danh-gia-[A-Za-z0-9_-]+\.xlsx$/i.test(fileName);
}

/**
 * The unit whose template carries this file name, when exactly one does (a file renamed by the
 * unit, or a name two units share, gives undefined: the file's own metadata decides then).
 * @example unitForTemplateFile(units, 'TU-DANH-GIA-kg.xlsx') // the unit KG
 */
export function unitForTemplateFile<U extends Pick<Unit, 'code'>>(units: readonly U[], fileName: string): U | undefined {
  if (!looksLikeTemplateFileName(fileName)) return undefined;
  const key = templateFileKey(fileName);
  const hits = units.filter((u) => templateFileKey(templateFileName(u)) === key);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * Units whose templates would overwrite each other (same file name after the name's character
 * rule, case ignored) or whose file name is too long: one error per unit after the first of a
 * name, located by `where` (the unit's code cell in the master), naming both codes.
 * @example templateFileIssues([{ code: 'A/B' }, { code: 'A_B' }]) // [templates.fileNameClash at A_B]
 */
export function templateFileIssues<U extends Pick<Unit, 'code'>>(units: readonly U[], where: (code: string) => Location = (code) => ({ unit: code })): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, U>();
  for (const u of units) {
    const file = templateFileName(u);
    if (file.length > MAX_TEMPLATE_FILE_NAME) {
      issues.push(issue('templates.fileNameTooLong', { code: u.code, length: [...u.code].length, limit: MAX_TEMPLATE_FILE_NAME - PREFIX.length - SUFFIX.length }, where(u.code)));
      continue;
    }
    const key = templateFileKey(file);
    const seen = first.get(key);
    if (seen) issues.push(issue('templates.fileNameClash', { code: u.code, other: seen.code, file: templateFileName(seen) }, where(u.code)));
    else first.set(key, u);
  }
  return issues;
}
