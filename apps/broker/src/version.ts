/** The tarn version, reported by the admin API and /healthz. */
export const TARN_VERSION = '0.1.0';
