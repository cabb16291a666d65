/**
 * Build one unit template workbook in memory (browser-safe: the standalone page offers the
 * bytes for download; the CLI writes them with ../node.ts).
 */
import type { Framework } from '../../engine';
import type { Unit } from '../../engine';
import { renderTemplate, type RenderedTemplate, type TemplateOptions } from '../../engine';
import { ExcelJsPort } from '../port';

/**
 * @example const { bytes, template } = await buildTemplateWorkbook(framework, unit, { units, deadline: '2023-11-30' });
 */
export async function buildTemplateWorkbook(
  framework: Framework,
  unit: Unit,
  options: TemplateOptions = {},
): Promise<{ bytes: Uint8Array; template: RenderedTemplate }> {
  const template = renderTemplate(framework, unit, options);
  const port = ExcelJsPort.create();
  await port.write(template.sheets);
  return { bytes: await port.toBuffer(), template };
}
