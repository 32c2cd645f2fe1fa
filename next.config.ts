import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native module: load it from node_modules at run time rather than bundling it.
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
};

export default nextConfig;
