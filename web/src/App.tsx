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
};

export function App() {
  const { path } = useLocation();
  const Page = pages[path.length > 1 ? path.replace(/\/+$/, '') : path] ?? NotFoundPage;
  return (
    <SessionProvider>
      <Layout>
        {/* keyed by path: each page starts with fresh state */}
        <Page key={path} />
      </Layout>
    </SessionProvider>
  );
}
