import type { SslMode } from '@/lib/client/api-types';

export const SSL_MODE_LABELS: Record<SslMode, string> = {
  disable: 'disable: no TLS',
  allow: 'allow',
  prefer: 'prefer (default)',
  require: 'require: TLS, certificate not verified',
  'verify-ca': 'verify-ca: TLS, certificate chain verified',
  'verify-full': 'verify-full: TLS, certificate and host name verified',
};
