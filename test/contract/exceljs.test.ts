import type { RenderedSheet, SheetInfo, SheetSnapshot, WorkbookPort, WriteOptions } from '../../engine/workbook/port';
import { ExcelJsPort } from '../../files/port';
import { runPortContract } from './suite';

// A fresh exceljs workbook with one visible sheet, as a user's new file would have.
runPortContract('ExcelJsPort (exceljs)', async () => {
  const port = ExcelJsPort.create();
  port.workbook.addWorksheet('Sheet1');
  return port;
});

/** Saves to .xlsx bytes and loads them again after every write: reads see what the file holds. */
class ThroughBytes implements WorkbookPort {
  readonly host = 'exceljs' as const;
  constructor(private inner: ExcelJsPort) {}
  listSheets(): Promise<SheetInfo[]> {
    return this.inner.listSheets();
  }
  read(names: readonly string[]): Promise<SheetSnapshot[]> {
    return this.inner.read(names);
  }
  async write(sheets: readonly RenderedSheet[], options?: WriteOptions): Promise<void> {
    await this.inner.write(sheets, options);
    this.inner = await ExcelJsPort.fromBuffer(await this.inner.toBuffer());
  }
}

runPortContract('ExcelJsPort (exceljs, saved and reloaded after each write)', async () => {
  const port = ExcelJsPort.create();
  port.workbook.addWorksheet('Sheet1');
  return new ThroughBytes(await ExcelJsPort.fromBuffer(await port.toBuffer()));
});
