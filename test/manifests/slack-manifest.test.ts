import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/app/conversation/commands.js';

const root = join(import.meta.dirname, '..', '..');
const manifest = parse(readFileSync(join(root, 'manifests/slack/manifest.yaml'), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}
const code = sources(join(root, 'src/channels/slack'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

/** The bot scopes each Web API method needs (for the conversation types coachloop uses: DMs). */
const SCOPES_FOR_METHOD: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.open': ['im:write'],
  'conversations.history': ['im:history'],
  'users.info': ['users:read', 'users:read.email'],
  'users.lookupByEmail': ['users:read.email'],
  // The roster's bulk resolution reads members' emails from the listing.
  'users.list': ['users:read', 'users:read.email'],
  'usergroups.users.list': ['usergroups:read'],
  'views.open': [],
  'views.push': [],
  'views.update': [],
  'views.publish': [],
};
const SCOPES_FOR_EVENT: Record<string, string[]> = { 'message.im': ['im:history'], app_home_opened: [] };

describe('the Slack manifest matches the code', () => {
  const scopes: string[] = manifest.oauth_config.scopes.bot;
  const events: string[] = manifest.settings.event_subscriptions.bot_events;

  it('declares every slash command the code listens to, with the subcommands in its usage hint', () => {
    const listened = [...code.matchAll(/app\.command\('([^']+)'/g)].map((m) => m[1]);
    expect(listened.length).toBeGreaterThan(0);
    const declared = manifest.features.slash_commands.map((c: { command: string }) => c.command);
    for (const command of listened) expect(declared).toContain(command);
    const hint = manifest.features.slash_commands[0].usage_hint as string;
    for (const sub of COMMANDS) expect(hint).toContain(sub);
  });

  it('subscribes to every event the code listens to, with the scopes those events need', () => {
    const listened = [...code.matchAll(/app\.event\('([^']+)'/g)].map((m) => m[1]!);
    expect(listened.sort()).toEqual(['app_home_opened', 'message']);
    for (const event of listened) {
      const declared =
        event === 'message'
          ? events.filter((e) => e.startsWith('message.'))
          : events.filter((e) => e === event);
      expect(declared.length, `event ${event}`).toBeGreaterThan(0);
      for (const name of declared)
        for (const scope of SCOPES_FOR_EVENT[name] ?? ['unknown']) expect(scopes).toContain(scope);
    }
  });

  it('covers every Web API method the code calls with a declared scope', () => {
    const methods = new Set(
      [...code.matchAll(/client\.([a-z]+\.[a-zA-Z]+(?:\.[a-zA-Z]+)?)\(/g)].map((m) => m[1]!),
    );
    expect(methods.size).toBeGreaterThan(5);
    for (const method of methods) {
      expect(SCOPES_FOR_METHOD, `no scope mapping for ${method}`).toHaveProperty([method]);
      for (const scope of SCOPES_FOR_METHOD[method]!)
        expect(scopes, `${method} needs ${scope}`).toContain(scope);
    }
    expect(scopes).toEqual(
      expect.arrayContaining([
        'chat:write',
        'im:write',
        'im:history',
        'users:read',
        'users:read.email',
        'commands',
      ]),
    );
  });

  it('turns on interactivity when the code handles buttons or modals, and points every URL at /slack/events', () => {
    expect(/app\.(action|view)\(/.test(code)).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const urls = [
      manifest.settings.interactivity.request_url,
      manifest.settings.event_subscriptions.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe('/slack/events');
    expect(code).toContain("endpoints: '/slack/events'");
  });

  it('enables Socket Mode and the Home and Messages tabs the bot uses', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
  });
});
