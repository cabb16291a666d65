/** Raw JSON of the built-in criteria sets, in display order. Add a set: one JSON file here + one line. */
export const BUILTIN_SOURCES: readonly unknown[] = Object.freeze([]);
