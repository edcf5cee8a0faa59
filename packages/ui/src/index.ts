// @tarn/ui: presentational components for the tarn console. No data fetching, nothing imported
// from the rest of the repository. Styles: import '@tarn/ui/styles.css' once.
export * from './format';
export * from './button';
export * from './badge';
export * from './card';
export * from './feedback';
export * from './field';
export * from './tabs';
export * from './dialog';
export * from './data-table';
export * from './app-shell';
export * from './theme-toggle';
export * from './segment-layout';
export * from './segment-strip';
export * from './throughput-chart';
export * from './timeline';
export * from './replica-set';
export * from './lag-status-badge';
export * from './copy-button';
export * from './assignment-diff';
export * from './list-page';
export * from './permission-matrix';
