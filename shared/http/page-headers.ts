/**
 * The security headers of the web pages (index.html, the built assets), defined once: the local
 * server sends them (infra/local/server.ts) and CloudFront's response-headers policy is built from
 * them (infra/constructs/web.ts). The API sets its own, stricter ones in shared/http/app.ts.
 *
 * The SPA is one module script and one stylesheet from /assets, both same-origin, no inline script
 * or style (React sets styles through the CSSOM, which style-src does not govern), no eval. So the
 * policy can forbid everything else outright.
 */
export interface PageHeaderOptions {
  /**
   * Origins the app may fetch from besides its own: in the cloud, S3, where the browser PUTs
   * attachments with a presigned URL (see infra/constructs/web.ts). None locally (/api/uploads/).
   */
  readonly connectSources?: readonly string[];
}

export const pageHeaderValues = {
  referrerPolicy: 'no-referrer',
  frameOptions: 'DENY',
  contentTypeOptions: 'nosniff',
  /** The browser's XSS auditor is gone or harmful; "0" turns off what remains of it. */
  xssProtection: '0',
  /** HTTPS only, two years, subdomains too. Plain http on localhost ignores it (not sent there). */
  strictTransportSecurity: { maxAgeSeconds: 63_072_000, includeSubdomains: true },
  permissionsPolicy: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
} as const;

/** The HSTS header value, for the API (shared/http/app.ts) and the pages in the cloud alike. */
export const strictTransportSecurity = `max-age=${pageHeaderValues.strictTransportSecurity.maxAgeSeconds}${pageHeaderValues.strictTransportSecurity.includeSubdomains ? '; includeSubDomains' : ''}`;

/** The CSP of every page: same-origin script, style, images, fonts and API calls; no frames, no plugins. */
export function pageContentSecurityPolicy(options: PageHeaderOptions = {}): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(options.connectSources ?? [])],
    ['frame-src', "'none'"],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['manifest-src', "'self'"],
    ['worker-src', "'none'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * The headers as the local server sends them, by name. HSTS is left out there: localhost is plain
 * http, where browsers ignore it anyway; the cloud adds it (see web.ts).
 */
export function pageSecurityHeaders(options: PageHeaderOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': pageContentSecurityPolicy(options),
    'X-Content-Type-Options': pageHeaderValues.contentTypeOptions,
    'X-Frame-Options': pageHeaderValues.frameOptions,
    'Referrer-Policy': pageHeaderValues.referrerPolicy,
    'X-XSS-Protection': pageHeaderValues.xssProtection,
    'Permissions-Policy': pageHeaderValues.permissionsPolicy,
    'Cross-Origin-Opener-Policy': pageHeaderValues.crossOriginOpenerPolicy,
    'Cross-Origin-Resource-Policy': pageHeaderValues.crossOriginResourcePolicy,
  };
}
