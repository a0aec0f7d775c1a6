import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { Room } from './Room';
import type { TransportListenSettings } from './router-factory';
import type { WorkerPool } from './worker-pool';

/**
 * The live rooms, one per meeting. Creation is serialized per meeting: two
 * peers arriving at once share one pending creation, so a meeting never gets
 * two routers. A room whose worker died is moved to a live worker.
 */
export class RoomRegistry extends EventEmitter<{ opened: [room: Room] }> {
  private readonly rooms = new Map<number, Room>();
  private readonly creating = new Map<number, Promise<Room>>();
  private isClosed = false;
  private restartCount = 0;

  constructor(
    private readonly pool: WorkerPool,
    private readonly listen: TransportListenSettings,
    private readonly log: FastifyBaseLogger,
  ) {
    super();
  }

  get size(): number {
    return this.rooms.size;
  }

  get restarts(): number {
    return this.restartCount;
  }

  get(meetingId: number): Room | undefined {
    return this.rooms.get(meetingId);
  }

  all(): Room[] {
    return [...this.rooms.values()];
  }

  getOrCreate(meetingId: number): Promise<Room> {
    const existing = this.rooms.get(meetingId);
    if (existing) return Promise.resolve(existing);
    const pending = this.creating.get(meetingId);
    if (pending) return pending;
    const creation = this.create(meetingId).finally(() => this.creating.delete(meetingId));
    this.creating.set(meetingId, creation);
    return creation;
  }

  /** Closes the meeting's room (its last peer left, or the meeting ended). */
  release(meetingId: number): void {
    const room = this.rooms.get(meetingId);
    if (!room) return;
    this.rooms.delete(meetingId);
    room.close();
    this.log.info({ meetingId }, 'room closed');
  }

  close(): void {
    this.isClosed = true;
    for (const meetingId of [...this.rooms.keys()]) this.release(meetingId);
  }

  private async create(meetingId: number): Promise<Room> {
    if (this.isClosed) throw new Error('The media service is shutting down');
    const worker = await this.pool.acquire();
    const room = await Room.create(meetingId, worker, this.listen, this.log.child({ meetingId }));
    if (this.isClosed) {
      room.close();
      throw new Error('The media service is shutting down');
    }
    room.on('routerLost', () => void this.restart(room));
    this.rooms.set(meetingId, room);
    this.log.info({ meetingId, workerPid: worker.pid }, 'room created');
    this.emit('opened', room);
    return room;
  }

  private async restart(room: Room): Promise<void> {
    for (let attempt = 1; !this.isClosed && !room.closed; attempt += 1) {
      try {
        const worker = await this.pool.acquire();
        await room.restart(worker);
        this.restartCount += 1;
        this.log.warn({ meetingId: room.meetingId, workerPid: worker.pid }, 'room re-created on another worker');
        return;
      } catch (err) {
        // The chosen worker may have died too; try again on whichever is alive.
        this.log.error({ err, meetingId: room.meetingId, attempt }, 'could not re-create a room');
        await new Promise((resolve) => setTimeout(resolve, Math.min(attempt * 500, 5_000)));
      }
    }
  }
}
