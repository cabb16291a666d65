/**
 * Printing a template: row heights sized to the wrapped text, and the paper and scale that keep
 * the body text at 9 pt or more. Widths are in Excel's characters: the width of "0" in the
 * workbook's default font, which the template makes its own font (Times New Roman: a digit is
 * half an em, 8 px at 12 pt and 96 dpi), so Excel and LibreOffice (Liberation Serif, the same
 * metrics) draw the same widths. Heights and fonts are in points.
 */

/** Pixels of a digit of the default font (Times-like: half an em, rounded as Excel rounds it). */
export function digitPixels(fontSize: number): number {
  return Math.round((fontSize * 96) / 72 / 2);
}

/** Points of a column `width` characters wide (digits of the default font + 5 px padding, 0.75 pt per px). */
export function columnPoints(width: number, fontSize = 12): number {
  return (width * digitPixels(fontSize) + 5) * 0.75;
}

/** Width of a character of a Times-like font, in em (bold a little wider): capitals, small letters, digits, spaces, marks. */
function charEm(ch: string, bold: boolean): number {
  const base = ch.normalize('NFD').charAt(0);
  let em: number;
  if (base === ' ') em = 0.27;
  else if (/[0-9]/.test(base)) em = 0.5;
  else if (/[A-ZĐ]/.test(base)) em = base === 'I' || base === 'J' ? 0.4 : base === 'M' || base === 'W' ? 0.9 : 0.7;
  else if (/[a-zđ]/.test(base)) em = base === 'i' || base === 'l' || base === 'j' || base === 't' || base === 'f' || base === 'r' ? 0.3 : base === 'm' || base === 'w' ? 0.78 : 0.5;
  else if (/[.,:;'!|()[\]/-]/.test(base)) em = 0.3;
  else em = 0.55;
  return bold ? em * 1.08 : em;
}

/** Width of a text in points, in a Times-like font of `fontSize`. */
export function textPoints(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch, bold);
  return em * fontSize;
}

/**
 * Lines a text takes in a column: greedy word wrapping on the column's width (character widths
 * of a Times-like font, capitals wider than small letters). Explicit new lines start new lines.
 */
export function wrappedLines(text: string, width: number, fontSize: number, bold = false): number {
  if (text === '') return 1;
  const usable = Math.max(1, columnPoints(width, fontSize) - 10);
  const space = textPoints(' ', fontSize, bold);
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of para.split(/\s+/).filter((x) => x !== '')) {
      const wpt = textPoints(word, fontSize, bold);
      if (line > 0 && line + space + wpt <= usable) {
        line += space + wpt;
        continue;
      }
      if (line > 0) count++;
      line = wpt;
      while (line > usable) {
        count++;
        line -= usable;
      }
    }
    lines += count;
  }
  return lines;
}

/** Height of a row whose cells hold these texts (each with its column width and font), at least `minLines` lines of the body font. */
export function rowHeight(cells: readonly { text: string; width: number; fontSize: number; bold?: boolean }[], bodySize: number, minLines = 1): number {
  let h = minLines * lineHeight(bodySize);
  for (const c of cells) h = Math.max(h, wrappedLines(c.text, c.width, c.fontSize, c.bold) * lineHeight(c.fontSize));
  return Math.ceil(h + 4);
}

/** Line height of a font size (Times-like fonts: 1.2 em, plus a little for Vietnamese marks). */
export function lineHeight(fontSize: number): number {
  return fontSize * 1.25;
}

/** Printable width of a paper in landscape, points, with the margins of `margins` (inches). */
const PAPER_LANDSCAPE_PT: Readonly<Record<'A4' | 'A3', number>> = Object.freeze({ A4: 842, A3: 1191 });

export interface PrintChoice {
  paper: 'A4' | 'A3';
  /** Print scale, percent. */
  scale: number;
  /** Printed size of the body text, points. */
  printedSize: number;
}

/**
 * The smallest paper (A4, then A3, landscape) on which the columns fit across at a scale that
 * prints the body font at `minPrinted` points or more; the scale fills the paper's width (never
 * above 100%).
 * @example choosePaper([7, 32, 7, 14, 30, 24, 20, 8, 8, 18, 9], 11, 0.3) // { paper: 'A4', scale: 8x, … }
 */
export function choosePaper(widths: readonly number[], bodySize: number, sideMarginInches: number, minPrinted = 9): PrintChoice {
  const total = widths.reduce((s, w) => s + columnPoints(w, bodySize), 0);
  let last: PrintChoice | undefined;
  for (const paper of ['A4', 'A3'] as const) {
    const avail = PAPER_LANDSCAPE_PT[paper] - 2 * sideMarginInches * 72;
    // a little slack: programs round widths differently
    const scale = Math.min(100, Math.floor((avail / (total * 1.02)) * 100));
    last = { paper, scale, printedSize: (bodySize * scale) / 100 };
    if (last.printedSize >= minPrinted) return last;
  }
  return last ?? { paper: 'A3', scale: 100, printedSize: bodySize };
}

/**
 * Column widths that fit one landscape A4 page across at `minPrinted` points: the widths as they
 * are when they fit, else narrowed in proportion (no column below `floor`), text wrapping more.
 * @example fitWidths([11, 58, 10, 12, 16, 11, 13, 40, 26, 28, 28], 12, 0.3) // about 166 in all
 */
export function fitWidths(widths: readonly number[], bodySize: number, sideMarginInches: number, minPrinted = 9, floor = 10): number[] {
  const avail = ((PAPER_LANDSCAPE_PT.A4 - 2 * sideMarginInches * 72) * 100) / ((minPrinted / bodySize) * 100 * 1.02);
  const px = digitPixels(bodySize);
  const total = (ws: readonly number[]): number => ws.reduce((s, w) => s + columnPoints(w, bodySize), 0);
  if (total(widths) <= avail) return [...widths];
  // the budget in characters, shared in proportion among the wide columns (over `keep`: text);
  // the narrow ones (codes, dates, numbers) keep their width
  const keep = 13;
  const budget = (avail / 0.75 - 5 * widths.length) / px;
  const narrow = widths.filter((w) => w <= keep).reduce((s, w) => s + w, 0);
  const wide = widths.filter((w) => w > keep).reduce((s, w) => s + w, 0);
  const k = Math.max(0, (budget - narrow) / Math.max(1, wide));
  return widths.map((w) => (w <= keep ? w : Math.max(floor, Math.floor(w * k))));
}
