import { useTranslation } from '../../translation';
import { formatWarsaw } from '../../../../shared/applications/application';
import { currentLanguage } from '../../i18n';
import type { ApplicationHeaderView } from '../../queries/applications';

type ApplicationStatus = ApplicationHeaderView['status'];

/** A moment as clerks read it: Europe/Warsaw, in the UI's language ("31.03.2026, 23:59 (czasu polskiego)"). */
export const warsaw = (iso: string) => formatWarsaw(iso)[currentLanguage()];

/** "14:03" in the browser's time zone. */
export const clock = (date: Date, lang: string) =>
  date.toLocaleTimeString(lang === 'en' ? 'en-GB' : 'pl-PL', { hour: '2-digit', minute: '2-digit' });

export function useFileSize() {
  const { t, i18n } = useTranslation();
  const number = (n: number) =>
    new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 1 }).format(n);
  return (bytes: number) => {
    if (bytes < 1024) return t('application.bytes', { size: number(bytes) });
    if (bytes < 1024 * 1024) return t('application.kilobytes', { size: number(bytes / 1024) });
    return t('application.megabytes', { size: number(bytes / (1024 * 1024)) });
  };
}

/** The status as a badge: text (never colour alone) on a colour per status. */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <span className={`ap-badge ap-badge-${status}`}>{t(`application.status.${status}`)}</span>;
}
