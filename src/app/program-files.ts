import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { type ProgramSettings, programSettingsSchema } from '../core/program.js';

export class ProgramFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid program:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ProgramFileError';
  }
}

/** Parses and validates a program file (YAML or JSON); errors name the field and its line. */
export function parseProgramText(text: string, file = 'program'): ProgramSettings {
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  let value: unknown;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
      throw new ProgramFileError(
        file,
        doc.errors.map((e) => `line ${lineCounter.linePos(e.pos[0]).line}: ${inWords(e.message)}`),
      );
    }
    value = doc.toJS();
  } catch (error) {
    if (error instanceof ProgramFileError) throw error;
    throw new ProgramFileError(file, [unreadable(error)]);
  }
  const result = programSettingsSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const line = lineOf(doc.contents, path, lineCounter);
    return `${path.join('.') || '(top level)'}${line ? ` (line ${line})` : ''}: ${issue.message}`;
  });
  throw new ProgramFileError(file, problems);
}

/** What the YAML library or the runtime said about a file it could not read, in words. */
function unreadable(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const said = inWords(message);
  return said === firstLine(message) ? `the file cannot be read as YAML: ${said}` : said;
}

const firstLine = (message: string) => message.split('\n')[0] ?? '';

/** Resource limits the YAML library or the runtime hit, said in words; anything else as the library said it. */
function inWords(message: string): string {
  if (/alias count/i.test(message))
    return 'the file repeats aliases (*name) so many times that it would expand without bound; a program file needs few aliases or none';
  if (/call stack/i.test(message))
    return 'the file is nested too deeply to read; a program file needs only a few levels';
  return firstLine(message);
}

function lineOf(root: unknown, path: string[], counter: LineCounter): number | null {
  let node: unknown = root;
  let best: number | null = null;
  const lineOfNode = (n: unknown) => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    return range ? counter.linePos(range[0]).line : null;
  };
  best = lineOfNode(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => String((item.key as { value?: unknown })?.value ?? item.key) === segment,
      );
      if (!pair) break;
      best = lineOfNode(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      node = item;
      best = lineOfNode(node) ?? best;
    } else break;
  }
  return best;
}

export function loadProgramFile(path: string): ProgramSettings {
  return parseProgramText(readFileSync(path, 'utf8'), path);
}

/** Every program file in a folder (*.yaml, *.yml, *.json), sorted by name. */
export function programFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}
