import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { i18nProvider } from './i18n';

// The language the console opens in (LocaleFormats keeps it in step with later choices).
document.documentElement.lang = i18nProvider.getLocale();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
