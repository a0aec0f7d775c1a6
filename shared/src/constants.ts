/** Ports and paths every side agrees on. Env vars on the server may override ports. */
export const DEFAULT_GATEWAY_PORT = 8800;

/** The seed's port map, used when a service runs on its own. */
export const SERVICE_PORTS = {
  user: 8080,
  signaling: 8081,
  meeting: 8082,
  media: 8083,
  ai: 8084,
} as const;

export const MONITORING_PORTS = {
  jaeger: 8801,
  prometheus: 8802,
  alertmanager: 8803,
  grafana: 8804,
  loki: 8805,
} as const;

export const API_PREFIX = '/api/v1';
export const SIGNALING_PATH = '/ws/signaling';
export const HEALTH_PATH = '/health';
export const METRICS_PATH = '/metrics';
/** Web invite links look like `<server>/j/<code>`. */
export const WEB_JOIN_PATH = '/j';
export const APP_PROTOCOL = 'meeting';

export const DEFAULT_SERVER_URL = `http://localhost:${DEFAULT_GATEWAY_PORT}`;

/** Request bodies above this are refused with 413 (the AI upload routes set their own). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
