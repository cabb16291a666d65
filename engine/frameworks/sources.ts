import thanhXuan2023 from './thanh-xuan-2023.json';
import hanoiWard2940 from './hanoi-ward-2940.json';
import nationalProvince2948 from './national-province-2948.json';

/** Raw JSON of the built-in criteria sets, in display order. Add a set: one JSON file here + one line. */
export const BUILTIN_SOURCES: readonly unknown[] = Object.freeze([thanhXuan2023, hanoiWard2940, nationalProvince2948]);
