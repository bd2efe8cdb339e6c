import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const DEPARTMENTS = ['Sales', 'Operations', 'Finance', 'Engineering', 'People'];

/** Writes a roster of `rows` leaders (the n-th with `emailOf(n)`, departments and levels in turn); its size in bytes. */
export async function writeBenchRoster(
  file: string,
  rows: number,
  emailOf: (index: number) => string,
): Promise<number> {
  const out = createWriteStream(file);
  out.write('email,role,department,level\n');
  let fileBytes = 0;
  for (let i = 0; i < rows; i += 1) {
    const line = `${emailOf(i)},leader,${DEPARTMENTS[i % DEPARTMENTS.length]},L${1 + (i % 3)}\n`;
    fileBytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return fileBytes;
}

/** This process's RSS at the start and its peak since, until `stop`. */
export function trackPeakRss(): { atStart: number; peak(): number; stop(): void } {
  const atStart = process.memoryUsage().rss;
  // The kernel's high-water mark: a timer cannot sample while an import keeps the event loop busy.
  const highWater = () => process.resourceUsage().maxRSS * 1024;
  let peak = atStart;
  const sampler = setInterval(() => {
    peak = Math.max(peak, highWater());
  }, 20);
  return {
    atStart,
    peak: () => {
      peak = Math.max(peak, highWater());
      return peak;
    },
    stop: () => clearInterval(sampler),
  };
}
