/**
 * The Content-Security-Policy of HTML pages (docs/decisions/013), sent by
 * proxy.ts with a fresh nonce per request. Scripts run only when they carry
 * the nonce (Next adds it to its own scripts) or were loaded by such a
 * script ('strict-dynamic'), so injected markup cannot run code. The page
 * may talk only to this origin and cannot be framed.
 *
 * Development adds 'unsafe-eval' (React rebuilds server error stacks with
 * eval) and inline styles (the dev overlay); production never does.
 */
export function contentSecurityPolicy(options: { nonce: string; dev: boolean; https: boolean }): string {
  const { nonce, dev, https } = options;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // Barcodes are drawn as images; the camera preview and decoded frames are blobs.
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ];
  // Over plain HTTP (a local install) upgrading would break every subresource.
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** 128 random bits, base64: unguessable by a page that injects markup. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
