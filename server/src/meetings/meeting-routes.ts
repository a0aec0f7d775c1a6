import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMeetingRequestSchema,
  EmptySchema,
  JoinMeetingRequestSchema,
  JoinMeetingResultSchema,
  ListMeetingsQuerySchema,
  MeetingCodeParamsSchema,
  MeetingIdParamsSchema,
  MeetingSchema,
  ParticipantListSchema,
  UpdateMeetingRequestSchema,
  envelopeOf,
  pageOf,
} from '@meetai/shared';
import { AppError } from '../http/app-error';
import { createAttemptLimiter } from '../http/attempt-limiter';
import { envelope, responses } from '../http/envelope';
import type { AttendanceService } from './attendance-service';
import { toMeeting, toParticipant } from './meeting-mapper';
import type { MeetingService } from './meeting-service';

export type MeetingRoutesOptions = { meetings: MeetingService; attendance: AttendanceService; publicUrl: string };

const MeetingEnvelope = envelopeOf(MeetingSchema);
const PASSCODE_FAILURES_MAX = 10;
const PASSCODE_FAILURE_WINDOW_S = 15 * 60;

/** `/meetings/*`, all signed in. Host-only actions answer 403 NOT_HOST to anyone else. */
export const meetingRoutes: FastifyPluginAsyncZod<MeetingRoutesOptions> = async (app, options) => {
  const { meetings, attendance, publicUrl } = options;
  const dto = (view: Parameters<typeof toMeeting>[0]) => toMeeting(view, publicUrl);
  const passcodeLimiter = createAttemptLimiter(app, {
    max: PASSCODE_FAILURES_MAX,
    windowS: PASSCODE_FAILURE_WINDOW_S,
    key: (request) => `passcode:${request.user.id}:${(request.params as { id: number }).id}`,
    message: 'Too many wrong passcodes for this meeting.',
  });

  app.addHook('preHandler', app.authenticate);

  app.post(
    '/meetings',
    { schema: { body: CreateMeetingRequestSchema, response: responses({ 201: MeetingEnvelope }) } },
    async (request, reply) => {
      const meeting = await meetings.create(request.user, request.body);
      return reply.code(201).send(envelope(request, dto(meeting), 201, 'Meeting created'));
    },
  );

  app.get(
    '/meetings',
    {
      schema: { querystring: ListMeetingsQuerySchema, response: responses({ 200: envelopeOf(pageOf(MeetingSchema)) }) },
    },
    async (request) => {
      const { page, page_size } = request.query;
      const { rows, total } = await meetings.list(request.user, request.query);
      return envelope(request, {
        list: rows.map(dto),
        total,
        page,
        page_size,
        total_pages: Math.ceil(total / page_size),
      });
    },
  );

  app.get(
    '/meetings/by-code/:code',
    { schema: { params: MeetingCodeParamsSchema, response: responses({ 200: MeetingEnvelope }) } },
    async (request) => envelope(request, dto(await meetings.getByCode(request.params.code))),
  );

  app.get(
    '/meetings/:id',
    { schema: { params: MeetingIdParamsSchema, response: responses({ 200: MeetingEnvelope }) } },
    async (request) => envelope(request, dto(await meetings.get(request.params.id))),
  );

  app.put(
    '/meetings/:id',
    {
      schema: {
        params: MeetingIdParamsSchema,
        body: UpdateMeetingRequestSchema,
        response: responses({ 200: MeetingEnvelope }),
      },
    },
    async (request) =>
      envelope(
        request,
        dto(await meetings.update(request.user, request.params.id, request.body)),
        200,
        'Meeting saved',
      ),
  );

  app.delete(
    '/meetings/:id',
    { schema: { params: MeetingIdParamsSchema, response: responses({ 200: envelopeOf(EmptySchema) }) } },
    async (request) => {
      await meetings.remove(request.user, request.params.id);
      return envelope(request, null, 200, 'Meeting deleted');
    },
  );

  app.post(
    '/meetings/:id/join',
    {
      schema: {
        params: MeetingIdParamsSchema,
        // A bodyless join is a join without passcode.
        body: JoinMeetingRequestSchema.nullish(),
        response: responses({ 200: envelopeOf(JoinMeetingResultSchema) }),
      },
    },
    async (request) => {
      await passcodeLimiter.assertAllowed(request);
      try {
        const { meeting, participant } = await attendance.join(request.user, request.params.id, request.body?.passcode);
        return envelope(request, { meeting: dto(meeting), participant: toParticipant(participant) }, 200, 'Joined');
      } catch (error) {
        if (error instanceof AppError && error.code === 'WRONG_PASSCODE') await passcodeLimiter.recordFailure(request);
        throw error;
      }
    },
  );

  app.post(
    '/meetings/:id/leave',
    { schema: { params: MeetingIdParamsSchema, response: responses({ 200: envelopeOf(EmptySchema) }) } },
    async (request) => {
      await attendance.leave(request.user, request.params.id);
      return envelope(request, null, 200, 'Left the meeting');
    },
  );

  app.post(
    '/meetings/:id/end',
    { schema: { params: MeetingIdParamsSchema, response: responses({ 200: MeetingEnvelope }) } },
    async (request) =>
      envelope(request, dto(await attendance.end(request.user, request.params.id)), 200, 'Meeting ended'),
  );

  app.get(
    '/meetings/:id/participants',
    { schema: { params: MeetingIdParamsSchema, response: responses({ 200: envelopeOf(ParticipantListSchema) }) } },
    async (request) =>
      envelope(request, (await attendance.participants(request.user, request.params.id)).map(toParticipant)),
  );
};
