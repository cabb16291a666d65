/**
 * The official report as a Word document (.docx), in the format of Decree 30/2020/NĐ-CP
 * (Phụ lục I): A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman, body
 * 14 pt justified with a 1 cm first-line indent; the issuing body and number on the left and the
 * national title, motto (each with its rule beneath) and place and date on the right; the kind
 * ("BÁO CÁO") and subject centred; "Nơi nhận" and the signature block side by side; page numbers
 * centred at the top from page 2.
 *
 * Charts are native Word charts (docx's ChartRun: DrawingML with its own small workbook), not
 * pictures: Word and LibreOffice draw them from their data, they stay sharp in print and editable
 * ("Edit Data"), and no rasteriser is needed — the CLI and the browser write the same file
 * (docs/reports.md says why this was chosen over an SVG → PNG picture).
 *
 * Browser-safe: `docx` only (no fs); the CLI writes the bytes, the pane downloads them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { ChartRun, type ChartRunOptions } from 'docx/charts';
import type { ReportBlock, ReportChart, ReportColumn, ReportDocument } from '../../engine';

/** 1 mm in twentieths of a point (twips). */
const MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
/** Text width: 210 − 30 − 15 mm. */
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const FONT = 'Times New Roman';
/** Sizes in half-points. */
const BODY = 28;
const TABLE_TEXT = 24;
const SMALL = 22;

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const CELL_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: style.size ?? BODY, ...(style.bold ? { bold: true } : {}), ...(style.italics ? { italics: true } : {}) });
}

/** One line per "\n", as separate runs with breaks. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, font: FONT, size: style.size ?? BODY, ...(i > 0 ? { break: 1 } : {}), ...(style.bold ? { bold: true } : {}), ...(style.italics ? { italics: true } : {}) }));
}

function centred(children: ParagraphChild[], after = 0, before = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after, line: 240, lineRule: 'auto' }, children });
}

/** A short rule under a centred heading: an empty paragraph whose bottom border runs between the indents. */
function rule(cellWidth: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - length) / 2));
  return new Paragraph({ indent: { left: side, right: side }, spacing: { before: 60, after: 120, line: 120, lineRule: 'exact' }, border: { top: RULE }, children: [] });
}

function cell(children: Paragraph[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...extra });
}

/** Issuing body and number | national title, motto, place and date (Decree 30, Phụ lục I, ô 1–5). */
function headerTable(r: ReportDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const leftParas: Paragraph[] = [];
  if (r.header.parent) leftParas.push(centred(runs(r.header.parent, { size: 26 })));
  leftParas.push(centred(runs(r.header.issuer, { bold: true, size: 26 })));
  leftParas.push(rule(left, Math.round(left / 3)));
  leftParas.push(centred([run(r.header.number, { size: 26 })]));
  const rightParas = [
    centred([run(r.header.nationalTitle, { bold: true, size: 24 })]),
    centred([run(r.header.motto, { bold: true, size: 26 })]),
    // the motto's rule is as long as the motto (about 62 mm at 13 pt bold)
    rule(right, Math.round(62 * MM)),
    centred([run(r.header.placeDate, { italics: true, size: 26 })], 0, 60),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(leftParas, left), cell(rightParas, right)] })],
  });
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * MM) }, spacing: { before: 0, after: 120, line: 300, lineRule: 'auto' }, children: [run(text)] });
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(10 * MM) },
    spacing: { before: level === 1 ? 180 : 60, after: 120, line: 300, lineRule: 'auto' },
    keepNext: true,
    children: [run(text, { bold: true, ...(level === 2 ? { italics: true } : {}) })],
  });
}

function align(a: ReportColumn['align']): (typeof AlignmentType)[keyof typeof AlignmentType] {
  return a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
}

function dataTable(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const total = block.columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = block.columns.map((c) => Math.round((TEXT_WIDTH * c.width) / total));
  const borders = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };
  const margins = { top: 30, bottom: 30, left: 70, right: 70 };
  const size = block.columns.length > 5 ? SMALL : TABLE_TEXT;
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      cell([new Paragraph({ alignment: AlignmentType.CENTER, children: [run(c.title, { bold: true, size })] })], widths[i] ?? 0, {
        borders,
        margins,
        verticalAlign: VerticalAlign.CENTER,
        shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' },
      }),
    ),
  });
  const bold = new Set(block.bold ?? []);
  const rows = block.rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((c, i) =>
          cell([new Paragraph({ alignment: bold.has(r) ? AlignmentType.LEFT : align(c.align), children: [run(row[i] ?? '', { size, ...(bold.has(r) ? { bold: true } : {}) })] })], widths[i] ?? 0, {
            borders,
            margins,
            verticalAlign: VerticalAlign.CENTER,
            ...(bold.has(r) ? { shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } } : {}),
          }),
        ),
      }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [head, ...rows] });
}

const SERIES_COLOURS = ['2F5597', 'ED7D31', '70AD47', 'FFC000'];

/** The chart's options for docx's ChartRun: labels printed as the report writes numbers (vi: 91,4). */
export function chartOptions(c: ReportChart): ChartRunOptions {
  const font = { name: FONT };
  const series = c.series.map((s, i) => ({
    name: s.name,
    values: s.values,
    color: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '2F5597',
    pointLabels: s.labels.map((text) => ({ text, position: 'outsideEnd' as const, font: { name: FONT, size: 8 } })),
  }));
  const many = c.categories.length > 6;
  // the description screen readers read, with the numbers as the report writes them
  const description = `${c.title}. ${c.series.map((s) => `${s.name}: ${c.categories.map((k, i) => `${k} ${s.labels[i] ?? ''}`).join('; ')}`).join('. ')}`;
  const common = {
    altText: { name: c.title, description },
    title: { text: c.title, font: { name: FONT, size: 12, bold: true } },
    font,
    categories: c.categories,
    legend: { position: 'bottom' as const, font: { name: FONT, size: 9 } },
    transformation: { width: c.width, height: c.height },
    categoryAxis: { font: { name: FONT, size: 8 }, ...(many && c.type === 'column' ? { labelRotation: -45 } : {}), ...(c.type === 'bar' ? { reverseOrder: true } : {}) },
    valueAxis: { font: { name: FONT, size: 8 }, ...(c.axis ? { minimum: c.axis.min, maximum: c.axis.max } : {}) },
  };
  if (c.type === 'bar') return { type: 'bar', ...common, series, gapWidth: 60 };
  const target = c.target
    ? [{ name: c.target.label, values: c.categories.map(() => c.target?.value ?? 0), type: 'line' as const, color: 'C00000', line: { color: 'C00000', width: 1.75, dash: 'dash' as const }, markers: false, dataLabels: false as const }]
    : [];
  return { type: 'column', ...common, series: [...series, ...target], gapWidth: 60 };
}

function chartParagraph(c: ReportChart): Paragraph {
  // line spacing "auto" on the chart's paragraph: a fixed line height would clip the chart to one line
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 200, line: 240, lineRule: 'auto' }, keepLines: true, children: [new ChartRun(chartOptions(c))] });
}

/** "Nơi nhận" | signature block (Decree 30, Phụ lục I, ô 7–9). */
function closingTable(r: ReportDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(r.recipients.heading, { bold: true, italics: true, size: 24 })] }),
    ...r.recipients.items.map((x) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${x}`, { size: SMALL })] })),
  ];
  const signature = [
    centred([run(r.signature.authority, { bold: true })]),
    centred([run(r.signature.title, { bold: true })]),
    ...[0, 1, 2, 3].map(() => centred([run('')])),
    centred([run(r.signature.name, { bold: true })]),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, left), cell(signature, right)] })],
  });
}

function body(blocks: readonly ReportBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(heading(b.text, b.level));
    else if (b.kind === 'paragraph') out.push(bodyParagraph(b.text));
    else if (b.kind === 'item') out.push(bodyParagraph(`- ${b.text}`));
    else if (b.kind === 'table') {
      out.push(dataTable(b));
      out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
    } else out.push(chartParagraph(b.chart));
  }
  return out;
}

/** The Word document of a report (docx's object model). */
export function reportDocument(r: ReportDocument): Document {
  const lang = r.lang === 'vi' ? 'vi-VN' : 'en-GB';
  return new Document({
    creator: 'parindex',
    title: `${r.kind} ${r.subject}`,
    styles: { default: { document: { run: { font: FONT, size: BODY, language: { value: lang } } } } },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: { ...MARGIN, header: Math.round(10 * MM), footer: Math.round(10 * MM) } },
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] })] }),
        },
        children: [
          headerTable(r),
          centred([run(r.kind, { bold: true })], 0, 360),
          centred([run(r.subject, { bold: true })], 0),
          rule(TEXT_WIDTH, Math.round(40 * MM)),
          ...body(r.blocks),
          new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
          closingTable(r),
        ],
      },
    ],
  });
}

/**
 * The report as .docx bytes (works in Node and in the browser).
 * @example writeFileSync('bao-cao.docx', await reportDocx(report));
 */
export async function reportDocx(r: ReportDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(r)));
}
