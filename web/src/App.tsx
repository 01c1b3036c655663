import type { ComponentType } from 'react';
import { Layout } from './components/Layout';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage';
import { AccountPage } from './pages/AccountPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { HomePage, NotFoundPage } from './pages/HomePage';
import { InstitutionPage } from './pages/InstitutionPage';
import { LoginPage } from './pages/LoginPage';
import { OrganizerAuditPage } from './pages/OrganizerAuditPage';
import { OrganizerUsersPage } from './pages/OrganizerUsersPage';
import { OutboxPage } from './pages/OutboxPage';
import { RegisterPage } from './pages/RegisterPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';
import { useLocation } from './router';
import { OrganizerEditionsPage } from './pages/organizer/OrganizerEditionsPage';
import { OrganizerEditionPage } from './pages/organizer/OrganizerEditionPage';
import { OrganizerApplicationPage } from './pages/organizer/OrganizerApplicationPage';
import { ApplicationsPage } from './pages/applications/ApplicationsPage';
import { ApplicationPage } from './pages/applications/ApplicationPage';
import { ExpertEditionsPage } from './pages/expert/ExpertEditionsPage';
import { ExpertEditionPage } from './pages/expert/ExpertEditionPage';
import { ReviewPage } from './pages/expert/ReviewPage';
import { LaureatesPage } from './pages/results/LaureatesPage';
import { OwnResultPage } from './pages/results/OwnResultPage';
import { PublishedResultsPage } from './pages/results/PublishedResultsPage';
import { VerifyCodePage, VerifyFormPage } from './pages/certificates/VerifyPage';
import { SessionProvider } from './session';

/** Every page of the SPA by path; the server answers any non-API path with index.html. */
const pages: Record<string, ComponentType> = {
  '/': HomePage,
  '/register': RegisterPage,
  '/verify-email': VerifyEmailPage,
  '/login': LoginPage,
  '/forgot-password': ForgotPasswordPage,
  '/reset-password': ResetPasswordPage,
  '/accept-invitation': AcceptInvitationPage,
  '/account': AccountPage,
  '/institution': InstitutionPage,
  '/organizer/users': OrganizerUsersPage,
  '/organizer/audit': OrganizerAuditPage,
  '/outbox': OutboxPage,
  '/organizer/editions': OrganizerEditionsPage,
  '/applications': ApplicationsPage,
  '/expert': ExpertEditionsPage,
  '/laureaci': LaureatesPage,
  // Public certificate verification (issue 15), Polish and English.
  '/weryfikacja': VerifyFormPage,
  '/en/verify': VerifyFormPage,
};

/** Pages with a path parameter; the page reads it with `useParam(name)`. */
const patterns: [RegExp, ComponentType][] = [
  [/^\/organizer\/editions\/[^/]+$/, OrganizerEditionPage],
  [/^\/organizer\/applications\/[^/]+$/, OrganizerApplicationPage],
  [/^\/applications\/[^/]+$/, ApplicationPage],
  [/^\/expert\/editions\/[^/]+$/, ExpertEditionPage],
  [/^\/expert\/editions\/[^/]+\/reviews\/[^/]+$/, ReviewPage],
  [/^\/laureaci\/[^/]+$/, PublishedResultsPage],
  [/^\/applications\/[^/]+\/result$/, OwnResultPage],
  [/^\/weryfikacja\/[^/]+$/, VerifyCodePage],
  [/^\/en\/verify\/[^/]+$/, VerifyCodePage],
];

export function App() {
  const { path } = useLocation();
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const Page = pages[clean] ?? patterns.find(([re]) => re.test(clean))?.[1] ?? NotFoundPage;
  return (
    <SessionProvider>
      <Layout>
        {/* keyed by path: each page starts with fresh state */}
        <Page key={path} />
      </Layout>
    </SessionProvider>
  );
}
