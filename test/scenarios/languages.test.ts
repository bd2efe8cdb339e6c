import { describe, expect } from 'vitest';
import { CHAT_DRIVERS } from '../support/drivers/every-driver.js';
import { auditActions, chatSessions, participantOf, startExperiment } from './flows.js';
import { scenarioFor } from './known-gaps.js';

describe.each(CHAT_DRIVERS)('languages ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);
  const setup = {
    start: '2026-03-02T08:00:00Z',
    people: [
      { name: 'Jonas Leiter', locale: 'de-DE' },
      { name: 'Ana Leader', locale: 'en-GB' },
    ],
  };

  scenario('a person whose client speaks German is coached in German once they consent', async () => {
    const chat = await startChat(setup);
    const jonas = chat.person('Jonas Leiter');
    await chat.open(jonas);
    // Nothing about the person is kept before consent, their language included.
    expect((await participantOf(chat, jonas)).platformLocale ?? null).toBeNull();
    const accepted = await chat.click(jonas, /^(Accept|Zustimmen)$/);
    expect(accepted.text).toMatch(/Danke – Sie sind dabei/);
    expect(chat.view(jonas).messages.at(-1)?.buttons).toEqual(['Mein Experiment starten']);
    expect(await participantOf(chat, jonas)).toMatchObject({ platformLocale: 'de-DE', language: null });
    const help = await chat.command(jonas, 'help');
    expect(help.text).toMatch(/Coaching-Befehle/);
    expect(help.text).toMatch(
      /language de.*die Sprache, in der ich Ihnen schreibe \(en, de, fr, es, pt, ja\)/,
    );
    const snoozed = await chat.command(jonas, 'snooze 3');
    // German words, German dates, in the person's zone.
    expect(snoozed.text).toMatch(/Pausiert für 3 Tage, bis Do\., 5\. März\./);

    // Someone else in the same program reads English.
    const ana = chat.person('Ana Leader');
    await chat.open(ana);
    expect((await chat.click(ana, 'Accept')).text).toMatch(/you are in/);
  });

  scenario(
    'a program without nudges of its own sends the built-in ones, each person in their language',
    async () => {
      // The scenario program gives no templates and no translations: only the built-in nudges exist.
      const chat = await startChat(setup);
      const jonas = chat.person('Jonas Leiter');
      const ana = chat.person('Ana Leader');
      for (const person of [jonas, ana]) {
        await chat.open(person);
        await chat.click(person, /^(Accept|Zustimmen)$/);
        await startExperiment(chat, person);
      }
      // The experiments start on Monday 2 March; the first nudge is Tuesday's, the first built-in template.
      await chat.runUntil('2026-03-03T18:00:00Z', 15);
      const nudge = (person: typeof jonas) =>
        chat.view(person).messages.find((m) => m.buttons.length === 3 && /1:1s/.test(m.text));
      expect(nudge(jonas)?.text).toMatch(
        /^Ihr Experiment diese Woche: \*?Ask before I tell in 1:1s\*?\. Wo gibt es heute einen Moment, es auszuprobieren\?$/,
      );
      expect(nudge(jonas)?.buttons).toEqual(['Gemacht', 'Diese Woche nicht', 'Eine Woche Pause']);
      expect(nudge(ana)?.text).toMatch(
        /^Your experiment this week: \*?Ask before I tell in 1:1s\*?\. Where is one moment today to try it\?$/,
      );
    },
  );

  scenario(
    'a German person in an informal program is addressed with "du", one in a formal program with "Sie"',
    async () => {
      const said = async (address: 'formal' | 'informal') => {
        const chat = await startChat({
          ...setup,
          // German is the program's language, so Slack's consent request (before the profile's locale may be
          // read) is German too.
          programs: [{ name: 'pilot', timezone: 'Europe/Berlin', language: 'de', address }],
        });
        const jonas = chat.person('Jonas Leiter');
        await chat.open(jonas);
        const consent = chat
          .view(jonas)
          .messages.map((m) => m.text)
          .join('\n');
        const accepted = (await chat.click(jonas, /^(Accept|Zustimmen)$/)).text;
        const help = (await chat.command(jonas, 'help')).text;
        await startExperiment(chat, jonas);
        await chat.runUntil('2026-03-03T18:00:00Z', 15);
        const nudge = chat.view(jonas).messages.find((m) => m.buttons.length === 3 && /1:1s/.test(m.text));
        return { consent, accepted, help, nudge: nudge?.text };
      };
      const informal = await said('informal');
      expect(informal.consent).toMatch(/Dein Experiment, deine Antworten bei den Check-ins/);
      expect(informal.accepted).toMatch(/Danke – du bist dabei\. Als Nächstes: Wähl ein Verhalten/);
      expect(informal.help).toMatch(/die Sprache, in der ich dir schreibe/);
      expect(informal.nudge).toMatch(/^Dein Experiment diese Woche: \*?Ask before I tell in 1:1s\*?\./);
      for (const words of Object.values(informal)) expect(words).not.toMatch(/\b(Sie|Ihr|Ihre|Ihnen)\b/);

      const formal = await said('formal');
      expect(formal.consent).toMatch(/Ihr Experiment, Ihre Antworten bei den Check-ins/);
      expect(formal.accepted).toMatch(/Danke – Sie sind dabei\. Als Nächstes: Wählen Sie ein Verhalten/);
      expect(formal.help).toMatch(/die Sprache, in der ich Ihnen schreibe/);
      expect(formal.nudge).toMatch(/^Ihr Experiment diese Woche: \*?Ask before I tell in 1:1s\*?\./);
    },
  );

  scenario('a person chooses their language, and can give the choice back to their platform', async () => {
    const chat = await startChat(setup);
    const jonas = chat.person('Jonas Leiter');
    await chat.open(jonas);
    await chat.click(jonas, /^(Accept|Zustimmen)$/);

    expect((await chat.command(jonas, 'language')).text).toMatch(/Ich schreibe Ihnen auf Deutsch\./);
    expect((await chat.command(jonas, 'language fr')).text).toMatch(
      /C’est fait : désormais je vous écris en français\./,
    );
    expect((await chat.command(jonas, 'status')).text).toMatch(/Pas encore d’expérience/);
    expect((await chat.command(jonas, 'language pt-br')).text).toMatch(/escrevo para você em português/);
    expect(await participantOf(chat, jonas)).toMatchObject({ language: 'pt-BR', platformLocale: 'de-DE' });
    expect((await chat.command(jonas, 'language tlh')).text).toMatch(/Ainda não falo "tlh"/);
    expect((await chat.command(jonas, 'language auto')).text).toMatch(
      /Ich folge wieder Ihrer Plattform und Ihrem Programm; im Moment ist das Deutsch\./,
    );
    expect(await participantOf(chat, jonas)).toMatchObject({ language: null });
    expect(await auditActions(chat, 'participant.language')).toEqual([
      'participant.language',
      'participant.language',
      'participant.language',
    ]);
  });
});

// The status surface with buttons is a card in the chat on Teams; on Slack it is the App Home, which the chat
// drivers do not read (test/e2e/slack-onboarding.test.ts checks the Home's language buttons).
describe.each(CHAT_DRIVERS.filter((d) => d.platform === 'teams'))('language buttons ($name)', (driver) => {
  const scenario = scenarioFor(driver);
  const startChat = chatSessions(driver);
  const setup = { start: '2026-03-02T08:00:00Z', people: [{ name: 'Jonas Leiter', locale: 'de-DE' }] };

  scenario(
    'the status card shows the other languages in their own words, and one click switches',
    async () => {
      const chat = await startChat(setup);
      const jonas = chat.person('Jonas Leiter');
      await chat.open(jonas);
      await chat.click(jonas, /^(Accept|Zustimmen)$/);
      const status = await chat.command(jonas, 'status');
      const shown = status.messages.at(-1) ?? chat.view(jonas).messages.at(-1)!;
      expect(shown.buttons).toEqual(
        expect.arrayContaining(['English', 'Français', 'Español', 'Português', '日本語']),
      );
      expect(shown.buttons).not.toContain('Deutsch');
      const switched = await chat.click(jonas, 'Français');
      expect(switched.text).toMatch(/désormais je vous écris en français/);
      expect(await participantOf(chat, jonas)).toMatchObject({ language: 'fr' });
      expect((await chat.command(jonas, 'help')).text).toMatch(/Commandes de coaching/);
    },
  );
});
