import { useRef, useState } from 'react';
import { Button, Checkbox, Text } from '@fluentui/react-components';
import { errorsToFix, issue, pushAll, type Issue } from '../../../engine';
import type { FilledInput } from '../../../engine';
import { s } from '../i18n';
import { useWorkbench } from '../state';
import { openXlsx, XlsxRejected } from '../files';
import { IssueList } from './IssueList';
import { RiskList } from './insightLazy';

interface Outcome {
  files: number;
  ok: number;
  partial: number;
  rejected: number;
  issues: Issue[];
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
      w.say({ intent: 'warning', text: (l) => s('needWorkbook', l) });
      return;
    }
    setWorking(true);
    try {
      const eng = await w.loadEngine();
      const issues: Issue[] = [];
      const filled: FilledInput[] = [];
      for (const f of Array.from(list)) {
        // the file's own time is its submission time, as the CLI takes the file's modification time
        const submittedAt = f.lastModified ? eng.localIso(new Date(f.lastModified)) : undefined;
        const at = submittedAt ? { submittedAt } : {};
        try {
          const port = await openXlsx(f);
          const sheets = await port.listSheets();
          const snapshots = await port.read(sheets.map((x) => x.name));
          // of two files of one unit, the one saved last (the file's metadata, else its time) is imported
          const saved = port.savedAt();
          filled.push({ file: f.name, sheets, snapshots, ...at, ...(saved ? { savedAt: eng.localIso(saved) } : {}) });
        } catch (e) {
          const refused: Issue[] = e instanceof XlsxRejected ? e.issues : [issue('file.corrupt', { file: f.name, detail: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) }, { file: f.name })];
          filled.push({ file: f.name, sheets: [], snapshots: [], refused, ...at });
        }
      }
      // the same import step as `parindex import`: submissions, status, log, task statuses, data checks
      const names = (await w.port.listSheets()).map((x) => x.name);
      const masterSnaps = await w.port.read(eng.sheetsToRead(names));
      const r = eng.importFilledTemplates(masterSnaps, filled, { lang: w.lang, now: eng.localIso(new Date()), acceptValidRows: accept, ...(w.fileName ? { file: w.fileName } : {}) });
      pushAll(issues, r.issues);
      if (r.status !== 'failed' && r.sheets.length > 0) {
        await w.port.write(r.sheets);
        await w.refresh();
        const changes = r.log.length;
        w.say({ intent: changes ? 'success' : 'info', text: (l) => (changes ? s('collect.written', l, { count: changes }) : s('collect.nothing', l)) });
      } else w.say({ intent: 'info', text: (l) => s('collect.nothing', l) });
      setOutcome({
        files: list.length,
        ok: r.files.filter((p) => p.status === 'ok').length,
        partial: r.files.filter((p) => p.status === 'partial').length,
        rejected: r.files.filter((p) => p.status === 'rejected').length,
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
            {s('collect.summary', w.lang, { files: outcome.files, ok: outcome.ok, partial: outcome.partial, rejected: outcome.rejected, errors: errorsToFix(outcome.issues) })}
          </Text>
          <RiskList issues={outcome.issues} lang={w.lang} unitName={(c) => w.doc?.units.find((u) => u.code === c)?.name ?? c} />
          <IssueList issues={outcome.issues} canSelect={false} />
        </>
      ) : null}
    </>
  );
}
