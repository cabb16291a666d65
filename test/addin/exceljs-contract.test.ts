import { ExcelJsPort } from '../../files/port';
import { runPortContract } from '../contract/suite';

// The same contract the Office.js port passes, run against the exceljs port through an
// xlsx round trip (write → bytes → reopen), as the standalone page uses it.
runPortContract('ExcelJsPort', async () => ExcelJsPort.create());
