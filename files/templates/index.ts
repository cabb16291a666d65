export { buildTemplateWorkbook } from './build';
export { fillTemplate, type TemplateAnswer, type TemplateSignOff, type FillResult } from './fill';
export { writeTemplates, writeTemplateFiles, loadMaster, type WriteTemplatesOptions, type WriteTemplatesResult } from './write';
