/**
 * Ribbon function file. Every button of the CCHC tab opens the task pane on a view
 * (ShowTaskpane actions in manifest.xml), so no function commands are needed; the file is kept
 * so the manifest's FunctionFile resolves and future commands have a home.
 */
if (typeof Office !== 'undefined') {
  void Office.onReady(() => undefined);
}
export {};
