/**
 * "Giải thích ô đang chọn": in Excel, the cell the analyst selects in an output sheet ("Kết quả",
 * "Xếp hạng", "Điểm bị trừ", "Tổng hợp") explained as the pane's tables explain a score — a
 * unit's points on a criterion by the engine's explanation (rule, declared value and source,
 * rounds with reasons, points lost and recoverable), a unit's total or index by its areas and the
 * criteria that lost points. Any other cell: a short hint where to click.
 */
import { useEffect, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SelectedCell, SelectionWatcher } from '../../excel/selection';
import { useWorkbench } from '../state';
import { CriterionExplanation, UnitExplanation } from './Explain';
import { sc } from './selectionStrings';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
});

/** "'Kết quả'!E14" as the pane shows a cell. */
function cellText(c: SelectedCell): string {
  return `'${c.sheet}'!${c.address}`;
}

export function SelectedCellExplain({ watch }: { watch: SelectionWatcher }): JSX.Element | null {
  const w = useWorkbench();
  const styles = useStyles();
  const [cell, setCell] = useState<SelectedCell | undefined>(undefined);
  // a criterion opened from the unit's list of lost points (until the next selection)
  const [picked, setPicked] = useState<string | undefined>(undefined);
  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    void watch((c) => {
      setCell(c);
      setPicked(undefined);
    })
      .then((s) => {
        if (gone) void s();
        else stop = s;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (stop) void stop();
    };
  }, [watch]);
  const summary = w.computed?.summary;
  if (!summary?.results) return null;
  const target = cell && w.engine ? w.engine.cellExplainTarget(summary, cell.sheet, cell.address) : undefined;
  const criterion = target?.criterion ?? picked;
  return (
    <section className={styles.panel} aria-label={sc('cell.title', w.lang)} data-testid="selected-cell">
      <Text weight="semibold">{sc('cell.title', w.lang)}</Text>
      {target ? (
        <>
          <Text size={200} data-testid="selected-cell-at">
            {sc('cell.at', w.lang, { cell: cell ? cellText(cell) : '' })}
          </Text>
          {criterion ? <CriterionExplanation unit={target.unit} criterion={criterion} /> : <UnitExplanation unit={target.unit} onCriterion={setPicked} />}
          {picked && !target.criterion ? (
            <Button size="small" onClick={() => setPicked(undefined)} data-testid="selected-cell-back">
              {sc('cell.unitOf', w.lang)}
            </Button>
          ) : null}
        </>
      ) : (
        <Text size={200} data-testid="selected-cell-hint">
          {cell ? `${sc('cell.notScore', w.lang, { cell: cellText(cell) })} ` : ''}
          {sc('cell.hint', w.lang)}
        </Text>
      )}
    </section>
  );
}
