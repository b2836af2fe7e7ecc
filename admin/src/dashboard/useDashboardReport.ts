import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLogoutIfAccessDenied } from 'react-admin';
import { reportPeriod, type DashboardParams, type ReportPeriod } from './dashboardParams';
import { fetchDashboard, type DashboardReport } from './dashboardQuery';

export interface DashboardState {
  period: ReportPeriod;
  /** The last report received; kept while the next one loads, so the charts do not blink. */
  report: DashboardReport | null;
  loading: boolean;
  error: Error | null;
  retry: () => void;
}

/**
 * The dashboard's one request, asked again when a picker changes (the previous one is aborted).
 * An expired session logs out, as with every other read of the console.
 */
export function useDashboardReport(params: DashboardParams, enabled: boolean): DashboardState {
  const { from, to, interval, groupBy, timeZone } = params;
  const stableParams = useMemo(() => ({ from, to, interval, groupBy, timeZone }), [from, to, interval, groupBy, timeZone]);
  const period = useMemo(() => reportPeriod(stableParams), [stableParams]);
  // Held in a ref: the request must not start again because react-admin handed a new callback.
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  const logoutRef = useRef(logoutIfAccessDenied);
  useEffect(() => {
    logoutRef.current = logoutIfAccessDenied;
  });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ report: DashboardReport | null; loading: boolean; error: Error | null }>({
    report: null,
    loading: enabled,
    error: null,
  });

  useEffect(() => {
    if (!enabled) {
      setState((previous) => ({ ...previous, loading: false }));
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    fetchDashboard(stableParams, period, { signal: controller.signal }).then(
      (report) => setState({ report, loading: false, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        void logoutRef.current(error);
        setState((previous) => ({ ...previous, loading: false, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
    return () => controller.abort();
  }, [stableParams, period, enabled, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { period, ...state, retry };
}
