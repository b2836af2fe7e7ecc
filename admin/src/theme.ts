import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** react-admin's default theme with customer360's colours and the system font stack (no web fonts are fetched). */
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif';

function withHouseStyle(base: RaThemeOptions, palette: RaThemeOptions['palette']): RaThemeOptions {
  return {
    ...base,
    palette: { ...base.palette, ...palette },
    typography: { ...base.typography, fontFamily },
    shape: { borderRadius: 8 },
  };
}

export const lightTheme = withHouseStyle(defaultLightTheme, {
  primary: { main: '#1565c0' },
  secondary: { main: '#0d47a1' },
  background: { default: '#f5f7fa' },
});

export const darkTheme = withHouseStyle(defaultDarkTheme, {
  primary: { main: '#90caf9' },
  secondary: { main: '#80cbc4' },
});
