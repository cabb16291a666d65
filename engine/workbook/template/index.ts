export * from './layout';
export * from './hash';
export * from './select';
export * from './render';
export * from './accepts';
export * from './fileName';
