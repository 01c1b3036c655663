import i18n, { currentLanguage, loadTextsFor, type Language } from './i18n';
import { saveLanguagePreference } from './queries/accounts';

const SYNCED_KEY = 'lang-synced';

/**
 * Switches the UI and tells the server (the `lang` cookie), so its messages follow. The cookie wins
 * over Accept-Language on the server, so it must never be left behind the UI's choice.
 */
export async function chooseLanguage(language: Language): Promise<void> {
  if (language !== i18n.language) {
    // The open page's texts first, so it never shows the other language's fallback for a moment.
    await loadTextsFor(language).catch(() => undefined);
    await i18n.changeLanguage(language);
  }
  await saveLanguagePreference(language);
  sessionStorage.setItem(SYNCED_KEY, language);
}

/** Once per browser session: a cookie left from an earlier choice may disagree with the stored UI language. */
export function syncLanguageCookie(): void {
  if (sessionStorage.getItem(SYNCED_KEY) === currentLanguage()) return;
  void chooseLanguage(currentLanguage());
}
