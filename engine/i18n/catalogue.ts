/**
 * A message catalogue: code → wording per language, with {param} placeholders. Each module's
 * catalogue is declared `as const satisfies Catalogue`, so its keys stay literal (they make up
 * MessageCode) and an entry without `vi` or `en` does not compile.
 */
export interface MessageText {
  readonly vi: string;
  readonly en: string;
}
export type Catalogue = Readonly<Record<string, MessageText>>;
