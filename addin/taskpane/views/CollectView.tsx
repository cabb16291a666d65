import { useRef, useState } from 'react';
import { Button, Checkbox, Text } from '@fluentui/react-components';
import type { Issue } from '../../../engine/model/issue';
import { s } from '../i18n';
import { useWorkbench } from '../state';
import { openXlsx, XlsxRejected } from '../files';
import { IssueList } from './IssueList';

interface Outcome {
  files: number;
  ok: number;
  partial: number;
  rejected: number;
  issues: Issue[];
}

function nowLocal(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function CollectView(): JSX.Element {
  const w = useWorkbench();
  const input = useRef<HTMLInputElement>(null);
  const [accept, setAccept] = useState(false);
  const [working, setWorking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);

  const onFiles = async (list: FileList | null): Promise<void> => {
    if (!list || list.length === 0) return;
    if (!w.port || !w.doc) {
      w.say({ intent: 'warning', text: s('needWorkbook', w.lang) });
      return;
    }
    setWorking(true);
    try {
      const eng = await w.loadEngine();
      const issues: Issue[] = [];
      const filled = [];
      for (const f of Array.from(list)) {
        try {
          const port = await openXlsx(f);
          const sheets = await port.listSheets();
          const snapshots = await port.read(sheets.map((x) => x.name));
          filled.push({ file: f.name, sheets, snapshots });
        } catch (e) {
          if (e instanceof XlsxRejected) issues.push(...e.issues);
          else issues.push({ code: 'file.bad', severity: 'error', params: { file: f.name }, file: f.name });
        }
      }
      const r = eng.importFilledTemplates(w.doc, filled, { lang: w.lang, now: nowLocal(), acceptValidRows: accept });
      issues.push(...r.issues);
      if (r.sheet) {
        await w.port.write([r.sheet]);
        await w.refresh();
        w.say({ intent: 'success', text: s('collect.written', w.lang, { count: r.log.length }) });
      } else w.say({ intent: 'info', text: s('collect.nothing', w.lang) });
      setOutcome({
        files: list.length,
        ok: r.parsed.filter((p) => p.status === 'ok').length,
        partial: r.parsed.filter((p) => p.status === 'partial').length,
        rejected: r.parsed.filter((p) => p.status === 'rejected').length + (list.length - filled.length),
        issues,
      });
    } catch (e) {
      w.fail(e);
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <Text>{s('collect.intro', w.lang)}</Text>
      <Checkbox checked={accept} onChange={(_, d) => setAccept(Boolean(d.checked))} label={s('collect.acceptValid', w.lang)} />
      <input ref={input} type="file" multiple accept=".xlsx" hidden data-testid="collect-files" aria-label={s('collect.pick', w.lang)} onChange={(e) => void onFiles(e.target.files).finally(() => (e.target.value = ''))} />
      <div
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          void onFiles(e.dataTransfer.files);
        }}
      >
        <Button appearance="primary" disabled={working || !w.doc} onClick={() => input.current?.click()}>
          {s('collect.pick', w.lang)}
        </Button>
      </div>
      {!w.doc ? <Text>{s('needWorkbook', w.lang)}</Text> : null}
      {outcome ? (
        <>
          <Text weight="semibold" data-testid="collect-summary">
            {s('collect.summary', w.lang, { files: outcome.files, ok: outcome.ok, partial: outcome.partial, rejected: outcome.rejected, errors: outcome.issues.filter((i) => i.severity === 'error').length })}
          </Text>
          <IssueList issues={outcome.issues} canSelect={false} />
        </>
      ) : null}
    </>
  );
}
