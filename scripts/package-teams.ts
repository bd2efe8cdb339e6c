/**
 * Builds the Teams app package: `npm run package:teams`.
 *
 * Writes coachloop-teams.zip (manifest.json, color.png, outline.png and the language files at the zip root) from
 * manifests/teams/. The manifest in the repository carries the placeholder GUID
 * 00000000-0000-0000-0000-000000000000 as app `id` and `botId` (the schema accepts only a GUID
 * there); this script puts the bot's Microsoft App ID in both.
 *
 * The App ID comes from the environment (`MicrosoftAppId`, or `MICROSOFT_APP_ID`), else from the
 * same variables in ./.env; the environment wins. A missing value or one that is not a GUID stops
 * the build with a message.
 *
 *   npm run package:teams                       # → ./coachloop-teams.zip
 *   npm run package:teams -- --out dist/app.zip
 *
 * Bump "version" in manifests/teams/manifest.json before uploading a changed package: Teams only
 * updates an installed app when the version grows. Regenerate the icons with
 * `node --import tsx scripts/teams-icons.ts`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';

export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';
export const TEAMS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'manifests', 'teams');
/** The language files the manifest's `localizationInfo` names, beside it at the zip root. */
export const LANGUAGE_FILES = ['de.json', 'fr.json', 'es.json', 'pt-BR.json', 'ja.json'] as const;
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', ...LANGUAGE_FILES] as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const APP_ID_NAMES = ['MicrosoftAppId', 'MICROSOFT_APP_ID'] as const;

export class PackageError extends Error {}

// ---------------------------------------------------------------------------
// App id
// ---------------------------------------------------------------------------

/** The bot's app id from `env`, else from the .env text; throws PackageError with a clear message. */
export function resolveAppId(env: NodeJS.ProcessEnv, dotenvText?: string): string {
  const fromFile = dotenvText ? parseEnv(dotenvText) : {};
  let name = '';
  let value = '';
  for (const source of [env, fromFile]) {
    for (const candidate of APP_ID_NAMES) {
      const v = source[candidate]?.trim();
      if (!value && v) {
        name = candidate;
        value = v;
      }
    }
    if (value) break;
  }
  if (!value) {
    throw new PackageError(
      "MicrosoftAppId is not set. Put the Azure Bot's Microsoft App ID (a GUID) in the environment or in .env, e.g.\n" +
        '  MicrosoftAppId=6a0c3c59-6b4c-4f0e-9a3b-4c1f2d3e4f50 npm run package:teams',
    );
  }
  if (!GUID.test(value)) {
    throw new PackageError(
      `${name} must be a GUID like 6a0c3c59-6b4c-4f0e-9a3b-4c1f2d3e4f50, got "${value}".`,
    );
  }
  if (value === PLACEHOLDER_APP_ID) {
    throw new PackageError(
      `${name} is the placeholder ${PLACEHOLDER_APP_ID}; use the Azure Bot's real Microsoft App ID.`,
    );
  }
  return value.toLowerCase();
}

/** The manifest with `id` and every `bots[].botId` set to `appId`. */
export function substituteAppId(manifest: Record<string, unknown>, appId: string): Record<string, unknown> {
  const copy = structuredClone(manifest);
  copy.id = appId;
  if (Array.isArray(copy.bots)) {
    for (const bot of copy.bots as Record<string, unknown>[]) bot.botId = appId;
  }
  const leftover = JSON.stringify(copy).includes(PLACEHOLDER_APP_ID);
  if (leftover)
    throw new PackageError(`The manifest still contains ${PLACEHOLDER_APP_ID} outside "id" and "botId".`);
  return copy;
}

// ---------------------------------------------------------------------------
// ZIP (PKZIP 2.0: deflate or store, no ZIP64)
// ---------------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Fixed timestamp (2024-01-01 00:00) so the same inputs give the same zip. */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data) >>> 0;
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const method = stored ? 0 : 8;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, centralDirectory, end]);
}

// ---------------------------------------------------------------------------
// Package
// ---------------------------------------------------------------------------

export interface TeamsPackage {
  zip: Buffer;
  manifest: Record<string, unknown>;
}

/** Builds the package in memory from the files in `dir` (default manifests/teams). */
export function buildTeamsPackage(appId: string, dir = TEAMS_DIR): TeamsPackage {
  for (const file of PACKAGE_FILES) {
    if (!existsSync(join(dir, file))) throw new PackageError(`Missing ${join(dir, file)}.`);
  }
  const template = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const manifest = substituteAppId(template, appId);
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: readFileSync(join(dir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(join(dir, 'outline.png')) },
    ...LANGUAGE_FILES.map((name) => ({ name, data: readFileSync(join(dir, name)) })),
  ]);
  return { zip, manifest };
}

/** Schema check with @microsoft/app-manifest when it is installed (a devDependency); undefined when it is not. */
async function schemaProblems(manifest: Record<string, unknown>): Promise<string[] | undefined> {
  let utils: { validateAgainstSchema(m: unknown): Promise<string[]> };
  try {
    ({ AppManifestUtils: utils } = (await import('@microsoft/app-manifest')) as unknown as {
      AppManifestUtils: typeof utils;
    });
  } catch {
    return undefined;
  }
  return utils.validateAgainstSchema(manifest);
}

export async function main(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const out = resolve(
    outIndex >= 0 && argv[outIndex + 1] ? (argv[outIndex + 1] as string) : 'coachloop-teams.zip',
  );
  try {
    const dotenv = existsSync('.env') ? readFileSync('.env', 'utf8') : undefined;
    const appId = resolveAppId(env, dotenv);
    const { zip, manifest } = buildTeamsPackage(appId);
    const problems = await schemaProblems(manifest);
    if (problems && problems.length > 0) {
      throw new PackageError(`manifest.json does not match its schema:\n  ${problems.join('\n  ')}`);
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    console.log(`Teams app package for ${appId} (manifest version ${String(manifest.version)}): ${out}`);
    if (problems === undefined) console.log('(schema not checked: @microsoft/app-manifest is not installed)');
    return 0;
  } catch (err) {
    if (err instanceof PackageError) {
      console.error(`package:teams: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().then((code) => {
    process.exitCode = code;
  });
}
