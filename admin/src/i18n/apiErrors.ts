import { i18nProvider } from './index';

/**
 * An error the API reported, in the console's current language, by its stable code
 * (`customer360.api_errors.<CODE>`): English shows the API's own words, other languages say what
 * kind of problem it is before them. A code the catalogs do not know keeps the API's words.
 *
 * Errors are worded when they happen, outside React (the data provider, the auth provider), so this
 * asks the i18n provider directly rather than through useTranslate.
 */
export function localizeApiError(code: string | null | undefined, message: string): string {
  if (!code) return message;
  return i18nProvider.translate(`customer360.api_errors.${code}`, { message, _: message });
}

/** One of the console's own messages (`customer360.errors.*`…) in the current language, for errors raised outside React. */
export function translateNow(key: string, options: Record<string, unknown> = {}): string {
  return i18nProvider.translate(key, options);
}
