/**
 * The Dockerfile and compose.yaml cannot be built here (no container registry); what can be checked is that
 * they start coachloop the way package.json does, as an unprivileged user, with variables coachloop reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.js';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** The instructions of the Dockerfile's last stage (the image that runs), continuation lines joined. */
function finalStage(): { instruction: string; args: string }[] {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [instruction = '', ...rest] = line.split(/\s+/);
      return { instruction: instruction.toUpperCase(), args: rest.join(' ') };
    });
  const from = lines.map((l) => l.instruction).lastIndexOf('FROM');
  return lines.slice(from);
}

/** Variables that coachloop documents in .env.example. */
function documentedVariables(): Set<string> {
  return new Set([...read('.env.example').matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!));
}

describe('the container image', () => {
  it('starts with npm start, which is the package’s serve command, as a user other than root', () => {
    const stage = finalStage();
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    // The old-space limit keeps V8's heap from growing to four times the live heap between full collections.
    expect(pkg.scripts.start).toBe('node --max-old-space-size=1024 bin/coachloop.js serve');
    expect(stage.filter((l) => l.instruction === 'CMD').at(-1)?.args).toBe('["npm", "start"]');
    const user = stage.filter((l) => l.instruction === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    // What the start command runs is in the image.
    const copied = stage.filter((l) => l.instruction === 'COPY').map((l) => l.args.split(/\s+/)[0]);
    for (const path of ['bin', 'src', 'package.json']) {
      expect(copied).toContain(path);
      expect(existsSync(join(root, path))).toBe(true);
    }
  });

  it('installs production dependencies only, from the lock file', () => {
    expect(read('Dockerfile')).toMatch(/RUN npm ci --omit=dev/);
    expect(read('Dockerfile')).toMatch(/COPY package\.json package-lock\.json/);
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<
      string,
      {
        image?: string;
        build?: string;
        command?: unknown;
        deploy?: { replicas?: number };
        environment?: Record<string, string | number>;
        stop_grace_period?: string;
      }
    >;
  };

  it('runs two replicas of the image beside PostgreSQL, with the image’s own start command', () => {
    const app = compose.services.coachloop!;
    expect(app.build).toBe('.');
    expect(app.command).toBeUndefined();
    expect(app.deploy?.replicas).toBe(2);
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
  });

  it('sets only variables coachloop reads, with values its configuration check accepts', () => {
    const environment = compose.services.coachloop!.environment ?? {};
    const documented = documentedVariables();
    // DATABASE_URL selects the PostgreSQL store (src/store/); the others are in .env.example.
    for (const name of Object.keys(environment))
      expect(documented.has(name) || name === 'DATABASE_URL', name).toBe(true);
    const env = Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)]));
    const config = loadConfig({ ...env, DATABASE_PATH: ':memory:' });
    // The platform waits longer than the shutdown timeout before it kills a stopping replica.
    const grace = Number(compose.services.coachloop!.stop_grace_period?.replace(/s$/, '')) * 1000;
    expect(grace).toBeGreaterThan(config.SHUTDOWN_TIMEOUT_MS);
  });
});
