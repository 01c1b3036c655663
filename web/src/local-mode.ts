/**
 * The local platform (`npm start`) runs on this machine; there e-mails go to an outbox the UI can
 * show. Decided by the address alone, so no request is spent on it in the cloud.
 */
export const isLocalMode = () => ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
