import { z } from 'zod';
import { issue, type Issue } from '../model/issue';
import { fromZodIssues, REPORT_INPUT } from '../i18n/zod';
import builtinJson from '../frameworks/sipas-instrument-2022.json';

/**
 * SIPAS survey instrument as data: groups → aspects → items.
 * An item is written either as its id ("q1") or as {id, text, textEn, weight, unofficial}.
 * Weights are optional at every level and relative within their parent; a level whose parts
 * declare no weight is combined as `method.aggregate` says (see ./method.ts).
 * `unofficial: true` marks an item text that is not quoted from a decision (a paraphrase to be
 * replaced by the wording of the form in force); it is shown wherever item texts are shown.
 */
/** Largest weight of a group, aspect or item: weights are relative, and the bound keeps their sums finite. */
export const SIPAS_MAX_INSTRUMENT_WEIGHT = 1e6;
const weightSchema = z.number().finite().nonnegative().max(SIPAS_MAX_INSTRUMENT_WEIGHT);

export const sipasItemSchema = z.union([
  z.string().min(1),
  z.object({ id: z.string().min(1), text: z.string().optional(), textEn: z.string().optional(), weight: weightSchema.optional(), unofficial: z.boolean().optional() }),
]);
export type SipasItemInput = z.infer<typeof sipasItemSchema>;

export const sipasAspectSchema = z.object({
  code: z.string().min(1),
  name: z.string().default(''),
  nameEn: z.string().optional(),
  weight: weightSchema.optional(),
  items: z.array(sipasItemSchema),
});

export const sipasGroupSchema = z.object({
  code: z.string().min(1),
  name: z.string().default(''),
  nameEn: z.string().optional(),
  weight: weightSchema.optional(),
  aspects: z.array(sipasAspectSchema),
});

export const sipasInstrumentSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  nameEn: z.string().optional(),
  year: z.number().int().optional(),
  note: z.string().optional(),
  noteEn: z.string().optional(),
  groups: z.array(sipasGroupSchema),
});
export type SipasInstrumentInput = z.input<typeof sipasInstrumentSchema>;
export type SipasInstrumentData = z.infer<typeof sipasInstrumentSchema>;

/**
 * Normalised item: always an object. `weight` is present only when the instrument declares it
 * (an absent weight counts 1 among declared ones, and otherwise leaves the level to
 * `method.aggregate`); so a normalised instrument validates again to the same one.
 */
export interface SipasItem {
  id: string;
  text: string;
  textEn?: string;
  weight?: number;
  /** The text is not quoted from a decision. */
  unofficial?: boolean;
}
export interface SipasAspect {
  code: string;
  name: string;
  nameEn?: string;
  weight?: number;
  items: SipasItem[];
}
export interface SipasGroup {
  code: string;
  name: string;
  nameEn?: string;
  weight?: number;
  aspects: SipasAspect[];
}
/** A validated instrument, ready for scoring. */
export interface SipasInstrument {
  id: string;
  name: string;
  nameEn?: string;
  year?: number;
  groups: SipasGroup[];
}

/** Keys reserved in the survey-index map besides group and aspect codes. */
export const OVERALL_KEY = 'overall';

function normaliseItem(raw: SipasItemInput): SipasItem {
  if (typeof raw === 'string') return { id: raw, text: '' };
  const out: SipasItem = { id: raw.id, text: raw.text ?? '' };
  if (raw.textEn !== undefined) out.textEn = raw.textEn;
  if (raw.weight !== undefined) out.weight = raw.weight;
  if (raw.unofficial !== undefined) out.unofficial = raw.unofficial;
  return out;
}

/**
 * Validate an instrument and report every problem with its path: shape errors, duplicate
 * group/aspect codes, duplicate item ids, empty groups or aspects, weights summing to zero,
 * a code equal to the reserved key "overall".
 * @example validateSipasInstrument(builtinSipasInstrumentData).instrument?.groups.length // 2
 */
export function validateSipasInstrument(raw: unknown, basePath: (string | number)[] = ['instrument']): { instrument?: SipasInstrument; issues: Issue[] } {
  const parsed = sipasInstrumentSchema.safeParse(raw, REPORT_INPUT);
  if (!parsed.success) return { issues: fromZodIssues(parsed.error.issues, { path: basePath }, { code: 'sipas.instrument.invalid' }) };
  const data = parsed.data;
  const issues: Issue[] = [];
  const codes = new Map<string, string>(); // group/aspect code → path text
  const items = new Map<string, string>();
  const seeCode = (code: string, path: (string | number)[]): void => {
    const where = path.join('.');
    if (code === OVERALL_KEY) issues.push(issue('sipas.instrument.reservedCode', { code, key: OVERALL_KEY }, { path }));
    const first = codes.get(code);
    if (first !== undefined) issues.push(issue('sipas.instrument.duplicateCode', { code, first }, { path }));
    else codes.set(code, where);
  };
  if (data.groups.length === 0) issues.push(issue('sipas.instrument.noGroups', {}, { path: [...basePath, 'groups'] }));
  const groups: SipasGroup[] = data.groups.map((g, gi) => {
    const gPath = [...basePath, 'groups', gi];
    seeCode(g.code, [...gPath, 'code']);
    if (g.aspects.length === 0) issues.push(issue('sipas.instrument.emptyGroup', { code: g.code }, { path: [...gPath, 'aspects'] }));
    else if (g.aspects.every((a) => (a.weight ?? 1) === 0)) issues.push(issue('sipas.instrument.zeroWeights', { code: g.code }, { path: [...gPath, 'aspects'] }));
    const aspects: SipasAspect[] = g.aspects.map((a, ai) => {
      const aPath = [...gPath, 'aspects', ai];
      seeCode(a.code, [...aPath, 'code']);
      if (a.items.length === 0) issues.push(issue('sipas.instrument.emptyAspect', { code: a.code }, { path: [...aPath, 'items'] }));
      const its = a.items.map((rawItem, ii) => {
        const it = normaliseItem(rawItem);
        const iPath = [...aPath, 'items', ii];
        const first = items.get(it.id);
        if (first !== undefined) issues.push(issue('sipas.instrument.duplicateItem', { item: it.id, first }, { path: iPath }));
        else items.set(it.id, iPath.join('.'));
        return it;
      });
      if (its.length > 0 && its.every((it) => (it.weight ?? 1) === 0)) issues.push(issue('sipas.instrument.zeroWeights', { code: a.code }, { path: [...aPath, 'items'] }));
      const aspect: SipasAspect = { code: a.code, name: a.name, items: its };
      if (a.nameEn !== undefined) aspect.nameEn = a.nameEn;
      if (a.weight !== undefined) aspect.weight = a.weight;
      return aspect;
    });
    const group: SipasGroup = { code: g.code, name: g.name, aspects };
    if (g.nameEn !== undefined) group.nameEn = g.nameEn;
    if (g.weight !== undefined) group.weight = g.weight;
    return group;
  });
  if (groups.length > 0 && groups.every((g) => (g.weight ?? 1) === 0)) issues.push(issue('sipas.instrument.zeroWeights', { code: OVERALL_KEY }, { path: [...basePath, 'groups'] }));
  if (issues.length > 0) return { issues };
  const instrument: SipasInstrument = { id: data.id ?? 'custom', name: data.name ?? data.id ?? '', groups };
  if (data.nameEn !== undefined) instrument.nameEn = data.nameEn;
  if (data.year !== undefined) instrument.year = data.year;
  return { instrument, issues };
}

/** The built-in instrument data (2 groups, 9 aspects, 39 items; ids "I.1.1" … "II.5.3"). */
export const builtinSipasInstrumentData: unknown = builtinJson;

let builtinCache: SipasInstrument | undefined;
/** The built-in 2022+ instrument, validated once. */
export function builtinSipasInstrument(): SipasInstrument {
  if (builtinCache) return builtinCache;
  const { instrument } = validateSipasInstrument(builtinJson);
  if (!instrument) throw new Error('built-in SIPAS instrument is invalid');
  builtinCache = instrument;
  return instrument;
}

/** All item ids in instrument order. */
export function instrumentItems(instrument: SipasInstrument): SipasItem[] {
  return instrument.groups.flatMap((g) => g.aspects.flatMap((a) => a.items));
}
