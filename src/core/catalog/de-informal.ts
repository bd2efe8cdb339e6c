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
  'charter.field.cadence': 'Wie oft ihr euch trefft',
  'charter.question.goals':
    'Was möchtest du aus diesem Mentoring mitnehmen? Zwei oder drei Ziele in deinen eigenen Worten.',
  'charter.question.kpi1Name':
    'Nenn die erste Kennzahl, die du bewegen möchtest (z. B. „Abstimmung mit Stakeholdern“).',
  'charter.question.kpi2Name': 'Nenn die zweite Kennzahl.',
  'charter.question.milestone1': 'Beschreib deinen ersten Meilenstein (nach etwa 90 Tagen).',
  'charter.question.milestone2': 'Beschreib deinen zweiten Meilenstein (nach etwa 180 Tagen).',
  'charter.question.cadence': 'Wie oft trefft ihr euch: weekly, biweekly oder monthly?',
  'charter.question.confidentiality':
    'Bist du einverstanden, dass eure Gespräche unter euch beiden bleiben? Antworte mit „agree“.',
  'charter.question.mentorWill':
    'Was wird dein Mentor für dich tun? (z. B. meinen Plan prüfen, mich mit anderen bekannt machen)',
  'charter.pageIntro':
    'Deine Antworten werden nach jeder Seite gespeichert; du kannst jederzeit zurückkommen.',
  'charter.sentToMentor':
    'Deine Vereinbarung ist auf dem Weg zu deinem Mentor. Ich sage dir Bescheid, wenn er sie bestätigt oder Änderungen wünscht.',
  'charter.thanksSent': 'Danke! Deine Vereinbarung (Version {version}) liegt {mentor} zur Bestätigung vor.',
  'charter.withMentor':
    'Deine Vereinbarung liegt jetzt bei deinem Mentor; du kannst sie bearbeiten, wenn er Änderungen wünscht.',
  'charter.alreadyWithMentor': 'Deine Vereinbarung liegt schon bei deinem Mentor.',
  'charter.chatStart':
    'Gehen wir deine Vereinbarung Schritt für Schritt durch. Antworte jederzeit mit „stop“; deine Antworten bleiben erhalten.',
  'charter.chatAllAnswered':
    'Alles ist beantwortet. Antworte mit „send“, um die Vereinbarung an deinen Mentor zu senden.',
  'charter.chatPaused':
    'Pausiert. Deine Antworten sind gespeichert; mach jederzeit mit der Vereinbarungs-Schaltfläche weiter.',
  'charter.review':
    '*{mentee}* hat dir die Mentoring-Vereinbarung geschickt (Version {version}). Passt sie für dich?',
  'charter.confirmed': 'Du hast die Vereinbarung bestätigt (Version {version}). Sie gilt ab jetzt.',
  'charter.notWaiting': 'Diese Version wartet nicht mehr auf dich.',
  'charter.activeForMentee':
    '{mentor} hat deine Vereinbarung bestätigt. Sie gilt ab jetzt; die Meilensteine sind fällig am {first} und {second}.',
  'charter.changesRequested':
    '*{mentor}* wünscht Änderungen an deiner Vereinbarung: „{comment}“. Deine bisherigen Antworten bleiben; ändere, was nötig ist, und sende sie erneut.',
  'charter.changesSent':
    'Du hast Änderungen an Version {version} erbeten. Ich habe deinen Kommentar weitergegeben.',
  'pair.nudge':
    'Ein freundliches Nachfragen: Du und *{other}* habt euer Mentoring hier eine Weile nicht aktualisiert. Steht ein Gespräch im Kalender? Ein kurzes Update zu Vereinbarung oder Meilenstein hält alles auf Kurs.',
  'pair.yourMentor': 'Dein Mentor',
  'pair.yourMentee': 'Deine Mentee',
  'pair.yourPartner': 'Dein Gegenüber',
  'pair.curatorNote': 'Eine Notiz von deinem Programmteam: {note}',
  'pair.closedMentee':
    'Dein Mentoring mit {mentor} ist abgeschlossen. Danke für die Zeit, die ihr beide investiert habt.',
  'pair.closedMentor':
    'Dein Mentoring mit {mentee} ist abgeschlossen. Danke für die Zeit, die du investiert hast.',
  'note.form.note': 'Notiz für deine Mentee (optional)',
  'help.pairStatus':
    '• `/coach pair status` – der Engagement-Wert deines Mentoring-Paars und die Gründe dafür',
  'pairStatus.none': 'Du bist gerade in keinem aktiven Mentoring-Paar.',
  'pairStatus.reasons': 'Was der Bot sieht (nie eure Gespräche):',
  'notWith.removed': 'Von deiner „nicht mit“-Liste gestrichen: {people}.',
  'notWith.notListed': 'Diese Person stand nicht auf deiner „nicht mit“-Liste.',
  'notWith.list': 'Deine vertrauliche „nicht mit“-Liste (nur du siehst sie): {people}.',
  'notWith.self':
    'Das bist du selbst. Erwähne die Person, mit der du nicht zusammengebracht werden möchtest.',
  'notWith.answeredInChat': 'Ich habe dir in unserem 1:1-Chat geantwortet.',
  'voice.fineForm.note': 'Möchtest du etwas ergänzen? (optional, nur für das Programmteam)',
  'voice.fineThanks': 'Danke – notiert, dass ihr euch offline trefft.',
  'voice.newMatchAlready': 'Dein Wunsch nach einer neuen Zuordnung liegt den Kuratoren bereits vor.',
  'meeting.ask':
    'Paar-Check-in: Habt ihr beide, du und *{other}*, euch seit {since, date, day} getroffen? Nur das Programmteam sieht die Antworten.',
  'meeting.howUseful':
    'Schön, dass ihr euch getroffen habt. Wie nützlich war es, von 1 (wenig) bis 5 (sehr)? Freiwillig.',
  'meeting.rated': 'Danke: Ihr habt euch getroffen, Nutzen {n} von 5.',
  'meeting.noteForm.title': 'Euer Treffen',
  'meeting.noteForm.note': 'Eine Notiz für das Programmteam (vertraulich, nie für dein Gegenüber sichtbar)',
  'meeting.noted': 'Danke – deine Notiz ist gespeichert.',
  'waitlist.coachingStarts':
    'Der Vergleichszeitraum von *{program}* ist vorbei. Danke, dass du die Check-ins beantwortet hast: Du machst das Ergebnis des Piloten belastbar. Ab heute bekommst du das volle Coaching wie alle anderen: Impulse zu deiner Zeit zwischen den Check-ins. {running, select, yes {Du beginnst mit deinem Experiment *{behavior}*.} other {Wähl ein Verhalten zum Üben und tipp `/coach start`, um dein Experiment anzulegen.}}',
  'pair.introMentor':
    'Du bist jetzt Mentor von *{mentee}*. Die Mentee entwirft eure gemeinsame Vereinbarung (Ziele, zwei Kennzahlen, Meilensteine, Rhythmus, Grenzen); ich schicke sie dir zur Bestätigung oder für Änderungswünsche.',
  'pair.introMentee':
    'Dein Mentor ist *{mentor}*. Erster Schritt: eure Vereinbarung – Ziele, zwei Kennzahlen, Meilensteine nach 90 und 180 Tagen, wie oft ihr euch trefft, Vertraulichkeit und was dein Mentor tut und nicht tut. Deine Antworten werden nach jedem Schritt gespeichert.',
  'pair.rematchedMentee':
    'Dein Programmteam hat dir einen neuen Mentor zugeordnet: {mentor}. Manchmal passt ein neuer Blick besser zur aktuellen Phase; danke für die Arbeit bisher. Deine neue Vereinbarung beginnt mit einer leeren Seite.',
  'pair.rematchedMentor':
    'Danke, dass du {mentee} begleitet hast. Das Programmteam hat eine neue Zuordnung gefunden, die besser zu den aktuellen Zielen passt; von dir ist nichts weiter nötig.',
  'alert.noPeople':
    'Hier kann niemand sonst als neuer Mentor gewählt werden. Füg die Person zuerst dem Team hinzu.',
  'alert.peopleUnavailable':
    'Ich konnte die Mitglieder gerade nicht lesen; bitte versuch es in einer Minute noch einmal.',
  'channel.help':
    'Ich bin der Coaching-Begleiter. In einem Team-Kanal mache ich eines: Ich melde Mentoring-Paare mit niedrigem Engagement, mit Schaltflächen zum Neu-Zuordnen, Nachfragen, Pausieren oder Beenden (nur für Kuratoren).\n• `/coach claim` – eine Kuratorin oder ein Kurator macht diesen Kanal zum Ort für Warnungen\n• `/coach pair @mentor @mentee` – zwei Personen zusammenbringen (Kuratoren)\n• `/coach help` – diese Nachricht\nFür dein eigenes Coaching schreib mir im 1:1-Chat.',
  'channel.unknown':
    'In einem Team-Kanal verstehe ich `/coach claim`, `/coach pair` und `/coach help`. Für dein eigenes Coaching schreib mir im 1:1-Chat.',
  'channel.claimElsewhere':
    'Das geht in einem Team-Kanal: Füg mich dem Kanal hinzu, in dem die Kuratoren Warnungen möchten, und tipp dort `/coach claim` (mit Erwähnung).',
  'channel.claimNotCurator':
    'Nur Kuratoren können einen Kanal für Warnungen beanspruchen. Bitte deine Programm-Admins, dich als {platform}:{user} in CURATORS aufzunehmen.',
  'channel.claimConfigured':
    'Warnungen gehen in den Kanal aus der Konfiguration; ändere diese Einstellung, um sie hierher zu holen.',
  'channel.hello':
    'Hallo! Ich bin der Coaching-Begleiter. Für dein eigenes Coaching schreib mir im 1:1-Chat.',
  'channel.helloClaim':
    'Hallo! Ich bin der Coaching-Begleiter. Eine Kuratorin oder ein Kurator kann mich mit `/coach claim` im Kanal erwähnen, der die Warnungen bekommen soll. Für dein eigenes Coaching schreib mir im 1:1-Chat.',
  'match.review.mentorFull': '{mentor} hat keinen freien Platz mehr; bitte wähl einen anderen Mentor.',
  'pairStatus.pair':
    'Dein Paar mit *{other}* ({role, select, mentor {dein Mentee} other {dein Mentor}}): *{score}/100*. {low, select, yes {Das liegt unter {threshold}: Zuerst bekommt ihr beide eine freundliche Erinnerung, und bleibt der Wert nach einer Schonfrist niedrig, werden die Kuratoren gebeten, sich das anzusehen.} other {Die Kuratoren werden nur gebeten, sich das anzusehen, wenn der Wert unter {threshold} fällt und nach einer freundlichen Erinnerung dort bleibt.}}',
  'notWith.added':
    'Vertraulich notiert: Ich schlage {people} nicht als deine Zuordnung vor. Niemand sonst sieht diese Liste, und die Personen darauf erfahren nichts davon. `/coach notwith` zeigt die Liste; `/coach notwith remove @person` streicht jemanden.',
  'notWith.empty':
    'Deine vertrauliche „nicht mit“-Liste ist leer. Mit `/coach notwith @person` schlägt der Abgleich diese Person nie als deine Zuordnung vor; niemand sonst sieht die Liste.',
  'rematch.suggestions': 'Vorschläge des Abgleichs (ein Ausgangspunkt; du kannst unten jede Person wählen):',
  'voice.newMatchSent':
    'Vertraulich an die Kuratoren des Programms gesendet: Du möchtest eine neue Zuordnung. Das ist niemandes Schuld, und {other} erfährt nichts davon. Eine Kuratorin oder ein Kurator meldet sich bei dir.',
  'meeting.answered':
    '{answer, select, not_yet {Notiert: noch nicht. Niemand macht dir einen Vorwurf – versuch, bald einen Termin zu finden.} other {Notiert: Ihr beide lasst dieses Treffen aus. Es zählt nicht als verpasstes Treffen.}}',
} satisfies Partial<Catalog>;
