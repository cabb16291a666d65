import { OfficeJsPort } from '../../addin/excel/port';
import { ExcelDouble } from '../addin/excel-double';
import { runPortContract } from './suite';

runPortContract('OfficeJsPort over the Excel double (ExcelApi 1.17)', async () => {
  const dbl = new ExcelDouble({ Sheet1: [] });
  return new OfficeJsPort({ run: dbl.run, isSetSupported: dbl.isSetSupported });
});
