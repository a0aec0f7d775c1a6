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
import type { AttemptLimits } from '../config';
import { attempt, sourceOf, type AttemptLedger } from '../http/attempt-limiter';
import { envelope, responses } from '../http/envelope';
import type { AttendanceService } from './attendance-service';
import { toMeeting, toParticipant } from './meeting-mapper';
import type { MeetingService } from './meeting-service';

export type MeetingRoutesOptions = {
  meetings: MeetingService;
  attendance: AttendanceService;
  publicUrl: string;
  attempts: AttemptLedger;
  attemptLimits: AttemptLimits;
};

const MeetingEnvelope = envelopeOf(MeetingSchema);

/** `/meetings/*`, all signed in. Host-only actions answer 403 NOT_HOST to anyone else. */
export const meetingRoutes: FastifyPluginAsyncZod<MeetingRoutesOptions> = async (app, options) => {
  const { meetings, attendance, publicUrl, attempts, attemptLimits } = options;
  const dto = (view: Parameters<typeof toMeeting>[0]) => toMeeting(view, publicUrl);

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
    async (request) => {
      // Codes are short enough to walk: unknown ones count against the caller's address.
      const meeting = await attempt(
        attempts,
        [{ key: `code-lookup:${sourceOf(request)}`, max: attemptLimits.codeLookups }],
        'Too many unknown meeting codes.',
        () => meetings.getByCode(request.params.code),
        (error) => error.code === 'MEETING_NOT_FOUND',
      );
      return envelope(request, dto(meeting));
    },
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
      const meetingId = request.params.id;
      const passcode = request.body?.passcode;
      const join = () => attendance.join(request.user, meetingId, passcode);
      // Only a join that brings a passcode can guess one; guesses count per meeting and address, whoever signs in.
      const { meeting, participant } = passcode
        ? await attempt(
            attempts,
            [{ key: `passcode:${meetingId}:${sourceOf(request)}`, max: attemptLimits.passcodePerMeeting }],
            'Too many wrong passcodes for this meeting.',
            join,
            (error) => error.code === 'WRONG_PASSCODE',
          )
        : await join();
      return envelope(request, { meeting: dto(meeting), participant: toParticipant(participant) }, 200, 'Joined');
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
