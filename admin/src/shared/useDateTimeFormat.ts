import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';

/** Formats an ISO timestamp from the API for the console's current language ("Mar 4, 2026, 09:30"). */
export function useDateTimeFormat(): (iso: string) => string {
  const [locale] = useLocaleState();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : format.format(date);
    };
  }, [locale]);
}
