import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native module: load it from node_modules at run time rather than bundling it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  // The server (server/index.ts) caches whole responses and swaps each page's CSP nonce, which
  // needs them uncompressed; compress in the reverse proxy in front of it.
  compress: false,
  // The app shows no images; with the optimizer off, /_next/image answers 404 instead of
  // fetching and resizing whatever URL it is given.
  images: { unoptimized: true },
  // Uploads on /sources/new go through a server action, one file each: the ingest limit is 5 MB
  // a file (lib/ingest/decode.ts), plus room for the multipart envelope.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
};

export default nextConfig;
