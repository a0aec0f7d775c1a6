import { powerSaveBlocker } from 'electron';
import type { MeetingPresence } from '@meetai/shared';
import { createLogger } from './logger';

const log = createLogger('power-save');

type Blocker = Pick<typeof powerSaveBlocker, 'start' | 'stop'>;

/** Keeps the display awake while the user is in a meeting, and only then. */
export class MeetingPowerSave {
  private blockerId: number | null = null;

  constructor(private readonly blocker: Blocker = powerSaveBlocker) {}

  update(presence: MeetingPresence): void {
    if (presence && this.blockerId === null) {
      this.blockerId = this.blocker.start('prevent-display-sleep');
      log.info('update() | in a meeting: display sleep blocked');
    } else if (!presence && this.blockerId !== null) {
      this.blocker.stop(this.blockerId);
      this.blockerId = null;
      log.info('update() | out of the meeting: display may sleep');
    }
  }
}
