import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../i18n';
import { formatDuration } from './DueCountdown';

const translatorFor = (locale: string) => polyglotI18nProvider(() => catalogs[locale]!, locale).translate;

describe('formatDuration', () => {
  it('shows the larger units, to the second under a day', () => {
    const translate = translatorFor('en');
    expect(formatDuration(9_000, translate)).toBe('0m 09s');
    expect(formatDuration(-(2 * 3600 + 5 * 60 + 9) * 1000, translate)).toBe('2h 05m 09s');
    expect(formatDuration((3 * 86_400 + 4 * 3600 + 10 * 60 + 59) * 1000, translate)).toBe('3d 4h 10m');
  });

  it('names the units in the chosen language', () => {
    expect(formatDuration((2 * 3600 + 5 * 60 + 9) * 1000, translatorFor('zh-Hans'))).toBe('2小时05分09秒');
    expect(formatDuration((3 * 86_400 + 4 * 3600 + 10 * 60) * 1000, translatorFor('zh-Hant'))).toBe('3天4小時10分');
  });
});
