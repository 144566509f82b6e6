import { en } from '../messages/en';

// Every visible text comes from one catalogue; a second language is a second file of the same
// keys. Placeholders are `{name}`.
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

let catalogue: Messages = en;

export function useCatalogue(messages: Messages): void {
  catalogue = messages;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogue[key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}

/** A message for a refusal's `code` if the catalogue has one, else the server's own words. */
export function problemText(code: string | undefined, detail: string | undefined): string {
  const key = `problem.${code}` as MessageKey;
  if (code && key in catalogue) return t(key);
  return detail ?? t('problem.unknown');
}
