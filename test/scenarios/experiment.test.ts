import { describe, expect } from 'vitest';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import {
  chatSessions,
  EXPERIMENT,
  enroll,
  expectFieldErrors,
  experimentOf,
  participantOf,
  startExperiment,
} from './flows.js';
import { scenarioFor } from './known-gaps.js';

const FIELDS = [
  'behavior',
  'hypothesis',
  'kpiName',
  'kpiUnit',
  'kpiBaseline',
  'kpiTarget',
  'kpiDirection',
  'startDate',
  'lengthWeeks',
];

describe.each(CHAT_DRIVERS)('the experiment form and every command ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);
  const setup = { start: '2026-03-02T08:00:00Z', people: [{ name: 'Ana Leader' }] };

  async function enrolled() {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    await enroll(chat, ana);
    return { chat, ana };
  }

  scenario(
    'the experiment form shows errors by their fields, saves nothing when invalid, then starts',
    async () => {
      const { chat, ana } = await enrolled();
      const opened = await chat.command(ana, 'start');
      const form = opened.form!;
      expect(form.title).toMatch(/Behavior experiment/);
      expect(form.fields.map((f) => f.id)).toEqual(FIELDS);
      const value = (id: string) => form.fields.find((f) => f.id === id)?.value;
      // Today in Ana's zone, and the program's length.
      expect(value('startDate')).toBe('2026-03-02');
      expect(value('lengthWeeks')).toBe('13');

      const invalid = await chat.submitForm(ana, { ...EXPERIMENT, kpiTarget: '2', lengthWeeks: '20' });
      expectFieldErrors(invalid.form, {
        kpiTarget: /target must be above the baseline when higher is better/i,
        lengthWeeks: /runs 8 to 16 weeks/,
      });
      const missing = await chat.submitForm(ana, { ...EXPERIMENT, behavior: '' });
      expectFieldErrors(missing.form, { behavior: /fill this in/i });
      const me = await participantOf(chat, ana);
      expect(await chat.app.store.experiments.current(me.id)).toBeNull();

      const saved = await chat.submitForm(ana, { ...EXPERIMENT });
      expect(saved.form).toBeNull();
      expect(saved.text).toMatch(
        /Your experiment is set: Ask before I tell in 1:1s, 2026-03-02 to 2026-06-01/,
      );
      // Ana's own time: nudges at 09:30 in Berlin.
      expect(saved.text).toMatch(/Your first message comes Tue 3 Mar, 09:30/);
      expect(await experimentOf(chat, ana)).toMatchObject({
        behavior: EXPERIMENT.behavior,
        kpiBaseline: 3,
        kpiTarget: 8,
        status: 'active',
        version: 1,
      });
    },
  );

  scenario('editing the experiment opens the form filled in and keeps the history', async () => {
    const { chat, ana } = await enrolled();
    await startExperiment(chat, ana);
    const opened = await chat.command(ana, 'start');
    expect(opened.form?.submitLabel).toBe('Save changes');
    expect(opened.form?.fields.find((f) => f.id === 'behavior')?.value).toBe(EXPERIMENT.behavior);
    expect(opened.form?.fields.find((f) => f.id === 'kpiTarget')?.value).toBe('8');
    const edited = await chat.submitForm(ana, { kpiTarget: '9' });
    expect(edited.form).toBeNull();
    expect(edited.text).toMatch(/updated \(version 2\)/);
    const experiment = await experimentOf(chat, ana);
    expect(experiment).toMatchObject({ version: 2, kpiTarget: 9, behavior: EXPERIMENT.behavior });
    const history = await chat.app.store.experiments.history(experiment.id);
    expect(history.map((h) => [h.version, h.data.kpiTarget])).toEqual([
      [1, 8],
      [2, 9],
    ]);
  });

  scenario('help lists the commands', async () => {
    const { chat, ana } = await enrolled();
    const help = await chat.command(ana, 'help');
    for (const word of ['start', 'status', 'checkin', 'pause', 'resume', 'snooze 7', 'optout', 'forget-me'])
      expect(help.text).toContain(word);
  });

  scenario('status before consent, before an experiment and while one runs', async () => {
    const chat = await startChat(setup);
    const ana = chat.person('Ana Leader');
    await chat.open(ana);
    expect((await chat.command(ana, 'status')).text).toMatch(/not answered the consent message/);
    await chat.click(ana, 'Accept');
    expect((await chat.command(ana, 'status')).text).toMatch(/No experiment yet/);
    await startExperiment(chat, ana);
    const status = (await chat.command(ana, 'status')).text;
    expect(status).toMatch(/Experiment: Ask before I tell in 1:1s \(active\)/);
    expect(status).toMatch(/Next message: nudge on Tue 3 Mar, 09:30/);
  });

  scenario('pause, pause again and resume', async () => {
    const { chat, ana } = await enrolled();
    await startExperiment(chat, ana);
    expect((await chat.command(ana, 'pause')).text).toMatch(/Paused/);
    expect((await experimentOf(chat, ana)).status).toBe('paused');
    expect((await chat.command(ana, 'pause')).text).toMatch(/already paused/);
    expect((await chat.command(ana, 'resume')).text).toMatch(/Resumed/);
    expect((await experimentOf(chat, ana)).status).toBe('active');
  });

  scenario('snooze for a number of days', async () => {
    const { chat, ana } = await enrolled();
    await startExperiment(chat, ana);
    const snoozed = await chat.command(ana, 'snooze 3');
    expect(snoozed.text).toMatch(/Snoozed for 3 days, until Thu 5 Mar/);
    expect((await participantOf(chat, ana)).pausedUntil).toBe(chat.clock.now() + 3 * 86_400_000);
    expect((await chat.command(ana, 'status')).text).toMatch(/Snoozed until Thu 5 Mar/);
  });

  scenario('snooze with a bad value says what it takes and changes nothing', async () => {
    const { chat, ana } = await enrolled();
    await startExperiment(chat, ana);
    for (const words of ['snooze 0', 'snooze 61', 'snooze soon']) {
      expect((await chat.command(ana, words)).text, words).toMatch(/number of days from 1 to 60/);
    }
    expect((await participantOf(chat, ana)).pausedUntil).toBeNull();
  });

  scenario('checkin with no checkpoint open says so', async () => {
    const { chat, ana } = await enrolled();
    await startExperiment(chat, ana);
    const checkin = await chat.command(ana, 'checkin');
    expect(checkin.text).toMatch(/No checkpoint is open/);
    expect(checkin.form).toBeNull();
  });

  scenario('optout stops every planned message', async () => {
    const { chat, ana } = await enrolled();
    await startExperiment(chat, ana);
    const me = await participantOf(chat, ana);
    expect(await chat.app.store.jobs.scheduled(me.id)).not.toHaveLength(0);
    expect((await chat.command(ana, 'optout')).text).toMatch(/no more coaching messages/);
    expect((await participantOf(chat, ana)).consent).toBe('opted_out');
    expect(await chat.app.store.jobs.scheduled(me.id)).toHaveLength(0);
  });

  scenario('an unknown word gets the help', async () => {
    const { chat, ana } = await enrolled();
    const unknown = await chat.command(ana, 'dance');
    expect(unknown.text).toMatch(/I don't know "dance"/);
    expect(unknown.text).toMatch(/start/);
    expect(unknown.text).toMatch(/forget-me/);
  });
});
