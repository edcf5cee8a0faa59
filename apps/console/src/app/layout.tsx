import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { themeInitScript } from '@tarn/ui';
import '@tarn/ui/styles.css';
import './console.css';
import { Providers } from '../trpc/provider';

export const metadata: Metadata = {
  title: { default: 'tarn console', template: '%s · tarn' },
  description: 'The tarn broker, live: topics, segments, ISR and messages.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* applies a stored theme before the first paint */}
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
