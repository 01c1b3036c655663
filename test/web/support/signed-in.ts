/** The server's "signed in on this browser" hint (plain-http name), set or dropped as a login or logout would. */
export function signedInHint(on: boolean): void {
  // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API
  document.cookie = on ? 'signedin=1; Path=/' : 'signedin=; Max-Age=0; Path=/';
}
