import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
// The API's error codes, read from their one module (every code may reach a person through the console).
import errorCodesSource from '../../../api/src/graphql/errors.ts?raw';
import { formErrors } from '../graphql/client';
import { enumValues } from '../graphql/enums';
import { catalogs, i18nProvider, locales, matchLocale } from './index';

/** Every message of a catalog by its dotted key; a leaf that is not a string is kept to be reported. */
function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [leaf, message] of flatten(value, path)) flat.set(leaf, message);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

/** The interpolation placeholders of a message, over all its plural forms: "%{shown} of %{smart_count}" → [shown, smart_count]. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

const english = flatten(catalogs.en!);
const otherLocales = locales.map(({ locale }) => locale).filter((locale) => locale !== 'en');

describe('the message catalogs', () => {
  it('offer English, Simplified Chinese and Traditional Chinese, each with a catalog', () => {
    expect(locales.map(({ locale }) => locale)).toEqual(['en', 'zh-Hans', 'zh-Hant']);
    for (const { locale } of locales) expect(catalogs[locale], locale).toBeDefined();
  });

  it("hold react-admin's full English catalog and customer360's own messages", () => {
    const reactAdminKeys = [...flatten(englishMessages).keys()];
    expect(reactAdminKeys.length).toBeGreaterThan(150);
    for (const key of reactAdminKeys) expect(english.has(key), key).toBe(true);
    expect([...english.keys()].filter((key) => key.startsWith('customer360.')).length).toBeGreaterThan(300);
  });

  it.each(otherLocales)('%s has exactly the keys of English, no more, no fewer', (locale) => {
    const translated = flatten(catalogs[locale]!);
    const missing = [...english.keys()].filter((key) => !translated.has(key));
    const extra = [...translated.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(locales.map(({ locale }) => locale))('%s has a non-empty string for every key', (locale) => {
    const blank = [...flatten(catalogs[locale]!)]
      .filter(([key, message]) => typeof message !== 'string' || (message.trim() === '' && (english.get(key) as string).trim() !== ''))
      .map(([key]) => key);
    expect(blank).toEqual([]);
  });

  it.each(otherLocales)('%s uses the same placeholders as English in every message', (locale) => {
    const translated = flatten(catalogs[locale]!);
    const differing = [...english]
      .filter(([key, message]) => placeholders(message as string).join() !== placeholders(String(translated.get(key) ?? '')).join())
      .map(([key, message]) => `${key}: ${placeholders(message as string).join(', ')} ≠ ${placeholders(String(translated.get(key) ?? '')).join(', ')}`);
    expect(differing).toEqual([]);
  });

  it.each(otherLocales)('%s writes one plural form (Chinese has one; a second would never show)', (locale) => {
    const plural = [...flatten(catalogs[locale]!)].filter(([, message]) => String(message).includes('||||')).map(([key]) => key);
    expect(plural).toEqual([]);
  });

  it.each(locales.map(({ locale }) => locale))('%s labels every value of every GraphQL enum the console shows', (locale) => {
    const translated = flatten(catalogs[locale]!);
    const unlabelled = Object.entries(enumValues)
      .flatMap(([name, values]) => values.map((value) => `customer360.enums.${name}.${value}`))
      .filter((key) => typeof translated.get(key) !== 'string');
    expect(unlabelled).toEqual([]);
  });

  it.each(locales.map(({ locale }) => locale))("%s words every error code of the API (api/src/graphql/errors.ts)", (locale) => {
    const codes = [...errorCodesSource.matchAll(/^\s+(\w+) = '(\w+)',?$/gm)].map((match) => match[2]!);
    expect(codes).toEqual(expect.arrayContaining(['INVALID', 'REQUIRED', 'NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION', 'INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'FORBIDDEN']));
    const translated = flatten(catalogs[locale]!);
    expect(codes.filter((code) => typeof translated.get(`customer360.api_errors.${code}`) !== 'string')).toEqual([]);
  });
});

describe('translating', () => {
  const translatorFor = (locale: string) => polyglotI18nProvider(() => catalogs[locale]!, locale, locales, { allowMissing: true }).translate;

  it('shows each language its own words, with the values filled in', () => {
    expect(translatorFor('en')('customer360.timeline.shown', { shown: 20, smart_count: 45 })).toBe('20 of 45 events');
    expect(translatorFor('zh-Hans')('customer360.timeline.shown', { shown: 20, smart_count: 45 })).toBe('共 45 条事件，已显示 20 条');
    expect(translatorFor('zh-Hant')('customer360.timeline.shown', { shown: 20, smart_count: 1 })).toBe('共 1 筆事件，已顯示 20 筆');
    expect(translatorFor('zh-Hans')('resources.customers.name', { smart_count: 2 })).toBe('客户');
    expect(translatorFor('zh-Hant')('ra.action.save')).toBe('儲存');
  });

  it('words an API error by its code, keeping the API’s own words', () => {
    const message = 'must be an email address like name@example.com';
    expect(translatorFor('en')('customer360.api_errors.INVALID', { message })).toBe(message);
    expect(translatorFor('zh-Hans')('customer360.api_errors.INVALID', { message })).toBe(`输入无效：${message}`);
    expect(translatorFor('zh-Hant')('customer360.api_errors.FORBIDDEN', { message: 'SALES may not read API keys' })).toBe(
      '沒有執行此操作的權限：SALES may not read API keys',
    );
  });

  it('words the userErrors of a refused write in the language chosen at the time', async () => {
    const userErrors = [
      { field: ['input', 'email'], message: 'must be an email address like name@example.com', code: 'INVALID' },
      { field: ['input', 'id'], message: 'cannot go from COMPLETED to ACCEPTED', code: 'INVALID_TRANSITION' },
    ];
    try {
      await i18nProvider.changeLocale('zh-Hant');
      expect(formErrors(userErrors)).toEqual({
        email: '輸入無效：must be an email address like name@example.com',
        root: { serverError: '目前狀態不允許此操作：cannot go from COMPLETED to ACCEPTED' },
      });
    } finally {
      await i18nProvider.changeLocale('en');
    }
    expect(formErrors(userErrors)).toEqual({
      email: 'must be an email address like name@example.com',
      root: { serverError: 'cannot go from COMPLETED to ACCEPTED' },
    });
  });

  it("picks the catalog for a browser's language tag", () => {
    expect(matchLocale('zh-CN')).toBe('zh-Hans');
    expect(matchLocale('zh')).toBe('zh-Hans');
    expect(matchLocale('zh-TW')).toBe('zh-Hant');
    expect(matchLocale('zh-Hant-HK')).toBe('zh-Hant');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('fr-FR')).toBeNull();
  });
});
