import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { createMeetingByApi, registerByApi } from './fixtures/accounts';
import { chromiumLaunchOptions } from './fixtures/chromium';
import { joinRoom, openParticipant, snap, type Participant } from './fixtures/room';
import { librivoxClip, shareOfWordsHeard } from './fixtures/speech';

/**
 * Live captions as people see them: Ada's fake microphone plays a LibriVox
 * recording (Chromium loops it), the server's speech engine (whisper, the
 * default where setup installed its model) transcribes it, and Bo reads Ada's
 * words under her name, live and in the transcript panel. The whisper worker
 * is killed mid-meeting: the room says captions paused, and they come back.
 * After the host ends the meeting, the transcript page shows the words and
 * exports them.
 */

const CLIP = librivoxClip('sense_and_sensibility_01_austen_64kb-0880.wav');

let speakerBrowser: Browser | undefined;
let opened: Participant[] = [];
test.afterEach(async () => {
  await Promise.all(opened.map((participant) => participant.context.close()));
  opened = [];
  await speakerBrowser?.close();
});

/** Final lines of the live transcript panel spoken by `speaker`, joined. */
async function finalTranscript(page: Page, speaker: string): Promise<string> {
  const lines = page.locator(`[data-testid="transcript-line"][data-final="true"][data-speaker="${speaker}"]`);
  return (await lines.allInnerTexts()).join(' ');
}

test('a participant reads another one’s words as live captions, through an engine restart, then in the saved transcript', async ({
  browser,
  request,
}, testInfo) => {
  test.setTimeout(360_000);
  const adaAccount = await registerByApi(request, 'Ada');
  const boAccount = await registerByApi(request, 'Bo');
  const meeting = await createMeetingByApi(request, adaAccount, 'Captions');

  speakerBrowser = await chromium.launch(
    chromiumLaunchOptions(['--allow-loopback-in-peer-connection', `--use-file-for-fake-audio-capture=${CLIP.wav48k}`]),
  );
  const ada = await openParticipant(speakerBrowser, adaAccount);
  const bo = await openParticipant(browser, boAccount);
  opened = [ada, bo];
  await joinRoom(ada, meeting.id);
  await joinRoom(bo, meeting.id);

  // Bo sees Ada's words appear under her name while she speaks (the privacy note is on).
  await expect(bo.page.getByTestId('captions-privacy')).toBeVisible();
  await expect(bo.page.getByTestId('captions-overlay')).toHaveAttribute('data-state', 'active');
  await expect(
    bo.page.locator(`[data-testid="caption-line"][data-speaker="${adaAccount.nickname}"]`).first(),
  ).toBeVisible({ timeout: 60_000 });
  await bo.page.getByTestId('transcript-toggle').click();
  await expect(bo.page.getByTestId('transcript-panel')).toBeVisible();
  await expect
    .poll(async () => shareOfWordsHeard(CLIP.text, await finalTranscript(bo.page, adaAccount.nickname)), {
      timeout: 60_000,
    })
    .toBeGreaterThanOrEqual(0.6);
  await snap(bo.page, testInfo.outputPath('bo-reads-ada.png'));

  // The whisper worker dies: the room says captions are paused, then they flow again.
  const finalsBefore = await bo.page.locator('[data-testid="transcript-line"][data-final="true"]').count();
  killWhisperWorkerOf(new URL(testInfo.project.use.baseURL ?? '').port);
  await expect(bo.page.getByTestId('captions-notice')).toHaveAttribute('data-kind', 'paused', { timeout: 15_000 });
  await snap(bo.page, testInfo.outputPath('bo-captions-paused.png'));
  // Back: flowing again (active, or delayed while the restarted engine catches up on a busy machine).
  await expect(bo.page.getByTestId('captions-overlay')).toHaveAttribute('data-state', /^(active|delayed)$/, {
    timeout: 60_000,
  });
  await expect
    .poll(() => bo.page.locator('[data-testid="transcript-line"][data-final="true"]').count(), { timeout: 60_000 })
    .toBeGreaterThan(finalsBefore);

  // The host ends the meeting; the transcript page keeps Ada's words and exports them.
  await ada.page.getByTestId('participants-toggle').click();
  await ada.page.getByTestId('end-meeting').click();
  await ada.page.getByTestId('confirm-accept').click();
  await expect(bo.page.getByTestId('room-ended')).toHaveAttribute('data-reason', 'host-ended');
  await bo.page.goto(`/#/meetings/${meeting.id}/transcript`);
  await expect(bo.page.getByTestId('transcript-page')).toBeVisible();
  const pageLines = bo.page.locator(`[data-testid="transcript-line"][data-speaker="${adaAccount.nickname}"]`);
  await expect(pageLines.first()).toBeVisible();
  expect(shareOfWordsHeard(CLIP.text, (await pageLines.allInnerTexts()).join(' '))).toBeGreaterThanOrEqual(0.6);
  await snap(bo.page, testInfo.outputPath('transcript-page.png'));

  const [download] = await Promise.all([
    bo.page.waitForEvent('download'),
    bo.page.getByTestId('transcript-export-srt').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^transcript-\d{3}-\d{3}-\d{3}\.srt$/);
  const srt = readFileSync(await download.path(), 'utf8');
  expect(srt).toMatch(/^1\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}\n/);
  expect(srt).toContain(`${adaAccount.nickname}:`);
});

/** SIGKILL for the whisper worker of this test's server only (other servers on the machine keep theirs). */
function killWhisperWorkerOf(port: string): void {
  const listening = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const serverPid = /pid=(\d+)/.exec(listening)?.[1];
  if (!serverPid) throw new Error(`No server listens on port ${port}`);
  const workers = execFileSync('pgrep', ['-P', serverPid, '-f', 'whisper_worker.py'], { encoding: 'utf8' }).trim();
  execFileSync('kill', ['-KILL', ...workers.split(/\s+/)]);
}
