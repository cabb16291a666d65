import thanhXuan2023 from './thanh-xuan-2023.json';
import hanoiWard2940 from './hanoi-ward-2940.json';
import nationalProvince876 from './national-province-876.json';
import nationalProvince2948 from './national-province-2948.json';
import serviceDelivery766 from './service-delivery-766.json';

/**
 * Raw JSON of the built-in criteria sets, in display order (the provincial set in force,
 * 876/QĐ-BNV for 2022–2030, before the 2017 one). Add a set: one JSON file here + one line.
 */
export const BUILTIN_SOURCES: readonly unknown[] = Object.freeze([thanhXuan2023, hanoiWard2940, nationalProvince876, nationalProvince2948, serviceDelivery766]);
