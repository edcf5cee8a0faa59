// Live subscriptions over WebSocket: the event bus (resumable with the last event id), throughput
// samples, and the tail of a topic.
import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { StampedEvent } from '../../events/event-bus';
import { PushQueue } from '../live/push-queue';
import { tailTopic } from '../live/tail';
import type { ThroughputSample } from '../../insights/throughput-meter';
import { AclOperation, ResourceType, type ConsoleAccess } from '../console-access';
import { authedProcedure, router } from '../trpc';
import { visibleLag } from './groups-router';

/** An event about a topic or a group reaches only those who may describe it. */
function maysee(access: ConsoleAccess, e: StampedEvent): boolean {
  if (access.isOperator) return true;
  const event = e.event as { topic?: unknown; group?: unknown };
  if (typeof event.topic === 'string' && !access.allows(AclOperation.DESCRIBE, ResourceType.TOPIC, event.topic)) return false;
  if (typeof event.group === 'string' && !access.allows(AclOperation.DESCRIBE, ResourceType.GROUP, event.group)) return false;
  return true;
}

/** Per-topic rates of the topics the caller may describe (the totals stay: they name no topic). */
function visibleSample(access: ConsoleAccess, s: ThroughputSample): ThroughputSample {
  if (access.isOperator) return s;
  const topics = Object.fromEntries(Object.entries(s.topics).filter(([t]) => access.allows(AclOperation.DESCRIBE, ResourceType.TOPIC, t)));
  return { ...s, topics };
}

export const liveRouter = router({
  events: authedProcedure
    .input(
      z
        .object({
          lastEventId: z.string().nullish(),
          types: z.array(z.string()).optional(),
          topic: z.string().optional(),
          group: z.string().optional(),
        })
        .optional(),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const wanted = (e: StampedEvent) => {
        if (!maysee(ctx.access, e)) return false;
        if (input?.types !== undefined && !input.types.some((t) => e.event.type.startsWith(t))) return false;
        if (input?.topic !== undefined && (!('topic' in e.event) || e.event.topic !== input.topic)) return false;
        if (input?.group !== undefined && (!('group' in e.event) || e.event.group !== input.group)) return false;
        return true;
      };
      const bus = ctx.services.events;
      const from = input?.lastEventId != null ? Number(input.lastEventId) : bus.lastId;
      // catch up on what was missed while disconnected, then follow live
      let last = from;
      const live = new PushQueue<StampedEvent>((push) => bus.subscribe(push), signal);
      for (const e of bus.since(from)) {
        last = e.id;
        if (wanted(e)) yield tracked(String(e.id), e);
      }
      for await (const e of live) {
        if (e.id <= last) continue;
        if (wanted(e)) yield tracked(String(e.id), e);
      }
    }),

  throughput: authedProcedure.subscription(async function* ({ ctx, signal }) {
    const live = new PushQueue<ThroughputSample>((push) => ctx.services.insights.throughput.subscribe(push), signal);
    yield { history: ctx.services.insights.throughput.history().map((s) => visibleSample(ctx.access, s)) };
    for await (const s of live) yield { sample: visibleSample(ctx.access, s) };
  }),

  tail: authedProcedure
    .input(
      z.object({
        topic: z.string().min(1),
        partitions: z.array(z.number().int().min(0)).nullable().default(null),
        filter: z.string().max(200).default(''),
        maxPerSecond: z.number().int().min(1).max(20_000).default(2_000),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      ctx.access.require(AclOperation.READ, ResourceType.TOPIC, input.topic);
      yield* tailTopic(ctx.services, input, signal);
    }),

  /** A group's lag every `intervalMs` (the lag chart); also right away. */
  lag: authedProcedure
    .input(z.object({ groupId: z.string().min(1), intervalMs: z.number().int().min(250).max(60_000).default(1000) }))
    .subscription(async function* ({ ctx, input, signal }) {
      ctx.access.require(AclOperation.DESCRIBE, ResourceType.GROUP, input.groupId);
      while (signal?.aborted !== true) {
        const lag = visibleLag(ctx.access, ctx.services.insights.lag.groupLag(input.groupId));
        yield { timeMs: Date.now(), lag };
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, input.intervalMs);
          signal?.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              resolve();
            },
            { once: true },
          );
        });
      }
    }),
});
