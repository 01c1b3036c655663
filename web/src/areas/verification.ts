/** Certificate verification (public, opened from a certificate's QR code on a phone): its own small chunk. */
export { VerifyCodePage, VerifyFormPage } from '../pages/certificates/VerifyPage';
