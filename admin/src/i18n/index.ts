import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import { en } from './en';

/**
 * The console's languages. To add one: write its catalog beside en.ts (typed AppMessages, merged
 * with react-admin's catalog for that language), then list it here; react-admin shows a language
 * menu as soon as there are two.
 */
const catalogs: Record<string, TranslationMessages> = { en };

export const locales = [{ locale: 'en', name: 'English' }];

const DEFAULT_LOCALE = 'en';

function initialLocale(): string {
  const browserLocale = resolveBrowserLocale(DEFAULT_LOCALE, { fullLocale: true });
  if (catalogs[browserLocale]) return browserLocale;
  const language = browserLocale.split('-')[0]!;
  return catalogs[language] ? language : DEFAULT_LOCALE;
}

export const i18nProvider = polyglotI18nProvider(
  (locale) => catalogs[locale] ?? catalogs[DEFAULT_LOCALE]!,
  initialLocale(),
  locales,
  // Server messages (e.g. a login userError) pass through translate() verbatim instead of warning.
  { allowMissing: true },
);
