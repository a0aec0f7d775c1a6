export { probeTargets, type ProbeOptions } from './probe-targets';
export { defaultHealthTargets, withTargetUrls } from './default-targets';
export { fetchFigures, FIGURE_QUERIES, type FiguresOptions } from './prometheus-figures';
export { fetchFiringAlerts, type AlertsOptions } from './alertmanager-alerts';
export { TARGET_SPECS } from './target-specs';
export { describeFetchError, describeHttpStatus, formatDuration, hostPort } from './failure-sentence';
export { httpGet, type HttpOutcome } from './http-get';
