import { Component, type ReactNode, Suspense } from 'react';
import { useTranslation } from './translation';
import {
  type AreaPage,
  accountPage,
  expertPage,
  institutionPage,
  laureatesPage,
  organizerPage,
  outboxPage,
  publicPage,
  registerPage,
  startPage,
  surveyPage,
  verificationPage,
} from './area-chunks';
import { Layout } from './components/Layout';
import { useLocation } from './router';
import { SessionProvider, type SessionStore } from './session';

const HomePage = startPage((m) => m.HomePage);
const NotFoundPage = startPage((m) => m.NotFoundPage);
const VerifyFormPage = verificationPage((m) => m.VerifyFormPage);
const VerifyCodePage = verificationPage((m) => m.VerifyCodePage);

/** Every page of the SPA by path; the server answers any non-API path with index.html. */
const pages: Record<string, AreaPage> = {
  '/': HomePage,
  '/register': registerPage((m) => m.RegisterPage),
  '/verify-email': publicPage((m) => m.VerifyEmailPage),
  '/login': publicPage((m) => m.LoginPage),
  '/forgot-password': publicPage((m) => m.ForgotPasswordPage),
  '/reset-password': publicPage((m) => m.ResetPasswordPage),
  '/accept-invitation': publicPage((m) => m.AcceptInvitationPage),
  '/account': accountPage((m) => m.AccountPage),
  '/institution': institutionPage((m) => m.InstitutionPage),
  '/organizer/users': organizerPage((m) => m.OrganizerUsersPage),
  '/organizer/audit': organizerPage((m) => m.OrganizerAuditPage),
  '/outbox': outboxPage((m) => m.OutboxPage),
  '/organizer/editions': organizerPage((m) => m.OrganizerEditionsPage),
  '/applications': institutionPage((m) => m.ApplicationsPage),
  '/institution/surveys': institutionPage((m) => m.SurveysPage),
  '/institution/feedback': institutionPage((m) => m.FeedbackInboxPage),
  '/expert': expertPage((m) => m.ExpertEditionsPage),
  '/laureaci': laureatesPage((m) => m.LaureatesPage),
  // Public certificate verification (issue 15), Polish and English.
  '/weryfikacja': VerifyFormPage,
  '/en/verify': VerifyFormPage,
  // Residents' feedback by tracking code (issue 18 §6); before the `/opinia/:institutionId` pattern.
  '/opinia/sprawdz': surveyPage((m) => m.FeedbackTrackPage),
  // The organizer's yearly standard measurement (issue 18 §4).
  '/organizer/measurement': organizerPage((m) => m.OrganizerMeasurementPage),
};

/** Pages with a path parameter; the page reads it with `useParam(name)`. */
const patterns: [RegExp, AreaPage][] = [
  [/^\/organizer\/editions\/[^/]+$/, organizerPage((m) => m.OrganizerEditionPage)],
  [/^\/organizer\/applications\/[^/]+$/, organizerPage((m) => m.OrganizerApplicationPage)],
  [/^\/applications\/[^/]+$/, institutionPage((m) => m.ApplicationPage)],
  [/^\/expert\/editions\/[^/]+$/, expertPage((m) => m.ExpertEditionPage)],
  [/^\/expert\/editions\/[^/]+\/reviews\/[^/]+$/, expertPage((m) => m.ReviewPage)],
  [/^\/laureaci\/[^/]+$/, laureatesPage((m) => m.PublishedResultsPage)],
  [/^\/applications\/[^/]+\/result$/, institutionPage((m) => m.OwnResultPage)],
  [/^\/institution\/surveys\/[^/]+$/, institutionPage((m) => m.SurveyResultsPage)],
  [/^\/weryfikacja\/[^/]+$/, VerifyCodePage],
  [/^\/en\/verify\/[^/]+$/, VerifyCodePage],
  // A residents' survey's answer page (issue 18), from a link or a poster's QR code.
  [/^\/ankieta\/[^/]+$/, surveyPage((m) => m.SurveyAnswerPage)],
  // A resident's feedback to an office (issue 18 §6), from a link or a QR code.
  [/^\/opinia\/[^/]+$/, surveyPage((m) => m.FeedbackFormPage)],
  // The published ranking of a year's standard measurement (issue 18 §4).
  [/^\/badanie-satysfakcji\/[0-9]{4}$/, surveyPage((m) => m.MeasurementRankingPage)],
];

/** The page shown at a path (the query string aside). */
export function pageAt(path: string): AreaPage {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return pages[clean] ?? patterns.find(([re]) => re.test(clean))?.[1] ?? NotFoundPage;
}

/** The whole app; `session` is main.tsx's store, whose read of /api/me started before the first render. */
export function App({ session }: { session?: SessionStore }) {
  const { path } = useLocation();
  const Page = pageAt(path);
  return (
    <SessionProvider store={session}>
      <Layout>
        {/* keyed by path: each page starts with fresh state (and a failed chunk is retried on the next page) */}
        <PageLoadBoundary key={path}>
          <Suspense fallback={<PageLoading />}>
            <Page />
          </Suspense>
        </PageLoadBoundary>
      </Layout>
    </SessionProvider>
  );
}

/**
 * While a page's chunk downloads: a status line that appears only if the wait is noticeable
 * (styles.css delays it), so a fast load does not flash, and a screen reader hears what happens.
 */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="page-loading">
      {t('layout.pageLoading')}
    </p>
  );
}

/**
 * A page whose chunk cannot be downloaded (offline for a moment, or a new release replaced the hashed
 * files this tab knew) — or that fails while rendering: say so and offer a reload instead of leaving
 * an empty page (React unmounts the whole tree on an error no boundary catches).
 */
class PageLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="notice error" role="alert">
      <p>{t('layout.pageLoadFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('layout.reload')}
      </button>
    </div>
  );
}
