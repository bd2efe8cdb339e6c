import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { type SlackHarness, startSlackHarness, waitFor } from '../support/slack-harness.js';

/** Socket Mode: the same bot, reached over a WebSocket that the local simulator hands out. */
describe('Slack Socket Mode', () => {
  let h: SlackHarness;
  let wss: WebSocketServer;
  let socket: WebSocket | null = null;
  const acks: { envelope_id: string; payload?: unknown }[] = [];

  beforeAll(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    wss.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => acks.push(JSON.parse(String(data))));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0SIM' } }));
    });
    const port = (wss.address() as AddressInfo).port;
    h = await startSlackHarness({
      start: '2026-03-02T09:00:00Z',
      users: [{ id: 'U900', tz: 'Asia/Tokyo' }],
      env: { SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: 'xapp-test-token' },
      simulator: { appToken: 'xapp-test-token' },
      onSimulator: (sim) => sim.setSocketModeUrl(`ws://127.0.0.1:${port}`),
    }).catch(async (error) => {
      wss.close();
      throw error;
    });
  });
  afterAll(async () => {
    await h?.close();
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });

  it('connects through apps.connections.open and answers a slash command envelope', async () => {
    await waitFor(() => socket);
    expect(h.sim.callsTo('apps.connections.open').length).toBeGreaterThan(0);
    socket!.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          command: '/coach',
          text: 'help',
          user_id: 'U900',
          team_id: 'T0001',
          channel_id: 'DU900',
          trigger_id: 't1',
          response_url: `${h.sim.responseUrlBase}cmd`,
        },
      }),
    );
    const ack = await waitFor(() => acks.find((a) => a.envelope_id === 'env-1'));
    expect(JSON.stringify(ack.payload)).toContain('direct message');
    const consent = await waitFor(() => h.sim.messages('DU900')[0]);
    expect(consent.text).toContain('Before anything starts');
  });
});
