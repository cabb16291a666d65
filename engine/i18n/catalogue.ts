/** A message catalogue: code → wording per language, with {param} placeholders. */
export interface MessageText {
  vi: string;
  en: string;
}
export type Catalogue = Readonly<Record<string, MessageText>>;
