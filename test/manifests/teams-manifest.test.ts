import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildTeamsPackage,
  LANGUAGE_FILES,
  main,
  PACKAGE_FILES,
  PLACEHOLDER_APP_ID,
  resolveAppId,
  substituteAppId,
} from '../../scripts/package-teams.js';
import { decodePng, readPngHeader, renderColorIcon, renderOutlineIcon } from '../../scripts/teams-icons.js';
import { COMMANDS } from '../../src/app/conversation/commands.js';
import { supportedLanguages } from '../../src/core/catalog/index.js';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'manifests', 'teams');
const manifestText = readFileSync(join(dir, 'manifest.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Record<string, unknown> & {
  $schema: string;
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
};
const APP_ID = '6a0c3c59-6b4c-4f0e-9a3b-4c1f2d3e4f50';

type Validatable = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
const validate = (m: unknown) => AppManifestUtils.validateAgainstSchema(m as Validatable);

/** Minimal ZIP reader (central directory; store and deflate), checking CRCs. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error('bad local header');
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const body = zip.subarray(dataStart, dataStart + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    if (crc32(data) >>> 0 !== crc) throw new Error(`bad CRC for ${name}`);
    files.set(name, data);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

describe('Teams app manifest', () => {
  it('validates offline against the schema bundled with @microsoft/app-manifest', async () => {
    expect(manifest.$schema).toMatch(
      /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/,
    );
    const bundled = join(
      root,
      'node_modules/@microsoft/app-manifest/build',
      manifest.$schema.replace('https://developer.microsoft.com/', ''),
    );
    expect(readFileSync(bundled, 'utf8').length).toBeGreaterThan(1000);
    expect(await validate(manifest)).toEqual([]);
  });

  it('the validator is live: it reports a broken manifest', async () => {
    const broken = structuredClone(manifest);
    // A Teams Toolkit style placeholder: the schema wants a GUID here.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal placeholder text is the point
    broken.id = '${{TEAMS_APP_ID}}';
    broken.bots[0]!.scopes = ['personal', 'everywhere'];
    const problems = await validate(broken);
    expect(problems.some((p) => p.startsWith('/id '))).toBe(true);
    expect(problems.some((p) => p.startsWith('/bots/0/scopes/1 '))).toBe(true);
  });

  it('uses the placeholder GUID for the app id and the bot id', () => {
    expect(manifest.id).toBe(PLACEHOLDER_APP_ID);
    expect(manifest.bots.map((b) => b.botId)).toEqual([PLACEHOLDER_APP_ID]);
  });

  it('is a personal and team bot named coachloop with example.com developer links', () => {
    expect(manifest.name).toMatchObject({ short: 'coachloop' });
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team']);
    const developer = manifest.developer as Record<string, string>;
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl'])
      expect(developer[key]).toMatch(/^https:\/\/example\.com\//);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('lists every coaching command for the personal scope, and claim/help for teams', () => {
    const lists = manifest.bots[0]?.commandLists ?? [];
    const personal = lists.find((l) => l.scopes.includes('personal'))?.commands ?? [];
    const team = lists.find((l) => l.scopes.includes('team'))?.commands ?? [];
    const personalTitles = personal.map((c) => c.title);
    expect(personalTitles).toEqual(
      expect.arrayContaining([
        'help',
        'start',
        'status',
        'checkin',
        'pause',
        'resume',
        'snooze',
        'optout',
        'forget-me',
      ]),
    );
    // A command list holds at most ten commands (the manifest schema's limit): every command the bot
    // understands is listed but `language`, which the status card offers as buttons and Teams' own locale
    // usually makes unnecessary.
    expect(personalTitles.length).toBeLessThanOrEqual(10);
    for (const command of COMMANDS.filter((c) => c !== 'language')) expect(personalTitles).toContain(command);
    expect(new Set(personalTitles).size).toBe(personalTitles.length);
    expect(team.map((c) => c.title)).toEqual(['claim', 'pair', 'help']);
    expect(team[0]?.description).toMatch(/curator alerts/);
    for (const c of [...personal, ...team]) expect(c.description.trim().length).toBeGreaterThan(5);
  });
});

describe('Teams app languages', () => {
  const info = manifest.localizationInfo as {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  // The localization schema bundled with @microsoft/app-manifest for the manifest's version.
  const version = manifest.$schema.match(/v(\d+\.\d+)\//)?.[1];
  const schema = JSON.parse(
    readFileSync(
      join(
        root,
        'node_modules/@microsoft/app-manifest/build/json-schemas/teams',
        `v${version}`,
        'MicrosoftTeams.Localization.schema.json',
      ),
      'utf8',
    ),
  ) as {
    required: string[];
    properties: Record<string, { maxLength?: number }>;
    patternProperties?: Record<string, unknown>;
  };

  it('declares English and every language the bot speaks, each with its own file', () => {
    expect(info.defaultLanguageTag).toBe('en');
    const tags = info.additionalLanguages.map((l) => l.languageTag);
    expect(tags.map((t) => t.split('-')[0]).sort()).toEqual(
      supportedLanguages()
        .filter((l) => l !== 'en')
        .sort(),
    );
    expect(info.additionalLanguages.map((l) => l.file)).toEqual([...LANGUAGE_FILES]);
    for (const { languageTag, file } of info.additionalLanguages) expect(file).toBe(`${languageTag}.json`);
  });

  it('translates the name and the descriptions within the localization schema’s limits', () => {
    for (const file of LANGUAGE_FILES) {
      const strings = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string>;
      for (const key of schema.required) expect(strings[key], `${file} ${key}`).toBeTruthy();
      for (const [key, value] of Object.entries(strings)) {
        const known =
          key in schema.properties ||
          Object.keys(schema.patternProperties ?? {}).some((pattern) => new RegExp(pattern).test(key));
        expect(known, `${file} ${key}`).toBe(true);
        const max = schema.properties[key]?.maxLength;
        if (max) expect(value.length, `${file} ${key}`).toBeLessThanOrEqual(max);
      }
      expect(strings.$schema).toBe(manifest.$schema.replace('.schema.json', '.Localization.schema.json'));
      expect(strings['description.full']).not.toBe((manifest.description as { full: string }).full);
    }
  });
});

describe('Teams app icons', () => {
  const color = readFileSync(join(dir, 'color.png'));
  const outline = readFileSync(join(dir, 'outline.png'));

  it('color.png is a 192×192 opaque PNG', () => {
    expect(readPngHeader(color)).toMatchObject({ width: 192, height: 192 });
    const image = decodePng(color);
    for (let i = 3; i < image.data.length; i += 4)
      if (image.data[i] !== 255) throw new Error(`transparent pixel ${(i - 3) / 4}`);
    // A white glyph on the accent colour.
    const whites = countPixels(image.data, (r, g, b) => r === 255 && g === 255 && b === 255);
    expect(whites).toBeGreaterThan(192 * 192 * 0.05);
  });

  it('outline.png is a 32×32 PNG, white on a transparent background', () => {
    expect(readPngHeader(outline)).toMatchObject({ width: 32, height: 32, colorType: 6, bitDepth: 8 });
    const image = decodePng(outline);
    expect(image.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    let transparent = 0;
    let opaque = 0;
    for (let p = 0; p < 32 * 32; p++) {
      const [r, g, b, a] = [
        image.data[p * 4],
        image.data[p * 4 + 1],
        image.data[p * 4 + 2],
        image.data[p * 4 + 3],
      ];
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        if (a === 255) opaque++;
      }
    }
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
      [16, 16],
    ] as const) {
      expect(image.data[(y * 32 + x) * 4 + 3]).toBe(0);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.5);
    expect(opaque).toBeGreaterThan(50);
  });

  it('the committed icons are exactly what scripts/teams-icons.ts draws', () => {
    expect(Buffer.from(decodePng(color).data).equals(Buffer.from(renderColorIcon().data))).toBe(true);
    expect(Buffer.from(decodePng(outline).data).equals(Buffer.from(renderOutlineIcon().data))).toBe(true);
  });
});

function countPixels(
  data: Uint8Array,
  match: (r: number, g: number, b: number, a: number) => boolean,
): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (match(data[i] as number, data[i + 1] as number, data[i + 2] as number, data[i + 3] as number)) n++;
  }
  return n;
}

describe('npm run package:teams', () => {
  const temp = mkdtempSync(join(tmpdir(), 'coachloop-teams-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('builds a zip with manifest.json, color.png and outline.png at the root and the app id substituted', async () => {
    const { zip, manifest: packaged } = buildTeamsPackage(APP_ID);
    const files = readZip(zip);
    expect([...files.keys()]).toEqual([...PACKAGE_FILES]);
    const inside = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as typeof manifest;
    expect(inside).toEqual(packaged);
    expect(inside.id).toBe(APP_ID);
    expect(inside.bots[0]?.botId).toBe(APP_ID);
    expect(JSON.stringify(inside)).not.toContain(PLACEHOLDER_APP_ID);
    expect(await validate(inside)).toEqual([]);
    expect(files.get('color.png')?.equals(readFileSync(join(dir, 'color.png')))).toBe(true);
    expect(files.get('outline.png')?.equals(readFileSync(join(dir, 'outline.png')))).toBe(true);
    // Same inputs, same bytes.
    expect(buildTeamsPackage(APP_ID).zip.equals(zip)).toBe(true);
  });

  it('takes MicrosoftAppId from the environment first, then from .env', () => {
    expect(
      resolveAppId({ MicrosoftAppId: APP_ID }, 'MicrosoftAppId=11111111-1111-1111-1111-111111111111'),
    ).toBe(APP_ID);
    expect(resolveAppId({}, `# bot\nMicrosoftAppId="${APP_ID.toUpperCase()}"\n`)).toBe(APP_ID);
    expect(resolveAppId({ MICROSOFT_APP_ID: APP_ID })).toBe(APP_ID);
  });

  it('refuses a missing, malformed or placeholder app id with a clear message', () => {
    expect(() => resolveAppId({})).toThrow(/MicrosoftAppId is not set/);
    expect(() => resolveAppId({ MicrosoftAppId: '   ' }, 'OTHER=1')).toThrow(/MicrosoftAppId is not set/);
    expect(() => resolveAppId({ MicrosoftAppId: 'my-bot' })).toThrow(/must be a GUID.*"my-bot"/);
    expect(() => resolveAppId({ MicrosoftAppId: `${APP_ID}x` })).toThrow(/must be a GUID/);
    expect(() => resolveAppId({ MicrosoftAppId: PLACEHOLDER_APP_ID })).toThrow(/placeholder/);
  });

  it('substitution leaves no placeholder behind, or refuses', () => {
    const tricky = { ...structuredClone(manifest), webApplicationInfo: { id: PLACEHOLDER_APP_ID } };
    expect(() => substituteAppId(tricky, APP_ID)).toThrow(/still contains/);
  });

  it('main() writes the zip and prints its path', async () => {
    const out = join(temp, 'nested', 'coachloop-teams.zip');
    const logs: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => logs.push(args.join(' '));
    try {
      expect(await main(['--out', out], { MicrosoftAppId: APP_ID })).toBe(0);
    } finally {
      console.log = log;
    }
    expect(logs.join('\n')).toContain(out);
    expect([...readZip(readFileSync(out)).keys()]).toEqual([...PACKAGE_FILES]);
  });

  it('the script exits 1 with the message when MicrosoftAppId is missing', () => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const env = { ...process.env };
    delete env.MicrosoftAppId;
    delete env.MICROSOFT_APP_ID;
    const result = spawnSync(process.execPath, ['--import', tsx, join(root, 'scripts', 'package-teams.ts')], {
      cwd: temp, // no .env here
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppId is not set');
  });
});
