import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // @tarn/ui ships TypeScript sources; Next compiles them with the console.
  transpilePackages: ['@tarn/ui'],
  // Types are checked by `tsc -b` at the repository root (with project references to the broker's
  // router type), so the production build does not check them a second time.
  typescript: { ignoreBuildErrors: true, tsconfigPath: 'tsconfig.next.json' },
  devIndicators: false,
};

export default config;
