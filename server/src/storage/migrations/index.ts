import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial';
import { chatMessages } from './0002-chat-messages';
import { transcripts } from './0003-transcripts';
import { membership } from './0004-membership';
import { admin } from './0005-admin';
import { analysis } from './0006-analysis';

/**
 * Every migration, in code (no directory scan, so it works the same under tsx,
 * a bundler or a test runner). Names sort in the order they must run; never
 * edit one that has shipped: add the next.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-chat-messages': chatMessages,
  '0003-transcripts': transcripts,
  '0004-membership': membership,
  '0005-admin': admin,
  '0006-analysis': analysis,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
