import polyglotI18nProvider from 'ra-i18n-polyglot';
import { localStorageStore, resolveBrowserLocale, type Store, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';

/**
 * The console's languages. To add one: write its catalog beside en.ts (typed AppMessages, merged
 * with react-admin's `ra.*` messages for that language), list it here, and messages.test.ts checks
 * that it has every key. react-admin's app bar shows the language menu (LocalesMenuButton).
 */
export const catalogs: Record<string, TranslationMessages> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/** Each language by its own name, so a reader finds theirs whatever language is showing. */
export const locales = [
  { locale: 'en', name: 'English' },
  { locale: 'zh-Hans', name: '简体中文' },
  { locale: 'zh-Hant', name: '繁體中文' },
];

const DEFAULT_LOCALE = 'en';
const LOCALE_KEY = 'locale';

/**
 * react-admin's localStorage store (where LocalesMenuButton keeps the chosen language as
 * `RaStore.locale`), except that signing out — which resets the store — keeps the language: the
 * sign-in page and the next session open in it.
 */
const baseStore = localStorageStore();
export const store: Store = {
  ...baseStore,
  reset() {
    const locale = baseStore.getItem<string>(LOCALE_KEY);
    baseStore.reset();
    if (locale) baseStore.setItem(LOCALE_KEY, locale);
  },
};

/** A catalog's locale for a BCP 47 tag: exact, else by script or region (zh-CN → zh-Hans, zh-TW → zh-Hant), else by language. */
export function matchLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  if (catalogs[tag]) return tag;
  const [language, ...subtags] = tag.split('-');
  if (language?.toLowerCase() === 'zh') {
    const rest = subtags.map((subtag) => subtag.toUpperCase());
    return rest.includes('HANT') || rest.some((region) => ['TW', 'HK', 'MO'].includes(region)) ? 'zh-Hant' : 'zh-Hans';
  }
  return language && catalogs[language.toLowerCase()] ? language.toLowerCase() : null;
}

/** The language chosen earlier in this browser, else the browser's own, else English. */
function initialLocale(): string {
  const chosen = matchLocale(baseStore.getItem<string>(LOCALE_KEY));
  if (chosen) return chosen;
  if (typeof window === 'undefined') return DEFAULT_LOCALE;
  return matchLocale(resolveBrowserLocale(DEFAULT_LOCALE, { fullLocale: true })) ?? DEFAULT_LOCALE;
}

export const i18nProvider = polyglotI18nProvider(
  (locale) => catalogs[locale] ?? catalogs[DEFAULT_LOCALE]!,
  initialLocale(),
  locales,
  // Server messages (e.g. a login userError) pass through translate() verbatim instead of warning.
  { allowMissing: true },
);
