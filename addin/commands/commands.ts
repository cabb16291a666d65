/**
 * Ribbon function file. Every button of the CCHC tab opens the one task pane on a view
 * (ShowTaskpane actions sharing one TaskpaneId in manifest.xml, "taskpane.html#view=…": an open
 * pane switches view), so no function commands are needed; the file is kept so the manifest's
 * FunctionFile resolves and future commands have a home.
 */
if (typeof Office !== 'undefined') {
  void Office.onReady(() => undefined);
}
export {};
