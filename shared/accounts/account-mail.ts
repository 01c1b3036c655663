import type { MailMessage } from '../platform/mailer';
import type { Language } from '../language';

/** The account e-mails, in the recipient's language. Links point at the web UI's pages. */
export type AccountMail =
  | { kind: 'verifyEmail'; link: string }
  | { kind: 'resetPassword'; link: string }
  /** Someone tried to register a new institution with an address that already has an account. */
  | { kind: 'registrationAttempt'; link: string }
  | {
      kind: 'invitation';
      link: string;
      role: 'institution' | 'expert' | 'organizer';
      invitedBy?: string;
      institutionName?: string;
    };

const signature = { pl: '\n\n— Zespół konkursu Przyjazny Urząd', en: '\n\n— The Przyjazny Urząd award team' };

export function accountMail(
  to: { email: string; displayName: string; language: Language },
  mail: AccountMail,
): MailMessage {
  const lang = to.language;
  const hello = lang === 'pl' ? `Dzień dobry, ${to.displayName},\n\n` : `Hello ${to.displayName},\n\n`;
  let subject: string;
  let body: string;
  switch (mail.kind) {
    case 'verifyEmail':
      subject =
        lang === 'pl' ? 'Potwierdź adres e-mail — Przyjazny Urząd' : 'Confirm your e-mail address — Przyjazny Urząd';
      body =
        lang === 'pl'
          ? `dziękujemy za rejestrację instytucji. Aby potwierdzić adres e-mail, prosimy otworzyć link (ważny 48 godzin):\n\n${mail.link}\n\nJeśli rejestracji nie dokonano z tego adresu świadomie, wiadomość można zignorować.`
          : `thank you for registering your institution. To confirm your e-mail address, open this link (valid for 48 hours):\n\n${mail.link}\n\nIf this was not you, ignore this message.`;
      break;
    case 'resetPassword':
      subject = lang === 'pl' ? 'Ustaw nowe hasło — Przyjazny Urząd' : 'Set a new password — Przyjazny Urząd';
      body =
        lang === 'pl'
          ? `otrzymaliśmy prośbę o zmianę hasła. Aby ustawić nowe hasło, prosimy otworzyć link (ważny godzinę, jednorazowy):\n\n${mail.link}\n\nJeśli nikt z uprawnionych do tego konta nie prosił o zmianę, wiadomość można zignorować — hasło się nie zmieni.`
          : `we received a request to change your password. To set a new one, open this link (valid for one hour, single use):\n\n${mail.link}\n\nIf this was not you, ignore this message — your password stays the same.`;
      break;
    case 'registrationAttempt':
      subject =
        lang === 'pl'
          ? 'Próba rejestracji z tym adresem e-mail — Przyjazny Urząd'
          : 'Someone tried to register with your address — Przyjazny Urząd';
      body =
        lang === 'pl'
          ? `ktoś próbował zarejestrować nową instytucję, podając ten adres e-mail. Konto z tym adresem już istnieje, więc niczego nie zmieniliśmy.\n\nJeśli była to pomyłka właściciela konta, prosimy się zalogować; zapomniane hasło można ustawić na nowo:\n\n${mail.link}\n\nW przeciwnym razie wiadomość można zignorować.`
          : `someone tried to register a new institution with this e-mail address. An account with this address already exists, so nothing was changed.\n\nIf it was you, please log in; if you do not remember your password, you can set a new one:\n\n${mail.link}\n\nIf it was not you, you can ignore this message.`;
      break;
    case 'invitation': {
      const by = mail.invitedBy
        ? lang === 'pl'
          ? ` (zaprasza: ${mail.invitedBy})`
          : ` (invited by ${mail.invitedBy})`
        : '';
      const what =
        mail.role === 'institution'
          ? lang === 'pl'
            ? `do zespołu instytucji „${mail.institutionName ?? ''}” w konkursie Przyjazny Urząd${by}.`
            : `to the team of "${mail.institutionName ?? ''}" in the Przyjazny Urząd award${by}.`
          : mail.role === 'expert'
            ? lang === 'pl'
              ? `do Kapituły konkursu Przyjazny Urząd w roli eksperta${by}.`
              : `to the chapter of the Przyjazny Urząd award as an expert${by}.`
            : lang === 'pl'
              ? `do grona organizatorów konkursu Przyjazny Urząd${by}.`
              : `as an organizer of the Przyjazny Urząd award${by}.`;
      subject = lang === 'pl' ? 'Zaproszenie — Przyjazny Urząd' : 'Invitation — Przyjazny Urząd';
      body =
        lang === 'pl'
          ? `zapraszamy ${what}\n\nAby przyjąć zaproszenie i ustawić hasło, prosimy otworzyć link (ważny 7 dni):\n\n${mail.link}`
          : `you are invited ${what}\n\nTo accept and set your password, open this link (valid for 7 days):\n\n${mail.link}`;
      break;
    }
  }
  return { to: to.email, subject, text: hello + body + signature[lang] };
}

/** Links the e-mails carry: pages of the web UI, the token in the query string. */
export const accountLink = (
  origin: string,
  page: 'verify-email' | 'reset-password' | 'accept-invitation' | 'forgot-password',
  token: string,
) => `${origin.replace(/\/$/, '')}/${page}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
