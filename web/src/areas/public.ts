/** The public account pages' chunk: signing in, confirming an e-mail, resetting a password, accepting an invitation. */
export { AcceptInvitationPage } from '../pages/AcceptInvitationPage';
export { ForgotPasswordPage } from '../pages/ForgotPasswordPage';
export { LoginPage } from '../pages/LoginPage';
export { ResetPasswordPage } from '../pages/ResetPasswordPage';
export { VerifyEmailPage } from '../pages/VerifyEmailPage';
