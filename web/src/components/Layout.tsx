import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../translation';
import { chooseLanguage } from '../language';
import { isLocalMode } from '../local-mode';
import { useLogout } from '../queries/accounts';
import { navigate, NavLink, useLocation } from '../router';
import { useSession } from '../session';

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'pl' ? 'en' : 'pl';
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // A new page closes the phone menu (the link was chosen).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation by design
  useEffect(() => setMenuOpen(false), [path]);
  // Escape closes the open menu wherever focus is in it, and focus goes back to the button.
  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [menuOpen]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      {/* Below 70rem the menu folds behind a button (styles.css); from 70rem it is one line. */}
      <header className="site-header">
        <a className="brand" href="/">
          {t('layout.brand')}
        </a>
        <button
          type="button"
          ref={menuButton}
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="site-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true" className="menu-icon" />
          {t('landing.menu')}
        </button>
        <div id="site-menu" className={menuOpen ? 'site-menu open' : 'site-menu'}>
          <nav aria-label={t('layout.nav')}>
            {/* No separate "home" item: the brand links home, and the organizer's menu fits one line at 1280 px. */}
            <ul>
              <li>
                <NavLink href="/laureaci">{t('layout.laureates')}</NavLink>
              </li>
              <RoleLinks />
            </ul>
          </nav>
          <div className="header-tools">
            <AccountTools />
            <button
              type="button"
              className="lang-switch"
              lang={other}
              aria-label={t('layout.switchToLabel')}
              onClick={() => void chooseLanguage(other)}
            >
              {t('layout.switchTo')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('layout.footer')}</p>
        <DeveloperLinks />
      </footer>
    </>
  );
}

/**
 * The local outbox and the (English) API reference help whoever runs the platform on a laptop, not a
 * clerk, an expert or an organizer at work: so they sit in the footer, apart from every role's main
 * menu, and only in local mode (in the cloud there is no outbox and the docs are for integrators).
 */
function DeveloperLinks() {
  const { t } = useTranslation();
  if (!isLocalMode()) return null;
  return (
    <nav aria-labelledby="dev-nav-title" className="dev-links">
      <h2 id="dev-nav-title">{t('landing.devNav')}</h2>
      <p className="muted">{t('landing.devNote')}</p>
      <ul>
        <li>
          <NavLink href="/outbox">{t('layout.outbox')}</NavLink>
        </li>
        <li>
          <a href="/api/docs" hrefLang="en">
            {t('layout.apiDocs')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** Only what the signed-in account's roles may use (the API refuses the rest anyway). */
function RoleLinks() {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const { roles } = state.user;
  return (
    <>
      {roles.includes('institution') && (
        <li>
          <NavLink href="/institution">{t('layout.institution')}</NavLink>
        </li>
      )}
      {roles.includes('institution') && (
        <li>
          <NavLink href="/applications">{t('layout.applications')}</NavLink>
        </li>
      )}
      {roles.includes('institution') && (
        <li>
          <NavLink href="/institution/surveys">{t('layout.surveys')}</NavLink>
        </li>
      )}
      {roles.includes('institution') && (
        <li>
          <NavLink href="/institution/feedback">{t('layout.feedback')}</NavLink>
        </li>
      )}
      {roles.includes('organizer') && (
        <li>
          <NavLink href="/organizer/editions">{t('layout.editions')}</NavLink>
        </li>
      )}
      {roles.includes('organizer') && (
        <li>
          <NavLink href="/organizer/users">{t('layout.users')}</NavLink>
        </li>
      )}
      {roles.includes('organizer') && (
        <li>
          <NavLink href="/organizer/audit">{t('layout.audit')}</NavLink>
        </li>
      )}
      {roles.includes('organizer') && (
        <li>
          <NavLink href="/organizer/measurement">{t('layout.measurement')}</NavLink>
        </li>
      )}
      {roles.includes('expert') && (
        <li>
          <NavLink href="/expert">{t('layout.expert')}</NavLink>
        </li>
      )}
    </>
  );
}

function AccountTools() {
  const { t } = useTranslation();
  const session = useSession();
  const logoutCall = useLogout();
  const busy = logoutCall.isPending;
  const { state } = session;
  if (state.status === 'loading') return null;
  if (state.status === 'anonymous') {
    return (
      <ul className="account-links">
        <li>
          <NavLink href="/login">{t('layout.login')}</NavLink>
        </li>
        <li>
          <NavLink href="/register">{t('layout.register')}</NavLink>
        </li>
      </ul>
    );
  }
  const logout = async () => {
    if (busy) return;
    // Signed out locally even if the request fails: the cookie may already be gone.
    await logoutCall.mutateAsync(undefined).catch(() => undefined);
    session.signedOut();
    navigate('/login?loggedOut=1', { replace: true });
  };
  return (
    <div className="account-links">
      <NavLink href="/account" className="account-name">
        <span className="visually-hidden">{t('layout.signedInAs')} </span>
        {state.user.displayName}
      </NavLink>
      <button type="button" onClick={() => void logout()} aria-disabled={busy || undefined}>
        {t('layout.logout')}
      </button>
    </div>
  );
}
