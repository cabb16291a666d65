import { useMemo, useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Unit } from '../../../engine';
import { s } from '../i18n';
import { useWorkbench } from '../state';
import { saveBytes, zipFiles } from '../files';
import { count, date, parseDate } from '../fmt';
import { shortUnitName } from './names';
import { useFieldStyles, useTableStyles } from './table';

/**
 * One unit's template as `parindex templates` makes it (engine/app: the master's deadline and round,
 * the plan's task-status sheet), written to .xlsx bytes by the exceljs port (lazy chunk).
 */
async function build(w: ReturnType<typeof useWorkbench>, doc: NonNullable<ReturnType<typeof useWorkbench>['doc']>, unit: Unit, deadline: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [eng, { ExcelJsPort }] = await Promise.all([w.loadEngine(), import(/* webpackChunkName: "exceljs" */ '../../../files/port')]);
  const [t] = eng.templatesOf(doc, { lang: w.lang, now: eng.localIso(new Date()), units: [unit.code], ...(deadline ? { deadline } : {}) });
  if (!t) throw new Error(`no template for ${unit.code}`);
  const port = ExcelJsPort.create();
  await port.write(t.sheets);
  return { name: t.fileName, bytes: await port.toBuffer() };
}

export function TemplatesView(): JSX.Element {
  const w = useWorkbench();
  // typed as dd/mm/yyyy whatever the browser's locale (a native date box shows mm/dd/yyyy in an English Windows)
  const [deadlineText, setDeadlineText] = useState('');
  const deadline = parseDate(deadlineText) ?? '';
  const deadlineBad = deadlineText.trim() !== '' && !deadline;
  const [progress, setProgress] = useState<string | undefined>(undefined);
  const t = useTableStyles();
  const fieldStyles = useFieldStyles();
  // unit codes that would share a file name (or make one too long): no template until they are fixed
  const blocked = useMemo(() => (w.doc && w.engine ? w.engine.templatesBlocked(w.doc, w.lang) : []), [w.doc, w.engine, w.lang]);
  if (!w.doc || !w.engine) return <Text>{s('needWorkbook', w.lang)}</Text>;
  const doc = w.doc;
  const units = w.engine.templateUnitsOf(doc);
  const one = async (u: Unit): Promise<void> => {
    try {
      const f = await build(w, doc, u, deadline);
      saveBytes(f.bytes, f.name);
    } catch (e) {
      w.fail(e);
    }
  };
  const all = async (): Promise<void> => {
    try {
      const files: { name: string; bytes: Uint8Array }[] = [];
      for (const u of units) {
        setProgress(s('templates.building', w.lang, { done: count(files.length + 1, w.lang), total: count(units.length, w.lang) }));
        files.push(await build(w, doc, u, deadline));
        await new Promise((r) => setTimeout(r, 0));
      }
      saveBytes(await zipFiles(files), `bieu-mau-${doc.framework.id}.zip`, 'application/zip');
    } catch (e) {
      w.fail(e);
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <>
      <Text>{s('templates.intro', w.lang)}</Text>
      <Text weight="semibold">{s('templates.count', w.lang, { count: count(units.length, w.lang) })}</Text>
      {blocked.length > 0 && (
        <MessageBar intent="error" role="alert" data-testid="templates-blocked">
          <MessageBarBody>
            {blocked.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field
        label={s('templates.deadline', w.lang)}
        style={{ minWidth: 0 }}
        validationState={deadlineBad ? 'error' : 'none'}
        validationMessage={deadlineBad ? s('templates.badDeadline', w.lang, { value: deadlineText.trim() }) : deadline ? s('templates.deadlineIs', w.lang, { date: date(deadline, 'vi') }) : null}
      >
        <Input className={fieldStyles.input} value={deadlineText} placeholder="dd/mm/yyyy" inputMode="numeric" onChange={(_, d) => setDeadlineText(d.value)} data-testid="templates-deadline" />
      </Field>
      <Button appearance="primary" disabled={progress !== undefined || blocked.length > 0 || deadlineBad} onClick={() => void all()} data-testid="templates-zip">
        {progress ?? s('templates.all', w.lang)}
      </Button>
      <Table size="small" className={t.compact} aria-label={s('view.templates', w.lang)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s('analyse.unit', w.lang)}</TableHeaderCell>
            <TableHeaderCell style={{ width: '128px' }} />
          </TableRow>
        </TableHeader>
        <TableBody>
          {units.map((u) => (
            <TableRow key={u.code}>
              <TableCell title={`${u.code} — ${u.name}`}>
                {u.code} — {shortUnitName(u.name)}
              </TableCell>
              <TableCell style={{ textAlign: 'right' }}>
                <Button size="small" disabled={blocked.length > 0 || deadlineBad} onClick={() => void one(u)} aria-label={`${s('templates.one', w.lang)} ${u.name}`}>
                  {s('templates.one', w.lang)}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
