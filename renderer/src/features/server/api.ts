import { HEALTH_PATH, HealthReportSchema, type HealthReport } from '@meetai/shared';
import { api } from '../../lib/http';

/** Asks a candidate server for its /health before the app starts using it. */
export function checkServer(serverUrl: string): Promise<HealthReport> {
  return api.getDocument(HEALTH_PATH, HealthReportSchema, { baseUrl: serverUrl });
}
