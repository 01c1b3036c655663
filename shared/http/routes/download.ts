/**
 * A file download: always as an attachment (never rendered by the browser on our origin), with the
 * name in RFC 6266 form, no sniffing, and not cached by shared caches.
 */
export function downloadResponse(body: Uint8Array, contentType: string, fileName: string): Response {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'file';
  return new Response(body as unknown as BodyInit, {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-length': String(body.length),
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "sandbox; default-src 'none'",
    },
  });
}
