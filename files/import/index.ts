export { importFilled, validateTemplateFile, type ImportOptions, type ImportResult, type ImportStatus } from './import';
