/**
 * The one converter from zod issues to located engine issues. zod's own wording (English, or
 * whatever locale is configured) is never shown: each zod issue kind becomes a message code of
 * engine/i18n/messages/schema.ts with the parameters its message needs (expected and received
 * type, minimum, maximum, allowed values, unknown keys), rendered in the reader's language.
 *
 * Parse with `{ reportInput: true }` so the received type can be named ("cần số, nhận được
 * chuỗi ký tự"); without it the message only says what was expected.
 */
import type { z } from 'zod';
import { issue, ref, type Issue, type IssueParams, type Location, type MessageRef, type Severity } from '../model/issue';
import { isMessageCode } from './index';

type ZodIssue = z.core.$ZodIssue;

/** Codes whose message reads "… tại {path}: {detail}": what was being read when zod objected. */
export type ZodContextCode =
  | 'input.invalid'
  | 'rule.badParams'
  | 'plan.schema'
  | 'sipas.invalid'
  | 'sipas.instrument.invalid'
  | 'sipas.count.invalid'
  | 'sipas.previous.invalid'
  | 'framework.badField'
  | 'framework.badNode';

/** The context message and its own parameters (e.g. `{ kind: 'bands' }` for rule.badParams). */
export interface ZodContext {
  code: ZodContextCode;
  params?: IssueParams;
  severity?: Severity;
  /**
   * The message's `{path}` is zod's own path, relative to `where.path` (a field of the node
   * `where` names: "max", "rule.kind"), not the whole path. The issue's `path` stays whole.
   */
  relative?: boolean;
}

/** Parse options that keep the input on each issue, so the received type can be named. */
export const REPORT_INPUT = Object.freeze({ reportInput: true });

const TYPE_CODES = {
  string: 'schema.type.string',
  number: 'schema.type.number',
  int: 'schema.type.int',
  boolean: 'schema.type.boolean',
  object: 'schema.type.object',
  array: 'schema.type.array',
  tuple: 'schema.type.array',
  record: 'schema.type.object',
  null: 'schema.type.null',
  undefined: 'schema.type.undefined',
  nan: 'schema.type.nan',
  date: 'schema.type.date',
} as const;
const typeCodes: ReadonlyMap<string, MessageRef['code']> = new Map(Object.entries(TYPE_CODES));

/** A type name as a message in the reader's language; unknown names are shown as written. */
function typeName(name: string): MessageRef | string {
  const code = typeCodes.get(name);
  return code ? ref(code) : name;
}

/** The type of a value as zod's messages name it (number, string, array, null, nan…). */
function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (input instanceof Date) return 'date';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : Number.isFinite(input) ? 'number' : String(input);
  return typeof input;
}

function num(x: number | bigint): number {
  return Number(x);
}

type Primitive = string | number | bigint | boolean | null | undefined | symbol;

/** Allowed literal values as shown to a user: strings quoted, the rest as written. */
function shown(values: readonly Primitive[]): string[] {
  return values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v)));
}

const SIZED = new Set(['array', 'set', 'map', 'file']);

function sizeDetail(zi: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): MessageRef {
  const small = zi.code === 'too_small';
  const bound = num(small ? zi.minimum : zi.maximum);
  if (zi.origin === 'string') {
    if (zi.exact) return ref('schema.length', { count: bound });
    return small ? ref('schema.tooShort', { minimum: bound }) : ref('schema.tooLong', { maximum: bound });
  }
  if (SIZED.has(zi.origin)) {
    if (zi.exact) return ref('schema.itemCount', { count: bound });
    return small ? ref('schema.tooFewItems', { minimum: bound }) : ref('schema.tooManyItems', { maximum: bound });
  }
  const inclusive = zi.inclusive !== false;
  if (small) return inclusive ? ref('schema.tooSmall', { minimum: bound }) : ref('schema.tooSmallExclusive', { minimum: bound });
  return inclusive ? ref('schema.tooBig', { maximum: bound }) : ref('schema.tooBigExclusive', { maximum: bound });
}

/**
 * A regex check's message is taken as the expected form when the schema gave one (write it
 * language-neutral: `.regex(re, 'yyyy-mm-dd')`); zod's own message always quotes the pattern,
 * and then the pattern is shown.
 */
function formatDetail(zi: z.core.$ZodIssueInvalidStringFormat): MessageRef {
  if (zi.format === 'regex') {
    const pattern = zi.pattern ?? '';
    const own = zi.message !== '' && !(pattern !== '' && zi.message.includes(pattern));
    return ref('schema.badFormat', { format: own ? zi.message : pattern });
  }
  return ref('schema.badFormat', { format: zi.format });
}

/** A custom refinement names its message in `params.code` (a catalogue code) and may add params. */
function customDetail(zi: z.core.$ZodIssueCustom): MessageRef {
  const p: Record<string, unknown> = zi.params ?? {};
  const code = p['code'];
  if (typeof code !== 'string' || !isMessageCode(code)) return ref('schema.custom');
  const params: IssueParams = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'code' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) params[k] = v;
  return ref(code, params);
}

/** A union whose branches all failed on the value's type: expected one of their types. */
function unionTypes(zi: z.core.$ZodIssueInvalidUnion): string[] | undefined {
  const types: string[] = [];
  for (const branch of zi.errors) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (!only || only.code !== 'invalid_type' || only.path.length > 0) return undefined;
    if (!types.includes(only.expected)) types.push(only.expected);
  }
  return types.length > 0 ? types : undefined;
}

/** The branch a union value was meant for: the only one that did not fail on the type itself. */
function meantBranch(zi: z.core.$ZodIssueInvalidUnion): readonly ZodIssue[] | undefined {
  const candidates = zi.errors.filter((b) => !(b.length === 1 && b[0]?.code === 'invalid_type' && b[0].path.length === 0));
  return candidates.length === 1 ? candidates[0] : undefined;
}

interface Found {
  path: PropertyKey[];
  detail: MessageRef;
}

function hasInput(zi: ZodIssue): boolean {
  return Object.prototype.hasOwnProperty.call(zi, 'input');
}

function details(zi: ZodIssue, prefix: PropertyKey[]): Found[] {
  const path = [...prefix, ...zi.path];
  const one = (detail: MessageRef): Found[] => [{ path, detail }];
  switch (zi.code) {
    case 'invalid_type': {
      const expected = typeName(zi.expected);
      if (!hasInput(zi)) return one(ref('schema.expected', { expected }));
      if (zi.input === undefined) return one(ref('schema.required', { expected }));
      return one(ref('schema.invalidType', { expected, received: typeName(receivedType(zi.input)) }));
    }
    case 'too_small':
    case 'too_big':
      return one(sizeDetail(zi));
    case 'invalid_format':
      return one(formatDetail(zi));
    case 'not_multiple_of':
      return one(ref('schema.notMultipleOf', { divisor: zi.divisor }));
    case 'unrecognized_keys':
      return one(ref('schema.unknownKeys', { keys: zi.keys }));
    case 'invalid_value':
      return one(zi.values.length === 1 ? ref('schema.mustEqual', { allowed: shown(zi.values) }) : ref('schema.notOneOf', { allowed: shown(zi.values) }));
    case 'invalid_union': {
      if (zi.inclusive === false) return one(ref('schema.noVariant'));
      if (zi.options && zi.options.length > 0) return one(ref('schema.notOneOf', { allowed: shown(zi.options) }));
      const types = unionTypes(zi);
      if (types) {
        const expected = ref('schema.type.oneOf', { types: types.map(typeName) });
        return one(hasInput(zi) && zi.input !== undefined ? ref('schema.invalidType', { expected, received: typeName(receivedType(zi.input)) }) : ref('schema.expected', { expected }));
      }
      const branch = meantBranch(zi);
      return branch ? branch.flatMap((b) => details(b, path)) : one(ref('schema.noVariant'));
    }
    case 'invalid_key':
      return one(ref('schema.invalidKey'));
    case 'invalid_element':
      return one(ref('schema.invalidElement'));
    case 'custom':
      return one(customDetail(zi));
  }
}

function jsonPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

function located(f: Found, where: Location, context: ZodContext): Issue {
  const own = jsonPath(f.path);
  const path = [...(where.path ?? []), ...own];
  const shown = context.relative ? own : path;
  const pathText: IssueParams[string] = shown.length > 0 ? shown.join('.') : ref('schema.root');
  return issue(context.code, { ...(context.params ?? {}), path: pathText, detail: f.detail }, { ...where, path }, context.severity ?? 'error');
}

/**
 * zod issues → located issues, every one (never only the first). The issue's path is
 * `where.path` followed by zod's path; its message is the context's ("Tham số của quy tắc
 * "bands" không hợp lệ tại bands.0.share: phải nhỏ hơn hoặc bằng 1").
 * @example
 * const r = schema.safeParse(raw, REPORT_INPUT);
 * if (!r.success) issues.push(...fromZodIssues(r.error.issues, { path: ['plan'] }, { code: 'plan.schema' }));
 */
export function fromZodIssues(zodIssues: readonly ZodIssue[], where: Location = {}, context: ZodContext = { code: 'input.invalid' }): Issue[] {
  return zodIssues.flatMap((zi) => details(zi, []).map((f) => located(f, where, context)));
}

/**
 * The issue a schema gives for a value of the wrong type, for a check made before parsing
 * (a plan part that is not an object, a document that is an array).
 * @example typeIssue('object', [1, 2], { path: ['plan'] }, { code: 'plan.schema' })
 */
export function typeIssue(expected: keyof typeof TYPE_CODES, input: unknown, where: Location = {}, context: ZodContext = { code: 'input.invalid' }): Issue {
  const detail = input === undefined ? ref('schema.required', { expected: typeName(expected) }) : ref('schema.invalidType', { expected: typeName(expected), received: typeName(receivedType(input)) });
  return located({ path: [], detail }, where, context);
}

/** A required field that is absent, for a check made before parsing. */
export function missingFieldIssue(field: string, where: Location = {}, context: ZodContext = { code: 'input.invalid' }): Issue {
  return located({ path: [], detail: ref('schema.missingField', { field }) }, where, context);
}
