/**
 * Open-loop load generator in its own process: signed Slack requests at a fixed rate, whatever the
 * answers' speed (requests are not held back by slow ones). Latency is measured from sending to the
 * complete HTTP answer.
 */
import { SlackInbound } from '../../test/support/slack-requests.js';
import { childMain, sleep } from './common.js';
import { EDITED_HYPOTHESIS, type PlannedRequest, plannedRequest } from './load-plan.js';
import { EXPERIMENT_INPUT } from './seed.js';

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
  forms: number;
  /** Latencies after the warm-up. */
  clickMs: number[];
  statusMs: number[];
  formMs: number[];
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

const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const experimentFormValues = {
  behavior: text(EXPERIMENT_INPUT.behavior),
  hypothesis: text(EDITED_HYPOTHESIS),
  kpiName: text(EXPERIMENT_INPUT.kpiName),
  kpiUnit: text(EXPERIMENT_INPUT.kpiUnit),
  kpiBaseline: { value: { type: 'number_input', value: String(EXPERIMENT_INPUT.kpiBaseline) } },
  kpiTarget: { value: { type: 'number_input', value: String(EXPERIMENT_INPUT.kpiTarget) } },
  kpiDirection: {
    value: { type: 'static_select', selected_option: { value: EXPERIMENT_INPUT.kpiDirection } },
  },
  startDate: { value: { type: 'datepicker', selected_date: EXPERIMENT_INPUT.startDate } },
  lengthWeeks: {
    value: { type: 'static_select', selected_option: { value: String(EXPERIMENT_INPUT.lengthWeeks) } },
  },
};

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
    forms: 0,
    clickMs: [],
    statusMs: [],
    formMs: [],
    allWithWarmupMs: [],
    warmupRequests: warmup,
    errors: 0,
    errorSamples: [],
    maxLagMs: 0,
    sendingMs: 0,
    durationMs: 0,
  };
  const latencies = { click: result.clickMs, status: result.statusMs, form: result.formMs };
  const send = (request: PlannedRequest) => {
    switch (request.kind) {
      case 'click':
        return inbound.blockAction(
          request.userId,
          {
            action_id: 'cl:nudge.did:0',
            value: JSON.stringify({ r: request.experimentId, v: request.occurrence }),
          },
          { channelId: `D${request.userId}` },
        );
      case 'status':
        return inbound.command('/coach', 'status', request.userId, { channel_id: `D${request.userId}` });
      case 'form':
        // The experiment form as Slack submits it: the version it was opened on, then one input per field.
        return inbound.viewSubmission(request.userId, {
          callback_id: 'form:experiment',
          private_metadata: JSON.stringify({ s: JSON.stringify({ v: 1 }) }),
          state: { values: experimentFormValues },
        });
    }
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
    const call = send(request);
    if (request.kind === 'click') result.clicks += 1;
    else if (request.kind === 'status') result.statuses += 1;
    else result.forms += 1;
    const done = call
      .then((response) => {
        const took = performance.now() - t0;
        result.allWithWarmupMs.push(took);
        if (i >= warmup) latencies[request.kind].push(took);
        if (response.status !== 200)
          fail(`${request.kind}: HTTP ${response.status} ${response.body.slice(0, 80)}`);
        // A form whose submission was refused answers 200 with the errors to show in it.
        else if (request.kind === 'form' && response.body.includes('"errors"'))
          fail(`form: refused ${response.body.slice(0, 120)}`);
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
