import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatRepository } from '../src/signaling/chat-repository';
import { createMeeting, signUp, type Session } from './helpers/api';
import { buildTestApp, type TestApp } from './helpers/test-app';

const DAY_MS = 86_400_000;

let t: TestApp;
let author: Session;
beforeAll(async () => {
  t = await buildTestApp({ SERVICES: 'auth,meetings' });
  author = await signUp(t.app, 'chatauthor');
});
afterAll(() => t.close());

describe('chat retention', () => {
  it('keeps the newest messages of each meeting and nothing older than the retention', async () => {
    let clock = Date.parse('2026-03-01T12:00:00.000Z');
    const chat = new ChatRepository(
      t.app.services.database.db,
      { keepPerMeeting: 3, retentionS: 7 * 86_400 },
      () => clock,
    );
    const [busy, quiet] = [await createMeeting(t.app, author), await createMeeting(t.app, author)];
    const say = (meetingId: number, text: string) =>
      chat.add({
        meetingId,
        userId: author.user.id,
        displayName: 'Ada',
        text,
        sentAt: new Date(clock).toISOString(),
      });

    await say(quiet.id, 'old news');
    clock += 2 * DAY_MS;
    for (const text of ['one', 'two', 'three', 'four', 'five']) await say(busy.id, text);
    expect((await chat.recent(busy.id)).map((m) => m.text)).toEqual(['three', 'four', 'five']);
    expect((await chat.recent(quiet.id)).map((m) => m.text)).toEqual(['old news']);

    // Six days later the quiet meeting's message is past the seven-day retention; the busy ones are not.
    clock += 6 * DAY_MS;
    expect(await chat.recent(quiet.id)).toEqual([]);
    expect(await chat.recent(busy.id)).toHaveLength(3);
    expect(await chat.purgeExpired()).toBe(1);
    const left = await t.app.services.database.db
      .selectFrom('chat_messages' as never)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(3);
  });
});
