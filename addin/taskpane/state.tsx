/**
 * The pane's state: language, the workbook being worked on (through a WorkbookPort), the master
 * document as last read, the last compute, and messages. Views read it with `useWorkbench()`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { WorkbookPort } from '../../engine';
import type { Issue } from '../../engine';
import { ExcelPortError } from '../excel/errors';
import { featureText, s, type Lang, type ViewId } from './i18n';
import type { HostKind } from './host';
import type { ComputeSummary, MasterDocument } from './engine';
import type { Progress, RecomputeResult } from './recompute';
import { recompute } from './recompute';
import { masterPipeline, type WorkerFactory } from './worker-client';

export type EngineModule = typeof import('./engine');

/** Text in the pane's current language: a fixed string, or made again for each language. */
export type LangText = string | ((lang: Lang) => string);

/** A text in the given language. */
export function inLang(t: LangText, lang: Lang): string {
  return typeof t === 'function' ? t(lang) : t;
}

export interface Message {
  intent: 'success' | 'error' | 'warning' | 'info';
  /** Worded again when the language changes (a function of the language), or fixed text. */
  text: LangText;
  detail?: LangText;
  /** A step the message points to ("Nhận & kiểm tra" for a unit's file opened as a master). */
  goTo?: ViewId;
}

export interface Workbench {
  lang: Lang;
  setLang(l: Lang): void;
  host: HostKind;
  port: WorkbookPort | undefined;
  /** File name in standalone mode. */
  fileName: string | undefined;
  setWorkbook(port: WorkbookPort, fileName?: string): void;
  /** The engine, once loaded (lazy chunk). */
  engine: EngineModule | undefined;
  loadEngine(): Promise<EngineModule>;
  /** Master document as last read, with its issues. */
  doc: MasterDocument | undefined;
  docIssues: Issue[];
  /** Read the master sheets again (after a change in the workbook). */
  refresh(): Promise<MasterDocument | undefined>;
  computed: RecomputeResult<ComputeSummary> | undefined;
  progress: Progress | undefined;
  busy: boolean;
  compute(): Promise<RecomputeResult<ComputeSummary> | undefined>;
  message: Message | undefined;
  say(m: Message | undefined): void;
  /** Turn anything thrown into a message the user can act on. */
  fail(e: unknown): void;
  issueText(i: Issue): string;
  /** Select an issue's cell in Excel when the port can. */
  selectIssue(i: Issue): Promise<void>;
  /** Bumped whenever the workbook content changes, so views can re-read. */
  version: number;
  /**
   * Standalone: the open workbook holds changes (imports, appraisals, results, new sheets) not yet
   * downloaded. Inside Excel the workbook is Excel's to save: always false.
   */
  unsaved: boolean;
  /** The open workbook was just downloaded. */
  markSaved(): void;
}

const Ctx = createContext<Workbench | undefined>(undefined);

export function useWorkbench(): Workbench {
  const w = useContext(Ctx);
  if (!w) throw new Error('useWorkbench outside WorkbenchProvider');
  return w;
}

/** Text for an Excel failure, located and actionable. */
export function excelErrorMessage(e: ExcelPortError): Message {
  const where = (lang: Lang): string => [e.info.sheet ? `'${e.info.sheet}'` : '', e.info.cell ?? ''].filter(Boolean).join('!') || s('excel.theWorkbook', lang);
  return { intent: 'error', text: (lang) => s(e.info.code, lang, { where: where(lang) }), detail: (lang) => s('excel.detail', lang, { detail: `${e.info.operation}: ${e.info.detail}` }) };
}

/**
 * Count of units with something declared or appraised (a value, a self-score, a round, "not
 * applicable"): 0 for a master no unit has submitted to.
 */
export function unitsWithData(doc: Pick<MasterDocument, 'assessments'>): number {
  const units = new Set<string>();
  for (const a of doc.assessments) {
    if ((a.value !== undefined && a.value !== null) || a.self !== undefined || (a.appraisal?.length ?? 0) > 0 || a.notApplicable === true) units.add(a.unit);
  }
  return units.size;
}

/** A master with units but nothing from any of them: say so at once, pointing to the templates. */
function sayIfEmpty(doc: MasterDocument, say: (m: Message) => void): void {
  // the units that are scored (offices that only lead criteria are not waited for)
  const units = doc.units.filter((u) => u.scored !== false).length;
  if (units === 0 || unitsWithData(doc) > 0) return;
  say({ intent: 'info', text: (l) => s('open.noSubmissions', l, { units }), detail: (l) => s('open.noSubmissionsHint', l), goTo: 'templates' });
}

/**
 * Make a standalone workbook report its writes: every write (import, appraisal, compute) leaves
 * changes that exist only on the page until the workbook is downloaded.
 */
function watchWrites(p: WorkbookPort, onWrite: () => void): void {
  const write = p.write.bind(p);
  const watched: WorkbookPort['write'] = async (...args) => {
    const r = await write(...args);
    onWrite();
    return r;
  };
  Object.defineProperty(p, 'write', { value: watched, configurable: true, writable: true });
}

export interface ProviderProps {
  host: HostKind;
  initialLang?: Lang;
  port?: WorkbookPort;
  fileName?: string;
  /** Compute worker factory (the bundled pane passes one; tests run inline). */
  worker?: WorkerFactory;
  /** Engine loader (default: the lazy chunk). */
  engineLoader?: () => Promise<EngineModule>;
  children: ReactNode;
}

export function WorkbenchProvider(props: ProviderProps): JSX.Element {
  const [lang, setLang] = useState<Lang>(props.initialLang ?? 'vi');
  const [port, setPort] = useState<WorkbookPort | undefined>(props.port);
  const [fileName, setFileName] = useState<string | undefined>(props.fileName);
  const [engine, setEngine] = useState<EngineModule | undefined>(undefined);
  const [doc, setDoc] = useState<MasterDocument | undefined>(undefined);
  const [docIssues, setDocIssues] = useState<Issue[]>([]);
  const [computed, setComputed] = useState<RecomputeResult<ComputeSummary> | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const [unsaved, setUnsaved] = useState(false);
  const engineRef = useRef<EngineModule | undefined>(undefined);
  const portRef = useRef<WorkbookPort | undefined>(props.port);
  const loader = props.engineLoader;

  const loadEngine = useCallback(async (): Promise<EngineModule> => {
    if (engineRef.current) return engineRef.current;
    const m = loader ? await loader() : await import(/* webpackChunkName: "engine" */ './engine');
    engineRef.current = m;
    setEngine(m);
    return m;
  }, [loader]);

  /** Set once readDoc exists: a write refused because rows moved re-reads the workbook. */
  const rereadRef = useRef<(() => void) | undefined>(undefined);
  const fail = useCallback((e: unknown) => {
    if (e instanceof ExcelPortError) {
      setMessage(excelErrorMessage(e));
      // the sheet changed under the pane (rows sorted, inserted, deleted): read it again so the next save lands right
      if (e.info.code === 'excel.stale') rereadRef.current?.();
    } else {
      const detail = e instanceof Error ? e.message : String(e);
      setMessage({ intent: 'error', text: (l) => s('addin.unexpected', l, { detail }) });
    }
  }, []);

  const readDoc = useCallback(
    async (p: WorkbookPort, file: string | undefined): Promise<MasterDocument | undefined> => {
      const eng = await loadEngine();
      const names = (await p.listSheets()).map((x) => x.name);
      if (!eng.isMasterWorkbook(names)) {
        setDoc(undefined);
        setDocIssues([]);
        return undefined;
      }
      const snaps = await p.read(eng.sheetsNeeded(names));
      const r = eng.readMasterDoc(snaps, file);
      setDoc(r.doc);
      setDocIssues(r.issues);
      return r.doc;
    },
    [loadEngine],
  );

  rereadRef.current = () => {
    const p = portRef.current;
    if (p) void readDoc(p, fileName).catch(() => undefined);
  };

  const refresh = useCallback(async () => {
    const p = portRef.current;
    if (!p) return undefined;
    try {
      return await readDoc(p, fileName);
    } catch (e) {
      fail(e);
      return undefined;
    }
  }, [readDoc, fileName, fail]);

  const setWorkbook = useCallback(
    (p: WorkbookPort, name?: string) => {
      if (p.host === 'exceljs') watchWrites(p, () => setUnsaved(true));
      portRef.current = p;
      setPort(p);
      setFileName(name);
      setComputed(undefined);
      setUnsaved(false);
      setVersion((v) => v + 1);
      setMessage(undefined);
      void readDoc(p, name)
        .then((d) => {
          if (d) sayIfEmpty(d, setMessage);
        })
        .catch(fail);
    },
    [readDoc, fail],
  );

  // inside Excel the workbook is there from the start: read the master once when the pane opens
  const initialPort = props.port;
  const initialFile = props.fileName;
  useEffect(() => {
    if (initialPort)
      void readDoc(initialPort, initialFile)
        .then((d) => {
          if (d) sayIfEmpty(d, setMessage);
        })
        .catch(fail);
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const compute = useCallback(async () => {
    const p = portRef.current;
    if (!p) {
      setMessage({ intent: 'warning', text: (l) => s('needWorkbook', l) });
      return undefined;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      await loadEngine();
      const pipeline = masterPipeline({ lang, ...(fileName ? { file: fileName } : {}), ...(props.worker ? { worker: props.worker } : {}) });
      const r = await recompute(p, pipeline, setProgress);
      setComputed(r);
      if (r.summary.doc) setDoc(r.summary.doc);
      setVersion((v) => v + 1);
      const notices = (p as { notices?: { feature: string; version: string; sheet: string }[] }).notices ?? [];
      const units = r.summary.results?.units.length ?? 0;
      const done = (l: Lang): string => s('compute.done', l, { units, sheets: r.written.length, names: r.written.join(', ') });
      const featureNotes = (l: Lang): string => notices.map((n) => s('excel.featureMissing', l, { feature: featureText(n.feature, l), version: n.version, sheet: n.sheet })).join(' ');
      const scoredDoc = r.summary.doc;
      if (!r.ok) setMessage({ intent: 'error', text: (l) => s('compute.failed', l, { errors: r.summary.counts.errors }) });
      else if (scoredDoc && units > 0 && unitsWithData(scoredDoc) === 0) {
        // an empty master scores every unit at 0: not a success to show in green
        setMessage({
          intent: 'warning',
          text: (l) => s('compute.noSubmissions', l, { units }),
          detail: (l) => [s('compute.noSubmissionsHint', l), notices.length ? featureNotes(l) : ''].filter(Boolean).join(' '),
          goTo: 'collect',
        });
      } else if (notices.length > 0) setMessage({ intent: 'warning', text: done, detail: featureNotes });
      else setMessage({ intent: 'success', text: done });
      return r;
    } catch (e) {
      fail(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [lang, fileName, props.worker, loadEngine, fail]);

  const markSaved = useCallback(() => setUnsaved(false), []);

  const issueText = useCallback(
    (i: Issue): string => {
      const eng = engineRef.current;
      return eng ? eng.describeIssue(i, lang) : i.code;
    },
    [lang],
  );

  const selectIssue = useCallback(
    async (i: Issue) => {
      const p = portRef.current;
      if (!p?.select || !i.sheet || !i.cell) return;
      try {
        await p.select(i.sheet, i.cell);
      } catch (e) {
        fail(e);
      }
    },
    [fail],
  );

  const value = useMemo<Workbench>(
    () => ({
      lang,
      setLang,
      host: props.host,
      port,
      fileName,
      setWorkbook,
      engine,
      loadEngine,
      doc,
      docIssues,
      refresh,
      computed,
      progress,
      busy,
      compute,
      message,
      say: setMessage,
      fail,
      issueText,
      selectIssue,
      version,
      unsaved,
      markSaved,
    }),
    [lang, props.host, port, fileName, setWorkbook, engine, loadEngine, doc, docIssues, refresh, computed, progress, busy, compute, message, fail, issueText, selectIssue, version, unsaved, markSaved],
  );
  return <Ctx.Provider value={value}>{props.children}</Ctx.Provider>;
}
