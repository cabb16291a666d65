export * from './parse';
export * from './merge';
