/** Native charts for .xlsx files written outside Excel (DrawingML chart parts). */
export { chartXml, resolveChart, anchorXml, sheetRef, EMU_PER_POINT, type ChartAnchor, type ChartXmlOptions, type ResolvedChart } from './drawingml';
export { addChartParts, insertDrawingElement, resolveTarget, type ChartPartsResult, type PackageReader, type SheetCharts } from './package';
