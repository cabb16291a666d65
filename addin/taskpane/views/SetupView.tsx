import { useEffect, useState } from 'react';
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { s } from '../i18n';
import { useWorkbench } from '../state';
import { newWorkbook, saveBytes } from '../files';
import { IssueList } from './IssueList';

export function SetupView(): JSX.Element {
  const w = useWorkbench();
  const [list, setList] = useState<{ id: string; name: string; leaves: number; years?: string }[]>([]);
  const [choice, setChoice] = useState('');
  const [working, setWorking] = useState(false);
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
  const create = async (): Promise<void> => {
    setWorking(true);
    try {
      const eng = await w.loadEngine();
      const r = eng.newMasterSheets(choice, w.lang);
      if (r.issues.length > 0) {
        w.say({ intent: 'error', text: r.issues.map((i) => w.issueText(i)).join(' ') });
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
      w.say({ intent: 'success', text: s('setup.done', w.lang, { count: r.sheets.length }) });
    } catch (e) {
      w.fail(e);
    } finally {
      setWorking(false);
    }
  };
  return (
    <>
      {doc ? (
        <Text weight="semibold" data-testid="setup-status">
          {s('setup.status', w.lang, { name: doc.framework.name, leaves, units: doc.units.length })} · {errors === 0 ? s('setup.valid', w.lang) : s('setup.invalid', w.lang, { count: errors })}
        </Text>
      ) : null}
      <Text>{s('setup.intro', w.lang)}</Text>
      <Field label={s('setup.framework', w.lang)}>
        <Select value={choice} onChange={(_, d) => setChoice(d.value)}>
          {list.map((f) => (
            <option key={f.id} value={f.id}>
              {f.years ? `${f.years} · ` : ''}
              {f.name} ({f.leaves})
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" disabled={working || !choice || (w.host === 'excel' && Boolean(doc))} onClick={() => void create()}>
        {w.host === 'excel' ? s('setup.create', w.lang) : s('setup.createNew', w.lang)}
      </Button>
      {w.docIssues.length > 0 ? <IssueList issues={w.docIssues} /> : null}
    </>
  );
}
