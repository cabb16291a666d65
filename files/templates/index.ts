export { buildTemplateWorkbook } from './build';
export { fillTemplate, type TemplateAnswer, type TemplateSignOff, type FillResult } from './fill';
export { writeTemplates, writeTemplateFiles, type WriteTemplatesOptions, type WriteTemplatesResult } from './write';
