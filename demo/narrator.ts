/**
 * The transcript: one line per message or click, stamped with the local time of the person it concerns,
 * tagged with the platform it happened on, and a header whenever a new pilot week begins.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../src/core/clock.js';
import type { Platform } from '../src/core/participant.js';
import { firstName, type Person } from './cast.js';
import { plainText } from './ui.js';

export interface Output {
  write(text: string): unknown;
}

const WEEK = 7 * 86_400_000;

export class Narrator {
  #lastWeek = Number.NaN;
  lines = 0;

  constructor(
    readonly out: Output,
    readonly clock: Clock,
    /** Monday 00:00 UTC of pilot week 1. */
    readonly weekOne: number,
    readonly lengthWeeks: number,
    readonly curatorZone: string,
    readonly width = 104,
  ) {}

  write(text: string): void {
    this.out.write(text);
  }

  #header(): void {
    const now = this.clock.now();
    const week = Math.floor((now - this.weekOne) / WEEK) + 1;
    if (week === this.#lastWeek) return;
    this.#lastWeek = week;
    const monday = DateTime.fromMillis(this.weekOne + (week - 1) * WEEK, { zone: 'UTC' }).toFormat(
      'ccc d LLL',
    );
    const title =
      week < 1
        ? 'Kick-off'
        : week > this.lengthWeeks
          ? `After week ${this.lengthWeeks}: the last checkpoint closes (from ${monday})`
          : `Week ${week} (from ${monday})`;
    this.write(`\n── ${title} ${'─'.repeat(Math.max(4, 60 - title.length))}\n`);
  }

  #line(who: Person | 'curators', platform: Platform, marker: string, text: string): void {
    this.#header();
    const zone = who === 'curators' ? this.curatorZone : who.tz;
    const stamp = DateTime.fromMillis(this.clock.now(), { zone }).toFormat('ccc dd LLL HH:mm');
    const name = who === 'curators' ? '#curators' : firstName(who);
    let body = plainText(text);
    if (body.length > this.width) body = `${body.slice(0, this.width - 1)}…`;
    this.write(`${stamp}  ${platform.padEnd(5)}  ${name.padEnd(9)} ${marker} ${body}\n`);
    this.lines += 1;
  }

  /** A message from the bot. */
  bot(to: Person | 'curators', platform: Platform, text: string): void {
    this.#line(to, platform, 'bot:', text);
  }

  /** Something a person does. */
  act(by: Person, platform: Platform, text: string): void {
    this.#line(by, platform, '  →', text);
  }

  /** What only the clicking person sees (an ephemeral answer or a card notice). */
  aside(by: Person, platform: Platform, text: string): void {
    this.#line(by, platform, 'bot (to them only):', text);
  }

  /** The program admin, outside any chat. */
  admin(text: string): void {
    this.#header();
    const stamp = DateTime.fromMillis(this.clock.now(), { zone: this.curatorZone }).toFormat(
      'ccc dd LLL HH:mm',
    );
    this.write(`${stamp}  admin  ${text}\n`);
    this.lines += 1;
  }
}
