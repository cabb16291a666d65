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
import { inLang, useWorkbench, WorkbenchProvider, type ProviderProps } from './state';
import { openXlsx, XlsxRejected } from './files';
import { downloadName, downloadWorkbook, useConfirmDiscard } from './discard';
import { count } from './fmt';
import { viewFromUrl } from './host';
import { SetupView } from './views/SetupView';
import { TemplatesView } from './views/TemplatesView';
import { CollectView } from './views/CollectView';
import { AppraiseView } from './views/AppraiseView';
import { ComputeView } from './views/ComputeView';
import { AnalyseView } from './views/AnalyseView';
import { SipasView } from './views/SipasView';
import { PlanView } from './views/PlanView';
import { SelectedCellExplain } from './views/SelectedCell';
import { watchSelection, type SelectionWatcher } from '../excel/selection';

const useStyles = makeStyles({
  // the pane is 320–350 px wide in Excel: nothing may be wider than the viewport (no sideways scrolling)
  root: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px', maxWidth: '960px', margin: '0 auto', boxSizing: 'border-box', minWidth: 0, '@media (max-width: 420px)': { padding: '8px' } },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '8px', flexWrap: 'wrap' },
  bar: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', padding: '8px', backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  fileName: { flexBasis: '100%', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  tabs: { flexWrap: 'wrap' },
  view: { display: 'flex', flexDirection: 'column', gap: '10px', paddingTop: '4px', minWidth: 0 },
});

function isView(v: string | undefined): v is ViewId {
  return v !== undefined && ((VIEW_IDS as readonly string[]).includes(v) || v === 'help');
}

function WorkbookBar(): JSX.Element {
  const w = useWorkbench();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState(false);
  const { ask, dialog } = useConfirmDiscard();
  if (w.host === 'excel') return <Text>{s('host.excel', w.lang)}</Text>;
  const open = async (f: File): Promise<void> => {
    setOpening(true);
    try {
      const port = await openXlsx(f);
      const eng = await w.loadEngine();
      const sheets = await port.listSheets();
      const names = sheets.map((x) => x.name);
      if (eng.workbookKind(f.name, sheets).kind === 'master') {
        w.setWorkbook(port, f.name);
        return;
      }
      const kind = eng.workbookKind(f.name, sheets, await port.read(names));
      // not a master: say at once what it is; the workbook already open (if any) stays open
      const kept = w.fileName;
      const keptText = kept ? (l: Lang): string => s('file.keptOpen', l, { file: kept }) : undefined;
      if (kind.kind === 'template') {
        const unit = kind.unit ? `${kind.unit}${kind.unitName ? ` — ${kind.unitName}` : ''}` : '';
        const filled = (l: Lang): string => (kind.answered > 0 ? s('file.filled', l, { answered: count(kind.answered, l), applicable: count(kind.applicable, l) }) : s('file.blank', l));
        w.say({
          intent: 'warning',
          text: (l) => (unit ? s('file.template', l, { file: f.name, unit, filled: filled(l) }) : s('file.templateNoUnit', l, { file: f.name, filled: filled(l) })),
          ...(keptText ? { detail: keptText } : {}),
          goTo: 'collect',
        });
      } else w.say({ intent: 'error', text: (l) => s('file.other', l, { file: f.name }), ...(keptText ? { detail: keptText } : {}) });
    } catch (e) {
      const first = e instanceof XlsxRejected ? e.issues[0] : undefined;
      const eng = first ? await w.loadEngine().catch(() => undefined) : undefined;
      w.say({ intent: 'error', text: (l) => (first && eng ? eng.describeIssue(first, l) : s('file.bad', l, { file: f.name })) });
    } finally {
      setOpening(false);
    }
  };
  const standalone = w.port && w.port.host === 'exceljs';
  return (
    <>
      <Text className={styles.fileName} title={w.fileName}>
        {w.fileName ? s('file.opened', w.lang, { file: w.fileName }) : s('host.standalone', w.lang)}
        {w.unsaved ? (
          <Text size={200} style={{ color: tokens.colorPaletteDarkOrangeForeground1 }} data-testid="unsaved">
            {' '}
            · {s('file.unsaved', w.lang)}
          </Text>
        ) : null}
      </Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="open-master"
        aria-label={s('file.open', w.lang)}
        onChange={(ev) => {
          const f = ev.target.files?.[0];
          ev.target.value = '';
          if (f) void open(f);
        }}
      />
      <Button appearance="primary" disabled={opening} onClick={() => ask('open', () => input.current?.click())}>
        {opening ? s('file.opening', w.lang) : s('file.open', w.lang)}
      </Button>
      {standalone ? (
        // the workbook as it is now, at any step: inputs, imports, appraisals and (once computed) results
        <Button data-testid="download" onClick={() => void downloadWorkbook(w)} title={downloadName(w)}>
          {w.computed?.ok ? s('file.download', w.lang) : s('file.downloadMaster', w.lang)}
        </Button>
      ) : null}
      {dialog}
    </>
  );
}

/** The selection in Excel, followed through Office (nothing outside Excel). */
const officeSelection: SelectionWatcher = (onCell) => watchSelection(onCell);

function Shell({ initialView, selection }: { initialView: ViewId; selection: SelectionWatcher }): JSX.Element {
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
  // closing or reloading the page with changes not downloaded: the browser asks first
  const unsaved = w.unsaved;
  const lang = w.lang;
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // older Chromium webviews show the prompt only when returnValue is set
      Object.defineProperty(e, 'returnValue', { value: s('file.leaveWarning', lang), configurable: true });
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved, lang]);
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
        // worded in the current language each time it renders: switching language re-words the last message
        <MessageBar intent={w.message.intent} role={w.message.intent === 'error' ? 'alert' : 'status'} data-testid="message" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{inLang(w.message.text, w.lang)}</MessageBarTitle>
            {w.message.detail ? <div>{inLang(w.message.detail, w.lang)}</div> : null}
            {w.message.goTo && w.message.goTo !== view ? (
              <div style={{ marginTop: 6 }}>
                <Button size="small" data-testid="message-goto" onClick={() => setView(w.message?.goTo ?? view)}>
                  {s('message.goTo', w.lang, { step: s(`view.${w.message.goTo}`, w.lang) })}
                </Button>
              </div>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <section className={styles.view} aria-label={s(`view.${view}`, w.lang)} data-testid={`view-${view}`}>
        {body}
      </section>
      {/* in Excel, the cell selected in an output sheet explained (Tính điểm, Phân tích) */}
      {w.host === 'excel' && (view === 'compute' || view === 'analyse') ? <SelectedCellExplain watch={selection} /> : null}
    </main>
  );
}

export interface AppProps extends Omit<ProviderProps, 'children'> {
  initialView?: string;
  /** How the pane follows the cell selected in Excel (default: Office's onSelectionChanged; a double in tests). */
  selection?: SelectionWatcher;
}

export function App(props: AppProps): JSX.Element {
  const { initialView, selection, ...provider } = props;
  return (
    <FluentProvider theme={webLightTheme}>
      <WorkbenchProvider {...provider}>
        <Shell initialView={isView(initialView) ? initialView : 'compute'} selection={selection ?? officeSelection} />
      </WorkbenchProvider>
    </FluentProvider>
  );
}
