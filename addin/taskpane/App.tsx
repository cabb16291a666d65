import { useEffect, useRef, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { VIEW_IDS, s, type Lang, type ViewId } from './i18n';
import { useWorkbench, WorkbenchProvider, type ProviderProps } from './state';
import { openXlsx, resultsName, saveBytes, XlsxRejected } from './files';
import { viewFromUrl } from './host';
import { SetupView } from './views/SetupView';
import { TemplatesView } from './views/TemplatesView';
import { CollectView } from './views/CollectView';
import { AppraiseView } from './views/AppraiseView';
import { ComputeView } from './views/ComputeView';
import { AnalyseView } from './views/AnalyseView';
import { SipasView } from './views/SipasView';
import { PlanView } from './views/PlanView';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', maxWidth: '960px', margin: '0 auto' },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', flexWrap: 'wrap' },
  bar: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', padding: '8px', backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  tabs: { flexWrap: 'wrap' },
  view: { display: 'flex', flexDirection: 'column', gap: '10px', paddingTop: '4px' },
});

function isView(v: string | undefined): v is ViewId {
  return v !== undefined && ((VIEW_IDS as readonly string[]).includes(v) || v === 'help');
}

function WorkbookBar(): JSX.Element {
  const w = useWorkbench();
  const input = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState(false);
  if (w.host === 'excel') return <Text>{s('host.excel', w.lang)}</Text>;
  const canDownload = w.port && w.port.host === 'exceljs' && w.computed?.ok;
  return (
    <>
      <Text>{w.fileName ? s('file.opened', w.lang, { file: w.fileName }) : s('host.standalone', w.lang)}</Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="open-master"
        aria-label={s('file.open', w.lang)}
        onChange={async (ev) => {
          const f = ev.target.files?.[0];
          ev.target.value = '';
          if (!f) return;
          setOpening(true);
          try {
            const port = await openXlsx(f);
            w.setWorkbook(port, f.name);
            w.say(undefined);
          } catch (e) {
            const first = e instanceof XlsxRejected ? e.issues[0] : undefined;
            const eng = first ? await w.loadEngine().catch(() => undefined) : undefined;
            w.say({ intent: 'error', text: first && eng ? eng.describeIssue(first, w.lang) : s('file.bad', w.lang, { file: f.name }) });
          } finally {
            setOpening(false);
          }
        }}
      />
      <Button appearance="primary" disabled={opening} onClick={() => input.current?.click()}>
        {opening ? s('file.opening', w.lang) : s('file.open', w.lang)}
      </Button>
      {canDownload ? (
        <Button
          onClick={async () => {
            const p = w.port as unknown as { toBuffer(): Promise<Uint8Array> };
            saveBytes(await p.toBuffer(), resultsName(w.fileName ?? 'so-tong-hop.xlsx'));
          }}
        >
          {s('file.download', w.lang)}
        </Button>
      ) : null}
    </>
  );
}

function Shell({ initialView }: { initialView: ViewId }): JSX.Element {
  const styles = useStyles();
  const w = useWorkbench();
  const [view, setView] = useState<ViewId>(initialView);
  // every ribbon button opens the one pane on "taskpane.html#view=…": an open pane switches view, keeping what it holds
  useEffect(() => {
    const onHash = (): void => {
      const v = viewFromUrl('', window.location.hash);
      if (isView(v)) setView(v);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const body = (() => {
    switch (view) {
      case 'setup':
        return <SetupView />;
      case 'templates':
        return <TemplatesView />;
      case 'collect':
        return <CollectView />;
      case 'appraise':
        return <AppraiseView />;
      case 'compute':
        return <ComputeView />;
      case 'analyse':
        return <AnalyseView />;
      case 'sipas':
        return <SipasView />;
      case 'plan':
        return <PlanView />;
      default:
        return <Text>{s('help.text', w.lang)}</Text>;
    }
  })();
  return (
    <main className={styles.root} lang={w.lang}>
      <header className={styles.header}>
        <Title3 as="h1">{s('appTitle', w.lang)}</Title3>
        <label>
          <Text size={200}>{s('language', w.lang)} </Text>
          <Select size="small" value={w.lang} onChange={(_, d) => w.setLang(d.value as Lang)} aria-label={s('language', w.lang)}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </Select>
        </label>
      </header>
      <div className={styles.bar}>
        <WorkbookBar />
      </div>
      <nav aria-label={s('steps', w.lang)}>
        <TabList className={styles.tabs} selectedValue={view} onTabSelect={(_, d) => setView(d.value as ViewId)} size="small">
          {VIEW_IDS.map((id) => (
            <Tab key={id} value={id} data-testid={`tab-${id}`}>
              {s(`view.${id}`, w.lang)}
            </Tab>
          ))}
        </TabList>
      </nav>
      {w.message ? (
        <MessageBar intent={w.message.intent} role={w.message.intent === 'error' ? 'alert' : 'status'} data-testid="message">
          <MessageBarBody>
            <MessageBarTitle>{w.message.text}</MessageBarTitle>
            {w.message.detail ? <div>{w.message.detail}</div> : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <section className={styles.view} aria-label={s(`view.${view}`, w.lang)} data-testid={`view-${view}`}>
        {body}
      </section>
    </main>
  );
}

export interface AppProps extends Omit<ProviderProps, 'children'> {
  initialView?: string;
}

export function App(props: AppProps): JSX.Element {
  const { initialView, ...provider } = props;
  return (
    <FluentProvider theme={webLightTheme}>
      <WorkbenchProvider {...provider}>
        <Shell initialView={isView(initialView) ? initialView : 'compute'} />
      </WorkbenchProvider>
    </FluentProvider>
  );
}
