import { catalogues, messages, t, isMessageCode } from './index';
import { ref } from '../model/issue';

/** The {param} names of a template, sorted and without repeats. */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

const codes = Object.keys(messages).filter(isMessageCode);

describe('message catalogues', () => {
  test('every entry has the same {param} placeholders in vi and en', () => {
    const differ = codes
      .map((code) => ({ code, vi: placeholders(messages[code].vi), en: placeholders(messages[code].en) }))
      .filter((x) => x.vi.join(',') !== x.en.join(','));
    expect(differ).toEqual([]);
  });

  test('every entry has wording in both languages', () => {
    const empty = codes.filter((code) => messages[code].vi.trim() === '' || messages[code].en.trim() === '');
    expect(empty).toEqual([]);
  });

  test('a code belongs to one module catalogue (a later spread would silently replace it)', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [module, catalogue] of Object.entries(catalogues))
      for (const code of Object.keys(catalogue)) {
        const first = owner.get(code);
        if (first) twice.push(`${code}: ${first} and ${module}`);
        else owner.set(code, module);
      }
    expect(twice).toEqual([]);
  });

  test('a parameter may be a message (rendered in the same language) or text in both languages', () => {
    const params = { path: 'units', detail: ref('schema.invalidType', { expected: ref('schema.type.array'), received: { vi: 'chuỗi', en: 'text' } }) };
    expect(t('input.invalid', params, 'vi')).toBe('Dữ liệu không hợp lệ tại units: cần danh sách […], nhận được chuỗi');
    expect(t('input.invalid', params, 'en')).toBe('Invalid data at units: a list […] expected, got text');
  });
});
