export * from './parse';
export * from './merge';
export * from './protection';
