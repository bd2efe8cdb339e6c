import type { Catalog } from './index.js';

/**
 * German addressing people with "du", for programs whose file says `address: informal`: only the sentences
 * whose words differ from `de.ts`, with the same parameters.
 */
export const deInformal = {
  'common.genericFailure':
    'Bei uns ist etwas schiefgegangen; nichts wurde gespeichert. Bitte versuch es in einer Minute noch einmal.',
  'common.notAllowed': 'Das darfst du nicht ändern.',
  'common.formOutdated': 'Dieses Formular ist veraltet; bitte öffne es neu.',
  'common.formUnreadable': 'Dieses Formular war nicht lesbar; bitte öffne es neu.',
  'validation.required': 'Bitte füll das aus.',
  'validation.number': 'Bitte gib eine Zahl ein.',
  'validation.choose': 'Bitte wähl eine der Optionen.',
  'validation.experiment.behavior': 'Beschreib das Verhalten in wenigen Worten.',
  'validation.experiment.hypothesis': 'Sag, was sich deiner Erwartung nach ändert.',
  'validation.experiment.kpiName': 'Benenn die Kennzahl.',
  'validation.experiment.kpiUnit': 'Gib eine Einheit an, z. B. % oder Punkte.',
  'validation.experiment.direction': 'Wähl, ob höher oder niedriger besser ist.',
  'validation.experiment.ended': 'Dieser Zeitraum ist schon vorbei; wähl ein späteres Startdatum.',
  'validation.survey.practice': 'Wähl, wie oft du geübt hast, 1 bis 5.',
  'validation.survey.confidence': 'Wähl deine Zuversicht, 1 bis 5.',
  'validation.charter.cadence': 'Wähl wöchentlich, zweiwöchentlich oder monatlich.',
  'validation.charter.confidentiality':
    'Ihr beide müsst zustimmen, das Besprochene vertraulich zu behandeln.',
  'validation.changes.comment': 'Sag, was sich ändern soll.',
  'validation.curator.mentor': 'Wähl den neuen Mentor.',
  'validation.curator.reason': 'Nenn kurz einen Grund.',
  'validation.curator.note': 'Schreib eine kurze Notiz.',
  'validation.curator.days': 'Wähl eine Anzahl Tage.',
  'validation.curator.sameMentor': 'Wähl jemand anderen als den bisherigen Mentor.',
  'consent.collect':
    'Dein Experiment, deine Antworten bei den Check-ins und wann du mir antwortest. Deine anderen Chats lese ich nie.',
  'consent.who':
    'Du. Dein Mentor sieht die Punkte eurer Vereinbarung. Kuratoren sehen nur Engagement-Signale. Admins sehen Summen für Gruppen ab 5 Personen.',
  'consent.howLong':
    'Deine getippten Notizen werden nach {freeTextDays, plural, one {# Tag} other {# Tagen}} gelöscht; Summen bleiben {aggregateMonths, plural, one {# Monat} other {# Monate}}.',
  'consent.stopAnyTime':
    'Du kannst jederzeit mit `/coach optout` aufhören oder deine Daten mit `/coach forget-me` löschen.',
  'consent.accepted': 'Danke – du bist dabei. Als Nächstes: Wähl ein Verhalten für dein Experiment.',
  'consent.acceptedShort': 'Danke – du bist dabei.',
  'consent.declined':
    'Verstanden – ich schreibe dir nichts zum Coaching. Sonst wird nichts über dich gespeichert.',
  'consent.declinedShort': 'Verstanden – ich schreibe dir nichts zum Coaching.',
  'consent.pendingFirst':
    'Bitte stimm der Einwilligungsnachricht zuerst zu oder lehn sie ab (sie steht in unserem Direktchat).',
  'consent.stoppedOfferedAgain':
    'Du hast die Coaching-Nachrichten beendet. Ich habe dir die Einwilligung noch einmal geschickt; stimm zu, um neu zu beginnen.',
  'welcome.sentConsent':
    'Willkommen! Ich habe dir eine Direktnachricht geschickt: was ich speichere und wer es sieht. Stimm dort zu und versuch es dann noch einmal.',
  'welcome.hello':
    'Hallo{named, select, yes { {name}} other {}}! Ich bin dein Coaching-Begleiter. Zuerst ein kurzer Hinweis, was ich speichere und wer es sieht; nach deiner Zustimmung kannst du dein Experiment anlegen. Tipp jederzeit `/coach help`.',
  'welcome.pending':
    'Hallo{named, select, yes { {name}} other {}}! Ich bin dein Coaching-Begleiter. Du findest einen kurzen Hinweis, was ich speichere und wer es sieht; nach deiner Zustimmung legen wir los.',
  'welcome.back':
    'Willkommen zurück{named, select, yes {, {name}} other {}}! Tipp `/coach status`, um zu sehen, wo du stehst, oder `/coach help` für alles, was ich verstehe.',
  'welcome.groupChat':
    'Ich arbeite im 1:1-Chat mit dir und in Team-Kanälen für Kuratoren. Schreib mir direkt, um zu beginnen.',
  'enrol.notEnrolled':
    'Du bist noch in keinem Coaching-Programm angemeldet. Bitte deine Programm-Admins, dich hinzuzufügen.',
  'enrol.notEnrolledYet': 'Du bist noch nicht angemeldet. Schreib mir eine Nachricht, um zu beginnen.',
  'enrol.programMissing': 'Das Programm „{program}“ ist noch nicht eingerichtet. Frag deine Programm-Admins.',
  'enrol.nothingStored': 'Über dich ist nichts gespeichert.',
  'help.start': '• `/coach start` – dein Verhaltensexperiment anlegen (oder bearbeiten)',
  'help.status': '• `/coach status` – dein Experiment, die nächste Nachricht und deine Antworten',
  'help.pause': '• `/coach pause` / `/coach resume` – dein Experiment pausieren oder fortsetzen',
  'help.forget':
    '• `/coach forget-me` – löschen, was ich über dich speichere (Notizen, Experiment und Vereinbarung); anonyme Summen bleiben',
  'command.paused': 'Pausiert. Keine Impulse und Umfragen, bis du `/coach resume` tippst.',
  'command.resumed': 'Fortgesetzt. Deine nächste Nachricht ist geplant; siehe `/coach status`.',
  'command.optedOut':
    'Erledigt: Du bekommst keine Coaching-Nachrichten mehr. Deine Entscheidung ist festgehalten.',
  'command.forgotten':
    'Erledigt: Ich habe deine persönlichen Daten und alles, was du getippt hast, gelöscht (Notizen, Experiment und Vereinbarung). Nur anonyme Summen bleiben. Du hörst nichts mehr von mir, solange du mir nicht schreibst.',
  'command.forgetUnavailable': 'Löschen ist hier nicht möglich; frag deine Programm-Admins.',
  'help.language':
    '• `/coach language de` – die Sprache, in der ich dir schreibe ({languages}); `/coach language auto` folgt deiner Plattform',
  'command.languageSet': 'Erledigt: Ab jetzt schreibe ich dir auf {language}.',
  'command.languageAuto':
    'Erledigt: Ich folge wieder deiner Plattform und deinem Programm; im Moment ist das {language}.',
  'command.languageIs':
    'Ich schreibe dir auf {language}. Ändere das mit `/coach language de` oder einer anderen von {languages}.',
  'command.languageUnknown': '„{word}“ spreche ich noch nicht. Wähl eine von {languages}.',
  'experiment.form.behavior': 'Verhalten, das du übst',
  'experiment.saved':
    'Dein Experiment steht: *{behavior}*, {start} bis {end}.{hasNext, select, yes { Deine erste Nachricht kommt {next}.} other {}}',
  'experiment.updated':
    'Dein Experiment ist aktualisiert (Version {version}).{hasNext, select, yes { Deine erste Nachricht kommt {next}.} other {}}',
  'experiment.savedHint':
    'Tipp jederzeit `/coach status`, um es zu sehen, oder `/coach start`, um es zu bearbeiten.',
  'experiment.staleForm':
    'Dieses Formular wurde schon gespeichert: *{behavior}* ist bei Version {version}. Tipp `/coach start`, um es erneut zu bearbeiten.',
  'experiment.staleFormNew': 'Dieses Formular ist veraltet. Tipp `/coach start` für ein neues.',
  'experiment.notRunning': 'Du hast kein laufendes Experiment. Starte eines mit `/coach start`.',
  'experiment.alreadyPaused': 'Dein Experiment ist schon pausiert. Setz es mit `/coach resume` fort.',
  'experiment.leadersOnly':
    'Verhaltensexperimente sind für die Führungskräfte in diesem Programm; deine Rolle hier ist eine andere.',
  'status.title': 'Dein Coaching-Experiment',
  'status.notEnrolled':
    'Du bist noch in keinem Coaching-Programm angemeldet. Schreib mir eine Nachricht, um zu beginnen.',
  'status.consentPending':
    'Du hast die Einwilligung noch nicht beantwortet; bis dahin wird nichts über dich gespeichert.',
  'status.consentStopped':
    'Du hast die Coaching-Nachrichten beendet. Ich habe dir die Einwilligung noch einmal geschickt, falls du neu beginnen möchtest.',
  'status.noExperiment':
    'Noch kein Experiment. Starte eines mit der Schaltfläche *Experiment starten* oder `/coach start`.',
  'nudge.alreadyAnswered': 'Darauf hast du schon geantwortet.',
  'nudge.builtIn.first':
    'Dein Experiment diese Woche: *{behavior}*. Wo gibt es heute einen Moment, es auszuprobieren?',
  'nudge.builtIn.second': 'Kurz nachgefragt zu *{behavior}*: Was ist dir beim letzten Versuch aufgefallen?',
  'nudge.builtIn.third':
    'Kleine Schritte zählen. Eine Gelegenheit heute, *{behavior}* zu üben – und dann erzähl mir, wie es lief.',
  'survey.question':
    '{lead, select, reminder {Eine kleine Erinnerung:} other {Zeit für einen Check-in mit zwei Klicks.}} Check-in an Tag {day} für *{behavior}*: Wie oft hast du es zuletzt geübt?',
  'survey.thenDetails': 'Dann ein kurzer Schritt: {kpi} heute und deine Zuversicht.',
  'survey.form.confidence': 'Zuversicht, dass du dranbleibst',
  'survey.form.note': 'Etwas zu notieren? (nur du und dein Coach sehen es)',
  'checkin.form.practice': 'Wie oft hast du zuletzt geübt?',
} satisfies Partial<Catalog>;
