/**
 * Tables at task-pane width (320–350 px): narrow, fixed columns for the numbers and tight cell
 * padding, so the unit's short name keeps the rest of the row and never breaks inside a word.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

/** Column widths (content; the compact cells add 8 px of padding). */
export const COLUMN = {
  rank: { width: '30px' },
  points: { width: '50px' },
  index: { width: '62px' },
  grade: { width: '36px' },
  change: { width: '50px' },
  count: { width: '44px' },
  input: { width: '68px' },
} as const;

export const useTableStyles = makeStyles({
  // on the <Table>: every header and body cell padded tight; a name wraps between words
  compact: { '& th, & td': { paddingLeft: '4px', paddingRight: '4px', overflowWrap: 'break-word' } },
});

/** Inputs held to their container (Fluent's Input has a 250 px minimum width: wider than half the pane). */
export const useFieldStyles = makeStyles({
  input: { minWidth: 0, width: '100%', maxWidth: '100%', boxSizing: 'border-box' },
  // a value that cannot count: a red frame (the reason is written beside it)
  invalid: { outline: `2px solid ${tokens.colorPaletteRedBorder2}`, outlineOffset: '-1px' },
});
