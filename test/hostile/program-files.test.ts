import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

describe('hostile program files (the command as a subprocess)', () => {
  let dir: string;
  const validate = async (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    try {
      const { stdout, stderr } = await run(
        'node',
        [join(root, 'bin/coachloop.js'), 'program', 'validate', name],
        {
          cwd: dir,
          env: {
            ...process.env,
            DATABASE_PATH: join(dir, 'coachloop.db'),
            LOG_LEVEL: 'silent',
            SLACK_BOT_TOKEN: '',
          },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coachloop-programs-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an alias bomb names the file and says what is wrong in words', async () => {
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 9; i += 1) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const result = await validate('bomb.yaml', `name: bomb\n${levels.join('\n')}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bomb.yaml is not a valid program');
    expect(result.stderr).toContain('repeats aliases');
    expect(result.stderr).not.toContain('Excessive alias count');
  });

  it('deep nesting names the file and says it is nested too deeply', async () => {
    const depth = 20_000;
    const result = await validate('deep.yaml', `name: deep\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('deep.yaml is not a valid program');
    expect(result.stderr).toContain('nested too deeply');
    expect(result.stderr).not.toContain('Maximum call stack size exceeded');
  });

  it('quiet hours that leave (almost) no minute of the day for messages are an error', async () => {
    const result = await validate(
      'quiet.yaml',
      'name: quiet\nquietHours:\n  start: "00:00"\n  end: "23:59"\n',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'quietHours (line 2): quiet hours from 00:00 to 23:59 leave 1 minutes a day for messages; leave at least 60',
    );
  });

  it('a currency that is not an ISO code or a short symbol is an error with its line', async () => {
    const result = await validate(
      'roi.yaml',
      [
        'name: roi',
        'roi:',
        '  outcome: exits',
        '  unit: exits',
        '  baseline: 10',
        '  attributionPercent: 30',
        '  valuePerUnit: 100',
        '  programCost: 1000',
        '  currency: "<!--"',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('roi.currency (line 9): must be an ISO 4217 code');
  });
});
