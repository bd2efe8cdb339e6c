/**
 * Open-loop load generator in its own process: signed Slack requests at a fixed rate, whatever the
 * answers' speed (requests are not held back by slow ones). Latency is measured from sending to the
 * complete HTTP answer.
 */
import { SlackInbound } from '../../test/support/slack-requests.js';
import { childMain, sleep } from './common.js';
import { plannedRequest } from './load-plan.js';

export interface LoadInput {
  url: string;
  signingSecret: string;
  teamId: string;
  responseUrlBase: string;
  ratePerSecond: number;
  seconds: number;
  /** Sent first at the same rate and left out of the latency figures (connections, JIT). */
  warmupSeconds: number;
  leaders: number;
}

export interface LoadResult {
  sent: number;
  clicks: number;
  statuses: number;
  /** Latencies after the warm-up. */
  clickMs: number[];
  statusMs: number[];
  /** Every latency, warm-up included. */
  allWithWarmupMs: number[];
  warmupRequests: number;
  errors: number;
  errorSamples: string[];
  /** How far behind schedule the generator fired its worst request. */
  maxLagMs: number;
  /** From the first request sent to the last. */
  sendingMs: number;
  durationMs: number;
}

childMain<LoadInput, LoadResult>(async (input) => {
  const inbound = new SlackInbound({
    url: input.url,
    signingSecret: input.signingSecret,
    teamId: input.teamId,
    responseUrlBase: input.responseUrlBase,
  });
  const interval = 1000 / input.ratePerSecond;
  const warmup = Math.round(input.ratePerSecond * input.warmupSeconds);
  const total = warmup + Math.round(input.ratePerSecond * input.seconds);
  const result: LoadResult = {
    sent: 0,
    clicks: 0,
    statuses: 0,
    clickMs: [],
    statusMs: [],
    allWithWarmupMs: [],
    warmupRequests: warmup,
    errors: 0,
    errorSamples: [],
    maxLagMs: 0,
    sendingMs: 0,
    durationMs: 0,
  };
  const inflight = new Set<Promise<void>>();
  const fail = (what: string) => {
    result.errors += 1;
    if (result.errorSamples.length < 10) result.errorSamples.push(what);
  };
  const fire = (i: number, scheduledAt: number) => {
    const request = plannedRequest(i, input.leaders);
    const t0 = performance.now();
    result.sendingMs = t0 - start;
    result.maxLagMs = Math.max(result.maxLagMs, t0 - scheduledAt);
    const call =
      request.kind === 'click'
        ? inbound.blockAction(
            request.userId,
            {
              action_id: 'cl:nudge.did:0',
              value: JSON.stringify({ r: request.experimentId, v: request.occurrence }),
            },
            { channelId: `D${request.userId}` },
          )
        : inbound.command('/coach', 'status', request.userId, { channel_id: `D${request.userId}` });
    if (request.kind === 'click') result.clicks += 1;
    else result.statuses += 1;
    const done = call
      .then((response) => {
        const took = performance.now() - t0;
        result.allWithWarmupMs.push(took);
        if (i >= warmup) (request.kind === 'click' ? result.clickMs : result.statusMs).push(took);
        if (response.status !== 200)
          fail(`${request.kind}: HTTP ${response.status} ${response.body.slice(0, 80)}`);
      })
      .catch((error: Error) => fail(`${request.kind}: ${error.message}`))
      .finally(() => inflight.delete(done));
    inflight.add(done);
  };

  const start = performance.now() + 20;
  const hardStop = start + (input.seconds + input.warmupSeconds) * 2000 + 10_000;
  while (result.sent < total && performance.now() < hardStop) {
    const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
    while (result.sent < due) {
      fire(result.sent, start + result.sent * interval);
      result.sent += 1;
    }
    await sleep(1);
  }
  // Let the last answers arrive (bounded).
  const settleBy = performance.now() + 15_000;
  while (inflight.size > 0 && performance.now() < settleBy) await sleep(5);
  if (inflight.size > 0) fail(`${inflight.size} requests still unanswered after 15 s`);
  result.durationMs = performance.now() - start;
  return result;
});
