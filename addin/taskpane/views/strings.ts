import type { Lang } from '../../../engine';

/**
 * The look-up of a panel's own catalogue (Vietnamese first): the string in the language with its
 * {param} placeholders filled; a missing parameter leaves nothing.
 * @example const sl = lookup({ 'a.b': { vi: 'Ô {cell}', en: 'Cell {cell}' } }); sl('a.b', 'vi', { cell: 'D7' }) // "Ô D7"
 */
export function lookup<K extends string>(catalogue: Readonly<Record<K, { readonly vi: string; readonly en: string }>>): (key: K, lang: Lang, params?: Record<string, string | number>) => string {
  return (key, lang, params = {}) =>
    catalogue[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = params[k];
      return v === undefined ? '' : String(v);
    });
}
