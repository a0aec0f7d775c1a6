import { z } from 'zod';
import { describeIssues } from '@meetai/shared';

/** How the media and AI services find and trust each other when they run apart. */
export type MediaLinkSettings = {
  /** INTERNAL_TOKEN: the secret both services share; without it the media service serves no remote AI. */
  token: string | undefined;
  /** AI_MEDIA_URL: the media service's link, for an AI service running alone (`SERVICES=ai`). */
  mediaUrl: string | undefined;
  /** AI_TAP_HOST: the AI host's address the SFU sends tap RTP to; the AI's tap sockets bind it. */
  tapHost: string;
};

const LinkEnvSchema = z.object({
  INTERNAL_TOKEN: z.string().min(32, 'Use at least 32 characters').optional(),
  AI_MEDIA_URL: z.url({ protocol: /^wss?$/, error: 'Use the ws:// or wss:// URL of the media link' }).optional(),
  AI_TAP_HOST: z.union([z.ipv4(), z.ipv6()], { error: 'Use an IP address of this host' }).default('127.0.0.1'),
});

/**
 * `env` has empty values removed already (the server's config does that);
 * `services` are the modules this process mounts. Throws a sentence naming
 * the variable.
 */
export function loadMediaLinkSettings(
  env: Record<string, string | undefined>,
  services: readonly string[],
): MediaLinkSettings {
  const parsed = LinkEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  const { INTERNAL_TOKEN: token, AI_MEDIA_URL: mediaUrl, AI_TAP_HOST: tapHost } = parsed.data;
  if (mediaUrl && services.includes('signaling')) {
    throw new Error(
      'Invalid environment: AI_MEDIA_URL is for an AI service running apart from the SFU (SERVICES=ai); this process runs signaling and the SFU itself',
    );
  }
  if (mediaUrl && !services.includes('ai')) {
    throw new Error('Invalid environment: AI_MEDIA_URL is set but this process does not run the ai service');
  }
  if (mediaUrl && !token) {
    throw new Error('Invalid environment: AI_MEDIA_URL needs INTERNAL_TOKEN, the same as the media service has');
  }
  return { token, mediaUrl, tapHost };
}
