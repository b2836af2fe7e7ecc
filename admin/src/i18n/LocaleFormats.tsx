import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, useEffect, type ReactNode } from 'react';
import { useLocaleState } from 'react-admin';

/**
 * Makes the chosen language the page's: `<html lang>` (so the browser picks Simplified or
 * Traditional glyphs and screen readers the right voice), and the default `locales` of every
 * react-admin DateField and NumberField, which otherwise format for the browser's language.
 */
export const LocaleFormats = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const withLocale = useCallback(
    (outer: Theme): Theme => ({
      ...outer,
      components: {
        ...outer.components,
        RaDateField: { ...outer.components?.RaDateField, defaultProps: { ...outer.components?.RaDateField?.defaultProps, locales: locale } },
        RaNumberField: { ...outer.components?.RaNumberField, defaultProps: { ...outer.components?.RaNumberField?.defaultProps, locales: locale } },
      },
    }),
    [locale],
  );
  return <ThemeProvider theme={withLocale}>{children}</ThemeProvider>;
};
