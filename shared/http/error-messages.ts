import type { ErrorCode } from '../errors';
import type { Language, Localized } from '../language';

/** The message each error code shows a person, in both languages. */
export const errorMessages: Record<ErrorCode, Localized> = {
  VALIDATION_FAILED: { pl: 'Popraw zaznaczone pola.', en: 'Please correct the highlighted fields.' },
  MALFORMED_JSON: { pl: 'Treść żądania nie jest poprawnym JSON-em.', en: 'The request body is not valid JSON.' },
  INVALID_CURSOR: {
    pl: 'Nieprawidłowy znacznik strony — wróć do pierwszej strony listy.',
    en: 'Invalid page cursor — go back to the first page of the list.',
  },
  UNAUTHENTICATED: { pl: 'Zaloguj się, aby kontynuować.', en: 'Please log in to continue.' },
  INVALID_CREDENTIALS: { pl: 'Nieprawidłowy adres e-mail lub hasło.', en: 'Incorrect e-mail address or password.' },
  EMAIL_NOT_VERIFIED: {
    pl: 'Najpierw potwierdź adres e-mail — link wysłaliśmy w wiadomości po rejestracji.',
    en: 'Please confirm your e-mail address first — we sent the link after registration.',
  },
  INVALID_TOKEN: {
    pl: 'Ten link wygasł albo został już użyty. Poproś o nowy.',
    en: 'This link has expired or has already been used. Ask for a new one.',
  },
  FORBIDDEN: { pl: 'Nie masz uprawnień do tej operacji.', en: 'You are not allowed to do this.' },
  CSRF_REJECTED: {
    pl: 'Żądanie nie pochodzi z tej strony (ochrona przed CSRF). Otwórz platformę bezpośrednio i spróbuj ponownie.',
    en: 'The request did not come from this site (CSRF protection). Open the platform directly and try again.',
  },
  NOT_FOUND: { pl: 'Nie znaleziono.', en: 'Not found.' },
  METHOD_NOT_ALLOWED: {
    pl: 'Ta metoda nie jest obsługiwana pod tym adresem.',
    en: 'This method is not supported at this address.',
  },
  CONFLICT: {
    pl: 'Dane zmieniły się w międzyczasie lub już istnieją. Odśwież i spróbuj ponownie.',
    en: 'The data changed meanwhile or already exists. Refresh and try again.',
  },
  ALREADY_EXISTS: {
    pl: 'Te dane są już zarejestrowane — zobacz zaznaczone pola.',
    en: 'This is already registered — see the highlighted fields.',
  },
  CONCURRENT_MODIFICATION: {
    pl: 'Ktoś inny właśnie zmienia te dane. Spróbuj za chwilę.',
    en: 'Someone else is changing this right now. Try again in a moment.',
  },
  PAYLOAD_TOO_LARGE: {
    pl: 'Przesłane dane są zbyt duże (limit: {limit}).',
    en: 'The request is too large (limit: {limit}).',
  },
  STALE_VERSION: {
    pl: 'Ktoś zapisał zmiany w międzyczasie. Twoje zmiany nie zostały zapisane — odśwież dane i wprowadź je ponownie.',
    en: 'Someone saved changes in the meantime. Your changes were not saved — reload and apply them again.',
  },
  INVALID_STATE: {
    pl: 'W obecnym stanie tej operacji nie można wykonać.',
    en: 'This cannot be done in the current state.',
  },
  DEADLINE_PASSED: { pl: 'Termin minął.', en: 'The deadline has passed.' },
  INTEGRITY_FAILED: {
    pl: 'Zapisany plik nie zgadza się z jego sumą kontrolną, więc nie zostanie wydany. Poinformuj organizatora.',
    en: 'The stored file does not match its checksum, so it is not served. Please tell the organizer.',
  },
  ASSIGNMENT_INFEASIBLE: {
    pl: 'Nie da się przydzielić zgłoszeń przy obecnych ustawieniach.',
    en: 'No assignment meets the current settings.',
  },
  UNSUPPORTED_MEDIA_TYPE: { pl: 'Nieobsługiwany typ treści.', en: 'Unsupported content type.' },
  RATE_LIMITED: {
    pl: 'Zbyt wiele prób. Spróbuj ponownie za {seconds} s.',
    en: 'Too many attempts. Try again in {seconds} s.',
  },
  INTERNAL: {
    pl: 'Wystąpił nieoczekiwany błąd. Zgłoś go, podając identyfikator {requestId}.',
    en: 'An unexpected error occurred. Report it with id {requestId}.',
  },
  SERVICE_UNAVAILABLE: {
    pl: 'Usługa jest chwilowo niedostępna. Spróbuj ponownie za chwilę.',
    en: 'The service is temporarily unavailable. Try again shortly.',
  },
  THROTTLED: {
    pl: 'System jest chwilowo przeciążony. Spróbuj ponownie za chwilę.',
    en: 'The system is busy. Try again shortly.',
  },
};

export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function errorMessage(code: ErrorCode, lang: Language, params: Record<string, string | number> = {}): string {
  return formatMessage(errorMessages[code][lang], params);
}
