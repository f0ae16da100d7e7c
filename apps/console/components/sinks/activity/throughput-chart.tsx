'use client';

import dynamic from 'next/dynamic';
import type { SinkStats } from '@/lib/client/api-types';

/**
 * The activity chart. Recharts is the console's largest dependency after the editor, and the
 * chart sits below the counters: it is loaded on the client only, once the sink page shows it.
 */
export const ThroughputChart = dynamic<{ stats: SinkStats }>(() => import('./throughput-chart-view'), {
  ssr: false,
  loading: () => (
    <p className="flex h-56 items-center justify-center text-sm text-slate-500" role="status">
      Loading the chart…
    </p>
  ),
});
