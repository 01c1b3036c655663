import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'pl' ? 'en' : 'pl';

  const switchLanguage = () => {
    void i18n.changeLanguage(other);
    // Server messages (errors, e-mails) follow the same choice; failure here is harmless.
    void api.api.preferences.language.$put({ json: { language: other } }).catch(() => undefined);
  };

  return (
    <>
      <a className="skip-link" href="#main">{t('layout.skipToContent')}</a>
      <header className="site-header">
        <a className="brand" href="/">{t('layout.brand')}</a>
        <nav aria-label={t('layout.nav')}>
          <ul>
            <li><a href="/">{t('layout.home')}</a></li>
            <li><a href="/api/docs">{t('layout.apiDocs')}</a></li>
          </ul>
        </nav>
        <button type="button" className="lang-switch" lang={other} aria-label={t('layout.switchToLabel')} onClick={switchLanguage}>
          {t('layout.switchTo')}
        </button>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
      <footer className="site-footer"><p>{t('layout.footer')}</p></footer>
    </>
  );
}
