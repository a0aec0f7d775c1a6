import { useCallback, useEffect, useRef, useState } from 'react';
import type { Figures, FiringAlerts, HealthSweep, HealthTarget } from '@meetai/shared';
import { getBridge } from '../../bridge/get-bridge';
import { createLogger } from '../../lib/logger';
import { adminApi } from './api';
import { recordSweep, type History } from './health-history';

const log = createLogger('admin-health');

export type HealthState = {
  sweep: HealthSweep | null;
  history: History;
  figures: Figures | null;
  alerts: FiringAlerts | null;
  /** The sweep itself failed (the server or the desktop bridge refused), as opposed to a target being down. */
  error: unknown;
  isChecking: boolean;
};

const urlOf = (targets: HealthTarget[], name: HealthTarget['name']) => targets.find((t) => t.name === name)?.url ?? '';

/**
 * One sweep now, then every `refreshS` seconds (0: only when asked): the
 * probes through the bridge (the desktop's main process, or the gateway for
 * the web build), with Prometheus's figures and Alertmanager's alerts beside
 * them. A sweep never overlaps the previous one.
 */
export function useHealth(targets: HealthTarget[], refreshS: number): HealthState & { refresh: () => void } {
  const [state, setState] = useState<HealthState>({
    sweep: null,
    history: {},
    figures: null,
    alerts: null,
    error: null,
    isChecking: false,
  });
  const inFlight = useRef(false);
  const targetsRef = useRef(targets);
  targetsRef.current = targets;

  const refresh = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    const current = targetsRef.current;
    setState((s) => ({ ...s, isChecking: true }));
    const probe = getBridge().healthProbe({ targets: current });
    const figures = adminApi.figures(urlOf(current, 'prometheus')).catch((error: unknown) => {
      log.warn('refresh() | figures failed', error);
      return null;
    });
    const alerts = adminApi.alerts(urlOf(current, 'alertmanager')).catch((error: unknown) => {
      log.warn('refresh() | alerts failed', error);
      return null;
    });
    void Promise.allSettled([probe, figures, alerts]).then(([sweep, fig, al]) => {
      inFlight.current = false;
      setState((s) => ({
        sweep: sweep.status === 'fulfilled' ? sweep.value : s.sweep,
        history: sweep.status === 'fulfilled' ? recordSweep(s.history, sweep.value) : s.history,
        figures: fig.status === 'fulfilled' ? fig.value : null,
        alerts: al.status === 'fulfilled' ? al.value : null,
        error: sweep.status === 'rejected' ? sweep.reason : null,
        isChecking: false,
      }));
    });
  }, []);

  const targetKey = targets.map((t) => `${t.name}=${t.url}`).join(',');
  useEffect(() => {
    refresh();
    if (refreshS <= 0) return undefined;
    const timer = window.setInterval(refresh, refreshS * 1000);
    return () => window.clearInterval(timer);
  }, [refresh, refreshS, targetKey]);

  return { ...state, refresh };
}
