/** Readers of SIPAS responses (.csv, .xlsx) usable in Node and the browser; Node file loading in ./node. */
export { readSipasCsv, readSipasXlsx, type ReadSipasOptions } from './read';
export { decodeCsv, parseCsv, detectSeparator } from './csv';
export { writeSipasXlsx, SIPAS_SHEETS } from './write';
export { SipasInputBuilder, type SipasInput, type CellGrid } from './grid';
