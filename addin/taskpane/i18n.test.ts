import { paneStrings, s, statusText, featureText } from './i18n';
import { messages } from '../../engine/i18n';

const placeholders = (text: string): string => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(',');

describe('the pane catalogue', () => {
  test('holds no engine message code: issues are worded by the engine catalogue only', () => {
    expect(Object.keys(paneStrings).filter((k) => Object.prototype.hasOwnProperty.call(messages, k))).toEqual([]);
  });

  test('every string has the same {param} placeholders in vi and en', () => {
    expect(Object.entries(paneStrings).filter(([, m]) => placeholders(m.vi) !== placeholders(m.en)).map(([k]) => k)).toEqual([]);
  });

  test('keys are typed: an unknown key does not compile', () => {
    // @ts-expect-error 'no.such.key' is not a pane string
    const render = (): string => s('no.such.key', 'vi');
    expect(typeof render).toBe('function');
    expect(s('setup.done', 'vi', { count: 3 })).toBe('Đã tạo 3 trang.');
  });

  test('plan statuses and Excel features are worded through typed tables', () => {
    expect(statusText('late', 'vi')).toBe('Chậm');
    expect(statusText('notReported', 'en')).toBe('Not reported');
    expect(statusText('somethingNew', 'vi')).toBe('somethingNew');
    expect(featureText('charts', 'vi')).toBe('biểu đồ');
    expect(featureText('holograms', 'en')).toBe('holograms');
  });
});
