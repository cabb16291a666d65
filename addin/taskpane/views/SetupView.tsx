import { useEffect, useState } from 'react';
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { s } from '../i18n';
import { unitsWithData, useWorkbench } from '../state';
import { newWorkbook, saveBytes } from '../files';
import { useConfirmDiscard } from '../discard';
import { count } from '../fmt';
import { IssueList } from './IssueList';

/** A built-in set as one short line for the dropdown (its full name on hover): "2023– · Bộ tiêu chí … (164)". */
function optionText(f: { name: string; leaves: number; years?: string }): string {
  const name = f.name.length > 60 ? `${f.name.slice(0, 58)}…` : f.name;
  return `${f.years ? `${f.years} · ` : ''}${name} (${f.leaves})`;
}

export function SetupView(): JSX.Element {
  const w = useWorkbench();
  const [list, setList] = useState<{ id: string; name: string; leaves: number; years?: string }[]>([]);
  const [choice, setChoice] = useState('');
  const [working, setWorking] = useState(false);
  const { ask, dialog } = useConfirmDiscard();
  useEffect(() => {
    void w.loadEngine().then((e) => {
      const b = e.builtins(w.lang);
      setList(b.frameworks);
      setChoice((c) => c || b.frameworks[0]?.id || '');
    });
  }, [w]);
  const doc = w.doc;
  const leaves = doc && w.engine ? w.engine.leavesOf(doc).length : 0;
  const errors = w.docIssues.filter((i) => i.severity === 'error').length;
  const submitted = doc ? unitsWithData(doc) : 0;
  const create = async (): Promise<void> => {
    setWorking(true);
    try {
      const eng = await w.loadEngine();
      const r = eng.newMasterSheets(choice, w.lang);
      if (r.issues.length > 0) {
        const issues = r.issues;
        w.say({ intent: 'error', text: (l) => issues.map((i) => eng.describeIssue(i, l)).join(' ') });
        return;
      }
      if (w.host === 'excel' && w.port) {
        await w.port.write(r.sheets);
        await w.refresh();
      } else {
        const port = await newWorkbook();
        await port.write(r.sheets);
        w.setWorkbook(port, 'so-tong-hop.xlsx');
        saveBytes(await port.toBuffer(), 'so-tong-hop.xlsx');
      }
      const n = r.sheets.length;
      w.say({ intent: 'success', text: (l) => s('setup.done', l, { count: n }) });
    } catch (e) {
      w.fail(e);
    } finally {
      setWorking(false);
    }
  };
  const chosen = list.find((f) => f.id === choice);
  return (
    <>
      {doc ? (
        <Text weight="semibold" data-testid="setup-status">
          {s('setup.status', w.lang, { name: doc.framework.name, leaves: count(leaves, w.lang), units: count(doc.units.length, w.lang) })} ·{' '}
          {submitted === 0 ? s('setup.empty', w.lang) : s('setup.submitted', w.lang, { count: count(submitted, w.lang) })} ·{' '}
          {errors === 0 ? s('setup.valid', w.lang) : s('setup.invalid', w.lang, { count: count(errors, w.lang) })}
        </Text>
      ) : null}
      <Text>{s('setup.intro', w.lang)}</Text>
      <Field label={s('setup.framework', w.lang)} style={{ minWidth: 0 }}>
        {/* a native select is as wide as its longest option: held to the pane's width, the full name on hover */}
        <Select value={choice} onChange={(_, d) => setChoice(d.value)} style={{ maxWidth: '100%', minWidth: 0 }} title={chosen?.name} data-testid="setup-framework">
          {list.map((f) => (
            <option key={f.id} value={f.id} title={f.name}>
              {optionText(f)}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        appearance="primary"
        disabled={working || !choice || (w.host === 'excel' && Boolean(doc))}
        onClick={() => (w.host === 'excel' ? void create() : ask('new', () => void create()))}
        data-testid="setup-create"
      >
        {w.host === 'excel' ? s('setup.create', w.lang) : s('setup.createNew', w.lang)}
      </Button>
      {w.docIssues.length > 0 ? <IssueList issues={w.docIssues} /> : null}
      {dialog}
    </>
  );
}
