import type { Catalog } from './index.js';

/** German, addressing people with "Sie" as is usual at work. Same keys and parameters as `en.ts`. */
export const de = {
  // ---- everyday words ------------------------------------------------------------------------------
  'common.genericFailure':
    'Bei uns ist etwas schiefgegangen; nichts wurde gespeichert. Bitte versuchen Sie es in einer Minute noch einmal.',
  'common.notAllowed': 'Das dürfen Sie nicht ändern.',
  'common.curatorsOnly': 'Das können nur Kuratorinnen und Kuratoren.',
  'common.buttonInvalid': 'Diese Schaltfläche gilt nicht mehr.',
  'common.buttonOutdated': 'Diese Schaltfläche ist veraltet.',
  'common.formOutdated': 'Dieses Formular ist veraltet; bitte öffnen Sie es neu.',
  'common.formUnreadable': 'Dieses Formular war nicht lesbar; bitte öffnen Sie es neu.',
  'common.requestUnreadable': 'Diese Anfrage habe ich nicht verstanden.',
  'common.alreadyDone': 'Schon erledigt.',
  'common.cancel': 'Abbrechen',
  'common.back': 'Zurück',
  'common.openForm': 'Formular öffnen',
  'common.someone': 'jemand',
  'common.and': '{first} und {second}',

  // ---- validation --------------------------------------------------------------------------------------
  'validation.required': 'Bitte füllen Sie das aus.',
  'validation.invalid': 'Das passt hier nicht.',
  'validation.number': 'Bitte geben Sie eine Zahl ein.',
  'validation.tooLong': 'Bitte weniger als {max} Zeichen.',
  'validation.date': 'Bitte ein Datum als JJJJ-MM-TT angeben.',
  'validation.realDate': 'Dieses Datum gibt es im Kalender nicht.',
  'validation.choose': 'Bitte wählen Sie eine der Optionen.',
  'validation.experiment.behavior': 'Beschreiben Sie das Verhalten in wenigen Worten.',
  'validation.experiment.hypothesis': 'Sagen Sie, was sich Ihrer Erwartung nach ändert.',
  'validation.experiment.kpiName': 'Benennen Sie die Kennzahl.',
  'validation.experiment.kpiUnit': 'Geben Sie eine Einheit an, z. B. % oder Punkte.',
  'validation.experiment.direction': 'Wählen Sie, ob höher oder niedriger besser ist.',
  'validation.experiment.length': 'Ein Experiment dauert 8 bis 16 Wochen.',
  'validation.experiment.targetAbove': 'Wenn höher besser ist, muss das Ziel über dem Ausgangswert liegen.',
  'validation.experiment.targetBelow':
    'Wenn niedriger besser ist, muss das Ziel unter dem Ausgangswert liegen.',
  'validation.experiment.ended': 'Dieser Zeitraum ist schon vorbei; wählen Sie ein späteres Startdatum.',
  'validation.survey.practice': 'Wählen Sie, wie oft Sie geübt haben, 1 bis 5.',
  'validation.survey.confidence': 'Wählen Sie Ihre Zuversicht, 1 bis 5.',
  'validation.charter.fewWords': 'Bitte ein paar Worte.',
  'validation.charter.cadence': 'Wählen Sie wöchentlich, zweiwöchentlich oder monatlich.',
  'validation.charter.confidentiality':
    'Sie beide müssen zustimmen, das Besprochene vertraulich zu behandeln.',
  'validation.charter.kpiNamesDiffer': 'Die beiden Kennzahlen brauchen verschiedene Namen.',
  'validation.charter.milestoneOrder': 'Der zweite Meilenstein muss nach dem ersten liegen.',
  'validation.charter.earlierPage': 'Vorherige Seite: {problems}',
  'validation.charter.problem': '{field}: {message}',
  'validation.changes.comment': 'Sagen Sie, was sich ändern soll.',
  'validation.curator.mentor': 'Wählen Sie den neuen Mentor.',
  'validation.curator.reason': 'Nennen Sie kurz einen Grund.',
  'validation.curator.note': 'Schreiben Sie eine kurze Notiz.',
  'validation.curator.days': 'Wählen Sie eine Anzahl Tage.',
  'validation.curator.menteeSelf': 'Die Mentee kann nicht ihr eigener Mentor sein.',
  'validation.curator.sameMentor': 'Wählen Sie jemand anderen als den bisherigen Mentor.',

  // ---- consent ------------------------------------------------------------------------------------------
  'consent.intro':
    'Hallo! Ich bin der Coaching-Begleiter für *{program}*. Bevor es losgeht: Das speichere ich, und das sieht wer.',
  'consent.collectLabel': 'Was ich speichere',
  'consent.collect':
    'Ihr Experiment, Ihre Antworten bei den Check-ins und wann Sie mir antworten. Ihre anderen Chats lese ich nie.',
  'consent.whoLabel': 'Wer es sieht',
  'consent.who':
    'Sie. Ihr Mentor sieht die Punkte Ihrer Vereinbarung. Kuratoren sehen nur Engagement-Signale. Admins sehen Summen für Gruppen ab 5 Personen.',
  'consent.howLongLabel': 'Wie lange',
  'consent.howLong':
    'Ihre getippten Notizen werden nach {freeTextDays, plural, one {# Tag} other {# Tagen}} gelöscht; Summen bleiben {aggregateMonths, plural, one {# Monat} other {# Monate}}.',
  'consent.stopAnyTime':
    'Sie können jederzeit mit `/coach optout` aufhören oder Ihre Daten mit `/coach forget-me` löschen.',
  'consent.accept': 'Zustimmen',
  'consent.decline': 'Ablehnen',
  'consent.accepted': 'Danke – Sie sind dabei. Als Nächstes: Wählen Sie ein Verhalten für Ihr Experiment.',
  'consent.acceptedShort': 'Danke – Sie sind dabei.',
  'consent.startExperiment': 'Mein Experiment starten',
  'consent.declined':
    'Verstanden – ich schreibe Ihnen nichts zum Coaching. Sonst wird nichts über Sie gespeichert.',
  'consent.declinedShort': 'Verstanden – ich schreibe Ihnen nichts zum Coaching.',
  'consent.pendingFirst':
    'Bitte stimmen Sie der Einwilligungsnachricht zuerst zu oder lehnen Sie sie ab (sie steht in unserem Direktchat).',
  'consent.stoppedOfferedAgain':
    'Sie haben die Coaching-Nachrichten beendet. Ich habe Ihnen die Einwilligung noch einmal geschickt; stimmen Sie zu, um neu zu beginnen.',

  // ---- first contact and installs ----------------------------------------------------------------------------
  'welcome.sentConsent':
    'Willkommen! Ich habe Ihnen eine Direktnachricht geschickt: was ich speichere und wer es sieht. Stimmen Sie dort zu und versuchen Sie es dann noch einmal.',
  'welcome.hello':
    'Hallo{named, select, yes { {name}} other {}}! Ich bin Ihr Coaching-Begleiter. Zuerst ein kurzer Hinweis, was ich speichere und wer es sieht; nach Ihrer Zustimmung können Sie Ihr Experiment anlegen. Tippen Sie jederzeit `/coach help`.',
  'welcome.pending':
    'Hallo{named, select, yes { {name}} other {}}! Ich bin Ihr Coaching-Begleiter. Sie finden einen kurzen Hinweis, was ich speichere und wer es sieht; nach Ihrer Zustimmung legen wir los.',
  'welcome.back':
    'Willkommen zurück{named, select, yes {, {name}} other {}}! Tippen Sie `/coach status`, um zu sehen, wo Sie stehen, oder `/coach help` für alles, was ich verstehe.',
  'welcome.groupChat':
    'Ich arbeite im 1:1-Chat mit Ihnen und in Team-Kanälen für Kuratoren. Schreiben Sie mir direkt, um zu beginnen.',
  'enrol.notEnrolled':
    'Sie sind noch in keinem Coaching-Programm angemeldet. Bitten Sie Ihre Programm-Admins, Sie hinzuzufügen.',
  'enrol.notEnrolledYet': 'Sie sind noch nicht angemeldet. Schreiben Sie mir eine Nachricht, um zu beginnen.',
  'enrol.programMissing':
    'Das Programm „{program}“ ist noch nicht eingerichtet. Fragen Sie Ihre Programm-Admins.',
  'enrol.noSuchProgram': 'Es gibt kein Programm namens „{program}“.',
  'enrol.nothingStored': 'Über Sie ist nichts gespeichert.',

  // ---- commands ------------------------------------------------------------------------------------------------
  'help.title': '*Coaching-Befehle*:',
  'help.start': '• `/coach start` – Ihr Verhaltensexperiment anlegen (oder bearbeiten)',
  'help.status': '• `/coach status` – Ihr Experiment, die nächste Nachricht und Ihre Antworten',
  'help.checkin': '• `/coach checkin` – den aktuellen Check-in jetzt beantworten',
  'help.pause': '• `/coach pause` / `/coach resume` – Ihr Experiment pausieren oder fortsetzen',
  'help.snooze': '• `/coach snooze 7` – einige Tage keine Nachrichten, danach geht es von selbst weiter',
  'help.optout': '• `/coach optout` – alle Coaching-Nachrichten beenden',
  'help.forget':
    '• `/coach forget-me` – löschen, was ich über Sie speichere (Notizen, Experiment und Vereinbarung); anonyme Summen bleiben',
  'help.pair': '• `/coach pair @mentor @mentee` – zwei Personen zusammenbringen (Kuratoren)',
  'command.unknown': '„{word}“ kenne ich nicht.',
  'command.snoozeInvalid': 'Pausieren geht für 1 bis 60 Tage, z. B. `/coach snooze 7`.',
  'command.paused': 'Pausiert. Keine Impulse und Umfragen, bis Sie `/coach resume` tippen.',
  'command.resumed': 'Fortgesetzt. Ihre nächste Nachricht ist geplant; siehe `/coach status`.',
  'command.snoozed':
    'Pausiert für {days, plural, one {# Tag} other {# Tage}}, bis {until, date, day}. Danach geht es von selbst weiter.',
  'command.optedOut':
    'Erledigt: Sie bekommen keine Coaching-Nachrichten mehr. Ihre Entscheidung ist festgehalten.',
  'command.forgotten':
    'Erledigt: Ich habe Ihre persönlichen Daten und alles, was Sie getippt haben, gelöscht (Notizen, Experiment und Vereinbarung). Nur anonyme Summen bleiben. Sie hören nichts mehr von mir, solange Sie mir nicht schreiben.',
  'command.forgetUnavailable': 'Löschen ist hier nicht möglich; fragen Sie Ihre Programm-Admins.',
  'command.noCheckpointOpen': 'Gerade ist kein Check-in offen. Ich melde mich beim nächsten.',
  'command.pairUsage': 'So geht es: `/coach pair @mentor @mentee` (beide Personen erwähnen).',
  'command.paired':
    '{mentor} (Mentor) und {mentee} (Mentee) sind jetzt ein Paar.{waiting, select, yes { Die Vorstellung geht raus, sobald beide der Einwilligung zugestimmt haben.} other {}}',
  'help.language':
    '• `/coach language de` – die Sprache, in der ich Ihnen schreibe ({languages}); `/coach language auto` folgt Ihrer Plattform',
  'command.languageSet': 'Erledigt: Ab jetzt schreibe ich Ihnen auf {language}.',
  'command.languageAuto':
    'Erledigt: Ich folge wieder Ihrer Plattform und Ihrem Programm; im Moment ist das {language}.',
  'command.languageIs':
    'Ich schreibe Ihnen auf {language}. Ändern Sie das mit `/coach language de` oder einer anderen von {languages}.',
  'command.languageUnknown': '„{word}“ spreche ich noch nicht. Wählen Sie eine von {languages}.',

  // ---- experiment -------------------------------------------------------------------------------------------
  'experiment.form.title': 'Verhaltensexperiment',
  'experiment.form.submit': 'Experiment starten',
  'experiment.form.submitEdit': 'Änderungen speichern',
  'experiment.form.behavior': 'Verhalten, das Sie üben',
  'experiment.form.behaviorPlaceholder': 'Im 1:1 erst fragen, dann sagen',
  'experiment.form.hypothesis': 'Hypothese',
  'experiment.form.hypothesisPlaceholder': 'Wenn ich zuerst frage, bringt mein Team mehr eigene Lösungen ein',
  'experiment.form.kpiName': 'Name der Kennzahl',
  'experiment.form.kpiNamePlaceholder': 'Ideen aus dem Team pro Woche',
  'experiment.form.kpiUnit': 'Einheit der Kennzahl',
  'experiment.form.kpiUnitPlaceholder': 'Ideen',
  'experiment.form.baseline': 'Ausgangswert',
  'experiment.form.target': 'Ziel',
  'experiment.form.direction': 'Was ist besser?',
  'experiment.form.higher': 'Höher ist besser',
  'experiment.form.lower': 'Niedriger ist besser',
  'experiment.form.startDate': 'Startdatum',
  'experiment.form.length': 'Dauer (Wochen)',
  'experiment.form.weeks': '{weeks} Wochen',
  'experiment.saved':
    'Ihr Experiment steht: *{behavior}*, {start} bis {end}.{hasNext, select, yes { Ihre erste Nachricht kommt {next}.} other {}}',
  'experiment.updated':
    'Ihr Experiment ist aktualisiert (Version {version}).{hasNext, select, yes { Ihre erste Nachricht kommt {next}.} other {}}',
  'experiment.savedHint':
    'Tippen Sie jederzeit `/coach status`, um es zu sehen, oder `/coach start`, um es zu bearbeiten.',
  'experiment.staleForm':
    'Dieses Formular wurde schon gespeichert: *{behavior}* ist bei Version {version}. Tippen Sie `/coach start`, um es erneut zu bearbeiten.',
  'experiment.staleFormNew': 'Dieses Formular ist veraltet. Tippen Sie `/coach start` für ein neues.',
  'experiment.notRunning': 'Sie haben kein laufendes Experiment. Starten Sie eines mit `/coach start`.',
  'experiment.alreadyPaused': 'Ihr Experiment ist schon pausiert. Setzen Sie es mit `/coach resume` fort.',
  'experiment.leadersOnly':
    'Verhaltensexperimente sind für die Führungskräfte in diesem Programm; Ihre Rolle hier ist eine andere.',
  'experiment.snoozedWeek': 'Für eine Woche pausiert.',
  'experiment.start': 'Experiment starten',
  'experiment.edit': 'Experiment bearbeiten',
  'experiment.pause': 'Pausieren',
  'experiment.resume': 'Fortsetzen',
  'experiment.snoozeWeek': 'Eine Woche Pause',

  // ---- status ------------------------------------------------------------------------------------------------
  'status.title': 'Ihr Coaching-Experiment',
  'status.notEnrolled':
    'Sie sind noch in keinem Coaching-Programm angemeldet. Schreiben Sie mir eine Nachricht, um zu beginnen.',
  'status.consentPending':
    'Sie haben die Einwilligung noch nicht beantwortet; bis dahin wird nichts über Sie gespeichert.',
  'status.consentStopped':
    'Sie haben die Coaching-Nachrichten beendet. Ich habe Ihnen die Einwilligung noch einmal geschickt, falls Sie neu beginnen möchten.',
  'status.noExperiment':
    'Noch kein Experiment. Starten Sie eines mit der Schaltfläche *Experiment starten* oder `/coach start`.',
  'status.experiment':
    '*Experiment:* {behavior} ({status, select, active {läuft} paused {pausiert} completed {abgeschlossen} abandoned {abgebrochen} other {{status}}})',
  'status.hypothesis': '*Hypothese:* {hypothesis}',
  'status.kpi':
    '*Kennzahl:* {name} in {unit}, {direction, select, increase {höher} other {niedriger}} ist besser',
  'status.window': '*Zeitraum:* {start} bis {end}',
  'status.trend': '*Verlauf:* {trend}',
  'status.trendTarget': '{points} · Ziel {target}',
  'status.trendChange': '{points} · Ziel {target} · {change} {unit} zum Ausgangswert',
  'status.checkpointAnswered':
    '• Tag {day}: Übung {practice}/5{hasConfidence, select, yes {, Zuversicht {confidence}/5} other {}}',
  'status.checkpointOther':
    '• Tag {day}: {status, select, open {offen} reminded {erinnert} missed {verpasst} other {{status}}}',
  'status.snoozed': '*Pausiert* bis {until, date, day}.',
  'status.next':
    '*Nächste Nachricht:* {kind, select, nudge {Impuls} checkpoint {Check-in} checkpoint_reminder {Erinnerung an den Check-in} other {{kind}}} am {at, date, dayTime} ({zone})',
  'status.nextNone': '*Nächste Nachricht:* keine geplant',
  'status.nextWhen': '{at, date, dayTime} ({zone})',

  // ---- nudges -----------------------------------------------------------------------------------------------
  'nudge.did': 'Gemacht',
  'nudge.skip': 'Diese Woche nicht',
  'nudge.snooze': 'Eine Woche Pause',
  'nudge.answeredDid': 'Gut gemacht – als erledigt notiert.',
  'nudge.answeredSkip': 'Notiert: diese Woche nicht. Kein Urteil; nächste Woche ist ein neuer Anfang.',
  'nudge.answeredSnooze': 'Pausiert bis {until, date, day}. Bis dahin bin ich still.',
  'nudge.alreadyAnswered': 'Darauf haben Sie schon geantwortet.',
  'nudge.builtIn.first':
    'Ihr Experiment diese Woche: *{behavior}*. Wo gibt es heute einen Moment, es auszuprobieren?',
  'nudge.builtIn.second': 'Kurz nachgefragt zu *{behavior}*: Was ist Ihnen beim letzten Versuch aufgefallen?',
  'nudge.builtIn.third':
    'Kleine Schritte zählen. Eine Gelegenheit heute, *{behavior}* zu üben – und dann erzählen Sie mir, wie es lief.',

  // ---- the wait-list of a staggered pilot -------------------------------------------------------------------
  'waitlist.coachingStarts':
    'Der Vergleichszeitraum von *{program}* ist vorbei. Danke, dass Sie die Check-ins beantwortet haben: Sie machen das Ergebnis des Piloten belastbar. Ab heute bekommen Sie das volle Coaching wie alle anderen: Impulse zu Ihrer Zeit zwischen den Check-ins. {running, select, yes {Sie beginnen mit Ihrem Experiment *{behavior}*.} other {Wählen Sie ein Verhalten zum Üben und tippen Sie `/coach start`, um Ihr Experiment anzulegen.}}',

  // ---- checkpoints ------------------------------------------------------------------------------------------
  'survey.question':
    '{lead, select, reminder {Eine kleine Erinnerung:} other {Zeit für einen Check-in mit zwei Klicks.}} Check-in an Tag {day} für *{behavior}*: Wie oft haben Sie es zuletzt geübt?',
  'survey.practice1': '1 · Noch nicht',
  'survey.practice2': '2 · Einmal',
  'survey.practice3': '3 · Ein paar Mal',
  'survey.practice4': '4 · An den meisten Tagen',
  'survey.practice5': '5 · Täglich',
  'survey.confidence1': '1 – unsicher',
  'survey.confidence2': '2',
  'survey.confidence3': '3',
  'survey.confidence4': '4',
  'survey.confidence5': '5 – sehr sicher',
  'survey.thenDetails': 'Dann ein kurzer Schritt: {kpi} heute und Ihre Zuversicht.',
  'survey.practiceSaved': 'Check-in an Tag {day}: Übung {practice}/5 gespeichert. Noch ein Schritt:',
  'survey.addKpi': '{kpi} eintragen',
  'survey.kpiToday': '*{kpi}* heute, in {unit}',
  'survey.heading': 'Check-in an Tag {day}',
  'survey.checkinIntro': 'Check-in an Tag {day} für *{behavior}*',
  'survey.answered':
    'Check-in an Tag {day} gespeichert: Übung {practice}/5{hasKpi, select, yes {, {kpi} {value} {unit} ({change} zum Ausgangswert)} other {}}{hasConfidence, select, yes {, Zuversicht {confidence}/5} other {}}. Danke!',
  'survey.changeAnswer': 'Antwort ändern',
  'survey.closed': 'Der Check-in von Tag {day} ist geschlossen.',
  'survey.closedShort': 'Dieser Check-in ist geschlossen.',
  'survey.form.title': 'Check-in',
  'survey.form.submit': 'Speichern',
  'survey.form.kpiValue': 'Wert der Kennzahl heute',
  'survey.form.confidence': 'Zuversicht, dass Sie dranbleiben',
  'survey.form.note': 'Etwas zu notieren? (nur Sie und Ihr Coach sehen es)',
  'checkin.form.title': 'Check-in',
  'checkin.form.practice': 'Wie oft haben Sie zuletzt geübt?',

  // ---- the pairing charter ----------------------------------------------------------------------------------
  'charter.field.goals': 'Ziele für dieses Mentoring',
  'charter.field.kpi1Name': 'Kennzahl 1',
  'charter.field.kpi1Baseline': 'Kennzahl 1: Ausgangswert',
  'charter.field.kpi1Target': 'Kennzahl 1: Ziel',
  'charter.field.kpi2Name': 'Kennzahl 2',
  'charter.field.kpi2Baseline': 'Kennzahl 2: Ausgangswert',
  'charter.field.kpi2Target': 'Kennzahl 2: Ziel',
  'charter.field.milestone1': 'Erster Meilenstein',
  'charter.field.milestone1Due': 'Erster Meilenstein fällig',
  'charter.field.milestone2': 'Zweiter Meilenstein',
  'charter.field.milestone2Due': 'Zweiter Meilenstein fällig',
  'charter.field.cadence': 'Wie oft Sie sich treffen',
  'charter.field.confidentiality': 'Vertraulichkeit',
  'charter.field.mentorWill': 'Der Mentor wird …',
  'charter.field.mentorWillNot': 'Der Mentor wird nicht …',
  'charter.cadence.weekly': 'Wöchentlich',
  'charter.cadence.biweekly': 'Alle zwei Wochen',
  'charter.cadence.monthly': 'Monatlich',
  'charter.agree': 'Was wir besprechen, bleibt unter uns',
  'charter.question.goals':
    'Was möchten Sie aus diesem Mentoring mitnehmen? Zwei oder drei Ziele in Ihren eigenen Worten.',
  'charter.question.kpi1Name':
    'Nennen Sie die erste Kennzahl, die Sie bewegen möchten (z. B. „Abstimmung mit Stakeholdern“).',
  'charter.question.kpi1Baseline': 'Wo steht Kennzahl 1 heute? (eine Zahl)',
  'charter.question.kpi1Target': 'Wo soll Kennzahl 1 am Ende stehen? (eine Zahl)',
  'charter.question.kpi2Name': 'Nennen Sie die zweite Kennzahl.',
  'charter.question.kpi2Baseline': 'Wo steht Kennzahl 2 heute? (eine Zahl)',
  'charter.question.kpi2Target': 'Wo soll Kennzahl 2 am Ende stehen? (eine Zahl)',
  'charter.question.milestone1': 'Beschreiben Sie Ihren ersten Meilenstein (nach etwa 90 Tagen).',
  'charter.question.milestone1Due': 'Wann ist der erste Meilenstein fällig? (JJJJ-MM-TT)',
  'charter.question.milestone2': 'Beschreiben Sie Ihren zweiten Meilenstein (nach etwa 180 Tagen).',
  'charter.question.milestone2Due': 'Wann ist der zweite Meilenstein fällig? (JJJJ-MM-TT)',
  'charter.question.cadence': 'Wie oft treffen Sie sich: weekly, biweekly oder monthly?',
  'charter.question.confidentiality':
    'Sind Sie einverstanden, dass Ihre Gespräche unter Ihnen beiden bleiben? Antworten Sie mit „agree“.',
  'charter.question.mentorWill':
    'Was wird Ihr Mentor für Sie tun? (z. B. meinen Plan prüfen, mich mit anderen bekannt machen)',
  'charter.question.mentorWillNot':
    'Was gehört nicht zur Rolle des Mentors? (z. B. nicht meine Führungskraft, keine Leistungsbeurteilung)',
  'charter.page1': 'Vereinbarung 1/3: Ziele',
  'charter.page2': 'Vereinbarung 2/3: Plan',
  'charter.page3': 'Vereinbarung 3/3: Rollen',
  'charter.next': 'Weiter',
  'charter.send': 'An Mentor senden',
  'charter.pageIntro':
    'Ihre Antworten werden nach jeder Seite gespeichert; Sie können jederzeit zurückkommen.',
  'charter.summary.goals': 'Ziele',
  'charter.summary.kpi1': 'Kennzahl 1',
  'charter.summary.kpi2': 'Kennzahl 2',
  'charter.summary.kpi': '{name}: {baseline} → {target}',
  'charter.summary.milestones': 'Meilensteine',
  'charter.summary.milestone': '{description} (fällig {due})',
  'charter.summary.cadence': 'Treffen',
  'charter.summary.confidentiality': 'Vertraulichkeit',
  'charter.summary.agreed': 'Vereinbart: Was wir besprechen, bleibt unter uns',
  'charter.summary.will': 'Der Mentor wird',
  'charter.summary.willNot': 'Der Mentor wird nicht',
  'charter.sentToMentor':
    'Ihre Vereinbarung ist auf dem Weg zu Ihrem Mentor. Ich sage Ihnen Bescheid, wenn er sie bestätigt oder Änderungen wünscht.',
  'charter.thanksSent': 'Danke! Ihre Vereinbarung (Version {version}) liegt {mentor} zur Bestätigung vor.',
  'charter.withMentor':
    'Ihre Vereinbarung liegt jetzt bei Ihrem Mentor; Sie können sie bearbeiten, wenn er Änderungen wünscht.',
  'charter.alreadyWithMentor': 'Ihre Vereinbarung liegt schon bei Ihrem Mentor.',
  'charter.incomplete': 'Die Vereinbarung ist noch nicht vollständig.',
  'charter.chatStart':
    'Gehen wir Ihre Vereinbarung Schritt für Schritt durch. Antworten Sie jederzeit mit „stop“; Ihre Antworten bleiben erhalten.',
  'charter.chatAllAnswered':
    'Alles ist beantwortet. Antworten Sie mit „send“, um die Vereinbarung an Ihren Mentor zu senden.',
  'charter.chatMovedHere': 'Machen wir es im Chat: Die erste Frage ist gestellt.',
  'charter.chatPaused':
    'Pausiert. Ihre Antworten sind gespeichert; machen Sie jederzeit mit der Vereinbarungs-Schaltfläche weiter.',
  'charter.chatSaved': 'Gespeichert. {question}',
  'charter.chatNoFit': 'Das passt nicht: {error} {question}',
  'charter.chatAlmost': 'Fast geschafft, aber {error} {question}',
  'charter.chatFix': '{error} {question}',
  'charter.review':
    '*{mentee}* hat Ihnen die Mentoring-Vereinbarung geschickt (Version {version}). Passt sie für Sie?',
  'charter.confirm': 'Vereinbarung bestätigen',
  'charter.askChanges': 'Änderungen erbitten',
  'charter.confirmed': 'Sie haben die Vereinbarung bestätigt (Version {version}). Sie gilt ab jetzt.',
  'charter.alreadyConfirmed': 'Diese Vereinbarung ist schon bestätigt.',
  'charter.notWaiting': 'Diese Version wartet nicht mehr auf Sie.',
  'charter.activeForMentee':
    '{mentor} hat Ihre Vereinbarung bestätigt. Sie gilt ab jetzt; die Meilensteine sind fällig am {first} und {second}.',
  'charter.changesRequested':
    '*{mentor}* wünscht Änderungen an Ihrer Vereinbarung: „{comment}“. Ihre bisherigen Antworten bleiben; ändern Sie, was nötig ist, und senden Sie sie erneut.',
  'charter.editForm': 'Im Formular bearbeiten',
  'charter.editChat': 'Schritt für Schritt im Chat bearbeiten',
  'charter.changesSent':
    'Sie haben Änderungen an Version {version} erbeten. Ich habe Ihren Kommentar weitergegeben.',
  'changes.form.title': 'Änderungen erbitten',
  'changes.form.submit': 'Senden',
  'changes.form.comment': 'Was soll sich ändern?',

  // ---- pairs --------------------------------------------------------------------------------------------------
  'pair.introMentor':
    'Sie sind jetzt Mentor von *{mentee}*. Die Mentee entwirft Ihre gemeinsame Vereinbarung (Ziele, zwei Kennzahlen, Meilensteine, Rhythmus, Grenzen); ich schicke sie Ihnen zur Bestätigung oder für Änderungswünsche.',
  'pair.introMentee':
    'Ihr Mentor ist *{mentor}*. Erster Schritt: Ihre Vereinbarung – Ziele, zwei Kennzahlen, Meilensteine nach 90 und 180 Tagen, wie oft Sie sich treffen, Vertraulichkeit und was Ihr Mentor tut und nicht tut. Ihre Antworten werden nach jedem Schritt gespeichert.',
  'pair.fillForm': 'Im Formular ausfüllen',
  'pair.fillChat': 'Schritt für Schritt im Chat',
  'pair.closed': 'Dieses Mentoring-Paar wurde beendet.',
  'pair.selfMentor': 'Niemand kann sich selbst mentorieren.',
  'pair.alreadyPaired': 'Diese beiden sind schon ein aktives Paar.',
  'pair.nudge':
    'Ein freundliches Nachfragen: Sie und *{other}* haben Ihr Mentoring hier eine Weile nicht aktualisiert. Steht ein Gespräch im Kalender? Ein kurzes Update zu Vereinbarung oder Meilenstein hält alles auf Kurs.',
  'pair.yourMentor': 'Ihr Mentor',
  'pair.yourMentee': 'Ihre Mentee',
  'pair.yourPartner': 'Ihr Gegenüber',
  'pair.mentor': 'Mentor',
  'pair.mentee': 'Mentee',
  'pair.rematchedMentee':
    'Ihr Programmteam hat Ihnen einen neuen Mentor zugeordnet: {mentor}. Manchmal passt ein neuer Blick besser zur aktuellen Phase; danke für die Arbeit bisher. Ihre neue Vereinbarung beginnt mit einer leeren Seite.',
  'pair.rematchedMentor':
    'Danke, dass Sie {mentee} begleitet haben. Das Programmteam hat eine neue Zuordnung gefunden, die besser zu den aktuellen Zielen passt; von Ihnen ist nichts weiter nötig.',
  'pair.curatorNote': 'Eine Notiz von Ihrem Programmteam: {note}',
  'pair.closedMentee':
    'Ihr Mentoring mit {mentor} ist abgeschlossen. Danke für die Zeit, die Sie beide investiert haben.',
  'pair.closedMentor':
    'Ihr Mentoring mit {mentee} ist abgeschlossen. Danke für die Zeit, die Sie investiert haben.',

  // ---- milestones -----------------------------------------------------------------------------------------------
  'milestone.reminder': 'Meilenstein mit *{mentee}* fällig am {due}: „{description}“. Wie ist es gelaufen?',
  'milestone.met': 'Erreicht',
  'milestone.partly': 'Teilweise',
  'milestone.notYet': 'Noch nicht',
  'milestone.answer':
    '{answer, select, met {erreicht} partly {teilweise erreicht} not_yet {noch nicht erreicht} other {{answer}}}',
  'milestone.confirmed':
    'Meilenstein „{description}“ bestätigt als *{answer, select, met {erreicht} partly {teilweise erreicht} not_yet {noch nicht erreicht} other {{answer}}}*.{noted, select, yes { Notiz hinzugefügt.} other {}}',
  'milestone.addNote': 'Notiz hinzufügen',
  'milestone.toMentee':
    '{mentor} hat den Meilenstein „{description}“ als {answer, select, met {erreicht} partly {teilweise erreicht} not_yet {noch nicht erreicht} other {{answer}}} markiert.',
  'milestone.noteToMentee': '{mentor} hat „{description}“ eine Notiz hinzugefügt: {note}',
  'milestone.noteIntro': 'Meilenstein „{description}“, fällig am {due}.',
  'note.form.title': 'Notiz zum Meilenstein',
  'note.form.submit': 'Speichern',
  'note.form.note': 'Notiz für Ihre Mentee (optional)',

  // ---- engagement and curators ----------------------------------------------------------------------------------
  'engagement.charterUnfinished': 'Vereinbarung {days} Tage nach der Zuordnung nicht fertig',
  'engagement.milestoneLate':
    'Meilenstein „{description}“ {days} Tage nach Fälligkeit {confirmed, select, yes {bestätigt} other {unbestätigt}}',
  'engagement.personQuiet':
    '{role, select, mentor {Mentor} other {Mentee}} {name} hat seit {days} Tagen nicht mit dem Bot gesprochen',
  'engagement.checkinMissed': 'Mentee hat {count, plural, one {# Check-in} other {# Check-ins}} verpasst',
  'engagement.reason': '• {reason} (−{points})',
  'engagement.reasonPlain': '• {reason}',
  'engagement.noSignals': '• keine Signale',
  'alert.low':
    'Das Engagement des Paars *{mentee}* (Mentee) und *{mentor}* (Mentor) ist niedrig: {score}/100, unter der Schwelle von {threshold}.',
  'alert.afterNudge':
    'Das Paar hat schon einen freundlichen Anstoß und eine Schonfrist bekommen. Nichts ändert sich, bis eine Kuratorin oder ein Kurator entscheidet.',
  'alert.rematch': 'Neu zuordnen',
  'alert.checkin': 'Beim Paar nachfragen',
  'alert.snooze': 'Warnung pausieren',
  'alert.close': 'Paar beenden',
  'alert.unreachable':
    '⚠ {people} ist auf der Chat-Plattform nicht erreichbar (App blockiert oder entfernt).',
  'alert.handled':
    'Paar *{mentee}* (Mentee) und *{mentor}* (Mentor), {score}/100: *{curator}* hat {action, select, rematch {die Mentee neu zugeordnet} checkin {beim Paar nachgefragt} snooze {diese Warnung pausiert} close {das Paar beendet} other {diese Warnung bearbeitet}} am {at}.{hasDetail, select, yes { {detail}} other {}}',
  'alert.alreadyHandled': 'Diese Warnung wurde schon bearbeitet.',
  'alert.alreadyHandledBy': 'Diese Warnung hat schon {curator} bearbeitet.',
  'alert.anotherCurator': 'ein anderer Kurator',
  'alert.aCurator': 'Ein Kurator',
  'alert.summaryRematch': 'Neuer Mentor: {mentor}.',
  'alert.summaryCheckin': 'Eine Notiz ging an beide.',
  'alert.summarySnooze': 'Keine neue Warnung für dieses Paar bis {until}.',
  'alert.summaryClose': 'Das Paar ist beendet.',
  'alert.noPeople':
    'Hier kann niemand sonst als neuer Mentor gewählt werden. Fügen Sie die Person zuerst dem Team hinzu.',
  'alert.peopleUnavailable':
    'Ich konnte die Mitglieder gerade nicht lesen; bitte versuchen Sie es in einer Minute noch einmal.',
  'alert.unreachablePerson':
    '*{person}* ist in {platform, select, teams {Teams} other {Slack}} nicht mehr erreichbar ({reason}). Die Coaching-Nachrichten ruhen, bis die Person dem Bot wieder schreibt.',
  'alert.aParticipant': 'Eine teilnehmende Person',
  'rematch.form.title': 'Mentee neu zuordnen',
  'rematch.form.submit': 'Neu zuordnen',
  'rematch.form.mentor': 'Neuer Mentor',
  'rematch.form.reason': 'Grund (im Prüfprotokoll, nicht für das Paar sichtbar)',
  'pairCheckin.form.title': 'Beim Paar nachfragen',
  'pairCheckin.form.submit': 'An beide senden',
  'pairCheckin.form.note': 'Eine kurze Notiz an beide',
  'snooze.form.title': 'Warnung pausieren',
  'snooze.form.submit': 'Pausieren',
  'snooze.form.days': 'Wie lange?',
  'snooze.form.option': '{days} Tage',
  'close.form.title': 'Paar beenden',
  'close.form.submit': 'Paar beenden',
  'close.form.reason': 'Grund (im Prüfprotokoll)',

  // ---- curator channel ------------------------------------------------------------------------------------------
  'channel.help':
    'Ich bin der Coaching-Begleiter. In einem Team-Kanal mache ich eines: Ich melde Mentoring-Paare mit niedrigem Engagement, mit Schaltflächen zum Neu-Zuordnen, Nachfragen, Pausieren oder Beenden (nur für Kuratoren).\n• `/coach claim` – eine Kuratorin oder ein Kurator macht diesen Kanal zum Ort für Warnungen\n• `/coach pair @mentor @mentee` – zwei Personen zusammenbringen (Kuratoren)\n• `/coach help` – diese Nachricht\nFür Ihr eigenes Coaching schreiben Sie mir im 1:1-Chat.',
  'channel.unknown':
    'In einem Team-Kanal verstehe ich `/coach claim`, `/coach pair` und `/coach help`. Für Ihr eigenes Coaching schreiben Sie mir im 1:1-Chat.',
  'channel.claimElsewhere':
    'Das geht in einem Team-Kanal: Fügen Sie mich dem Kanal hinzu, in dem die Kuratoren Warnungen möchten, und tippen Sie dort `/coach claim` (mit Erwähnung).',
  'channel.claimNotCurator':
    'Nur Kuratoren können einen Kanal für Warnungen beanspruchen. Bitten Sie Ihre Programm-Admins, Sie als {platform}:{user} in CURATORS aufzunehmen.',
  'channel.claimConfigured':
    'Warnungen gehen in den Kanal aus der Konfiguration; ändern Sie diese Einstellung, um sie hierher zu holen.',
  'channel.claimed': 'Erledigt: Warnungen für diese Organisation kommen jetzt in diesen Kanal ({channel}).',
  'channel.helloCurators':
    'Hallo! Warnungen zu Mentoring-Paaren kommen in diesen Kanal. Nur Kuratoren können darauf reagieren.',
  'channel.hello':
    'Hallo! Ich bin der Coaching-Begleiter. Für Ihr eigenes Coaching schreiben Sie mir im 1:1-Chat.',
  'channel.helloClaim':
    'Hallo! Ich bin der Coaching-Begleiter. Eine Kuratorin oder ein Kurator kann mich mit `/coach claim` im Kanal erwähnen, der die Warnungen bekommen soll. Für Ihr eigenes Coaching schreiben Sie mir im 1:1-Chat.',

  // ---- matching (proposals for curators) -------------------------------------------------------------------------
  'match.reason.topics':
    'teilt {count, plural, one {# von {wanted} Themen} other {# von {wanted} Themen}}: {topics} (+{points})',
  'match.reason.department':
    '{same, select, yes {gleiche Abteilung, {mentor}} other {andere Abteilung: {mentor}, nicht {mentee}}} (+{points})',
  'match.reason.level':
    '{gap, plural, =0 {gleiche Ebene} one {eine Ebene höher} other {# Ebenen höher}} (+{points})',
  'match.reason.timezone': '{hours, number} gemeinsame Arbeitsstunden am Tag (+{points})',
  'match.unmatched':
    'kein Vorschlag: {constraint, select, no_mentors {es gibt keine Mentoren} capacity {alle passenden Mentoren sind belegt} reporting_line {nur Mentoren in der Berichtslinie} not_with {nur Mentoren, mit denen jemand nicht zusammengebracht werden möchte} closed_before {nur Mentoren, mit denen es schon ein Paar gab} overlap {zu wenige gemeinsame Arbeitsstunden} language {keine gemeinsame Sprache} other {kein Mentor passt}} ({detail})',
  'match.blocker':
    '{constraint, select, no_mentors {keine Mentoren} capacity {belegt} reporting_line {Berichtslinie} not_with {nicht mit} closed_before {schon ein Paar} overlap {Arbeitszeiten} language {Sprache} other {anderes}}: {mentors, plural, one {# Mentor} other {# Mentoren}}',
  'match.review.title':
    'Zuordnungsvorschläge für *{program}*: {count, plural, one {# Vorschlag} other {# Vorschläge}}, {open} noch offen. Es entsteht kein Paar, bevor eine Kuratorin oder ein Kurator zustimmt; bestätigte Paare werden vorgestellt, sobald beide zugestimmt haben.',
  'match.review.proposal': '*{mentee}* mit Mentor *{mentor}* (Passung {fit})',
  'match.review.candidate': '*{mentor}* (Passung {fit})',
  'match.review.reasonLine': '• {reason}',
  'match.review.approve': 'Bestätigen',
  'match.review.another': 'Andere Person wählen',
  'match.review.reject': 'Ablehnen',
  'match.review.pick': 'Mit {mentor} zusammenbringen',
  'match.review.noAlternatives': 'Kein anderer Mentor erfüllt alle Bedingungen und hat einen freien Platz.',
  'match.review.decided':
    '{status, select, approved {Bestätigt von *{curator}* am {at}.} changed {*{curator}* hat am {at} stattdessen *{mentor}* gewählt.} other {Abgelehnt von *{curator}* am {at}.}}',
  'match.review.alreadyDecided': 'Über diesen Vorschlag wurde bereits entschieden.',
  'match.review.notAlternative': 'Dieser Mentor ist keine der Alternativen mehr.',
  'match.review.mentorFull': '{mentor} hat keinen freien Platz mehr; bitte wählen Sie einen anderen Mentor.',
  'match.review.menteePaired': '{mentee} hat schon einen Mentor.',

  // ---- the pair's voice --------------------------------------------------------------------------------------------
  'help.pairStatus':
    '• `/coach pair status` – der Engagement-Wert Ihres Mentoring-Paars und die Gründe dafür',
  'help.notWith':
    '• `/coach notwith @person` – vertraulich: nie mit dieser Person zusammengebracht werden (`/coach notwith` zeigt die Liste)',
  'pairStatus.none': 'Sie sind gerade in keinem aktiven Mentoring-Paar.',
  'pairStatus.pair':
    'Ihr Paar mit *{other}* ({role, select, mentor {Ihr Mentee} other {Ihr Mentor}}): *{score}/100*. {low, select, yes {Das liegt unter {threshold}: Zuerst bekommen Sie beide eine freundliche Erinnerung, und bleibt der Wert nach einer Schonfrist niedrig, werden die Kuratoren gebeten, sich das anzusehen.} other {Die Kuratoren werden nur gebeten, sich das anzusehen, wenn der Wert unter {threshold} fällt und nach einer freundlichen Erinnerung dort bleibt.}}',
  'pairStatus.reasons': 'Was der Bot sieht (nie Ihre Gespräche):',
  'notWith.added':
    'Vertraulich notiert: Ich schlage {people} nicht als Ihre Zuordnung vor. Niemand sonst sieht diese Liste, und die Personen darauf erfahren nichts davon. `/coach notwith` zeigt die Liste; `/coach notwith remove @person` streicht jemanden.',
  'notWith.removed': 'Von Ihrer „nicht mit“-Liste gestrichen: {people}.',
  'notWith.notListed': 'Diese Person stand nicht auf Ihrer „nicht mit“-Liste.',
  'notWith.list': 'Ihre vertrauliche „nicht mit“-Liste (nur Sie sehen sie): {people}.',
  'notWith.empty':
    'Ihre vertrauliche „nicht mit“-Liste ist leer. Mit `/coach notwith @person` schlägt der Abgleich diese Person nie als Ihre Zuordnung vor; niemand sonst sieht die Liste.',
  'notWith.self':
    'Das sind Sie selbst. Erwähnen Sie die Person, mit der Sie nicht zusammengebracht werden möchten.',
  'notWith.answeredInChat': 'Ich habe Ihnen in unserem 1:1-Chat geantwortet.',
  'notWith.unknownEmail': 'Mit dieser E-Mail-Adresse kenne ich niemanden im Programm.',
  'rematch.suggestions': 'Vorschläge des Abgleichs (ein Ausgangspunkt; Sie können unten jede Person wählen):',
  'rematch.noSuggestions':
    'Der Abgleich hat keinen Vorschlag: Kein anderer Mentor erfüllt alle Bedingungen und hat einen freien Platz.',
  'voice.fine': 'Alles gut – wir treffen uns offline',
  'voice.newMatch': 'Ich möchte eine neue Zuordnung',
  'voice.fineForm.title': 'Alles gut',
  'voice.fineForm.submit': 'Senden',
  'voice.fineForm.note': 'Möchten Sie etwas ergänzen? (optional, nur für das Programmteam)',
  'voice.fineThanks': 'Danke – notiert, dass Sie sich offline treffen.',
  'voice.newMatchSent':
    'Vertraulich an die Kuratoren des Programms gesendet: Sie möchten eine neue Zuordnung. Das ist niemandes Schuld, und {other} erfährt nichts davon. Eine Kuratorin oder ein Kurator meldet sich bei Ihnen.',
  'voice.newMatchAlready': 'Ihr Wunsch nach einer neuen Zuordnung liegt den Kuratoren bereits vor.',
  'alert.matchRequested':
    'Im Paar *{mentee}* (Mentee) und *{mentor}* (Mentor) wird eine neue Zuordnung gewünscht – ohne Schuldfrage und für die andere Person nicht sichtbar. Engagement {score}/100.',
  'engagement.matchRequested':
    '{role, select, mentor {Mentor} other {Mentee}} {name} hat eine neue Zuordnung gewünscht (ohne Schuldfrage)',
  // ---- pair check-ins on the charter's cadence
  'meeting.ask':
    'Paar-Check-in: Haben Sie und *{other}* sich seit {since, date, day} getroffen? Nur das Programmteam sieht die Antworten.',
  'meeting.yes': 'Ja',
  'meeting.notYet': 'Noch nicht',
  'meeting.skip': 'Diesmal lassen wir es aus',
  'meeting.answered':
    '{answer, select, not_yet {Notiert: noch nicht. Niemand macht Ihnen einen Vorwurf – versuchen Sie, bald einen Termin zu finden.} other {Notiert: Sie beide lassen dieses Treffen aus. Es zählt nicht als verpasstes Treffen.}}',
  'meeting.howUseful':
    'Schön, dass Sie sich getroffen haben. Wie nützlich war es, von 1 (wenig) bis 5 (sehr)? Freiwillig.',
  'meeting.usefulness': '{n}',
  'meeting.rated': 'Danke: Sie haben sich getroffen, Nutzen {n} von 5.',
  'meeting.addNote': 'Notiz hinzufügen',
  'meeting.noteForm.title': 'Ihr Treffen',
  'meeting.noteForm.submit': 'Speichern',
  'meeting.noteForm.note': 'Eine Notiz für das Programmteam (vertraulich, nie für Ihr Gegenüber sichtbar)',
  'meeting.noted': 'Danke – Ihre Notiz ist gespeichert.',
  'meeting.closedRound': 'Dieser Check-in ist geschlossen: Ein neuerer wurde bereits gestellt.',
  'engagement.meetingsMissed':
    '{met} von {expected} erwarteten {expected, plural, one {Treffen} other {Treffen}} stattgefunden',

  // ---- outcome reports (HTML and CSV, for program admins) ----------------------------------------------
  'report.title': 'Ergebnisbericht',
  'report.meta':
    'Ergebnisbericht · Programm {program} (Einstellungen Version {version}) · Experimente über {weeks} Wochen, Checkpoints an Tag {days} · erstellt {generated}',
  'report.privacyBadge': 'Datenschutz: Jede Zahl über weniger als {min} Personen wird unterdrückt',
  'report.footer': 'coachloop-Ergebnisbericht',
  'report.suppressed': 'unterdrückt (n<5)',
  'report.suppressedTitle': 'Verborgen: weniger als 5 Personen',
  'report.smallGroup': 'n<5',
  'report.noDataTitle': 'Noch keine Daten',
  'report.chart.noAnswers': 'Noch keine Antworten',
  'report.chart.nothingDue': 'noch nichts fällig',
  'report.chart.or': ' oder ',
  'report.ofTotal': 'von {total}',
  'report.partOf': '{part} von {total}',
  'report.percentagePoints': '{n} Pp.',
  'report.day': 'Tag {day}',
  'report.leaders': 'Führungskräfte',
  'report.arm': '{arm, select, coached {Gecoacht} control {Kontrolle} other {{arm}}}',
  'report.direction': '{direction, select, decrease {niedriger ist besser} other {höher ist besser}}',
  'report.outcome':
    '{outcome, select, practice {Übungshäufigkeit (1 = noch nicht, 5 = täglich)} other {% des Wegs vom KPI-Ausgangswert zum Ziel}}',
  'report.points': '{n, plural, one {Punkt} other {Punkte}}',
  'report.tiles.invited': 'Eingeladene Führungskräfte',
  'report.tiles.invitedStep': 'Eingeladen',
  'report.tiles.leadersInProgram': 'Führungskräfte im Programm',
  'report.tiles.consented': 'Eingewilligt',
  'report.tiles.ofEveryoneInvited': 'aller Eingeladenen',
  'report.tiles.consentedOfInvited': '{consented} von {invited} Eingeladenen',
  'report.tiles.answeredDay': 'Tag {day} beantwortet',
  'report.tiles.ofSurveysSent': 'von {sent} gesendeten Umfragen',
  'report.tiles.noSurveySent': 'noch keine Umfrage gesendet',
  'report.tiles.wayToTarget': 'Weg zum KPI-Ziel',
  'report.tiles.meanAtDay': 'Mittelwert an Tag {day}, gecoachte Führungskräfte',
  'report.tiles.noKpiAnswers': 'noch keine KPI-Antworten gezeigt',
  'report.tiles.roi': 'ROI',
  'report.tiles.notComputed': 'nicht berechnet',
  'report.tiles.netReturn': '{percent} Nettorendite auf die Kosten',
  'report.tiles.missing': 'fehlt: {missing}',
  'report.funnel.heading': '1. Teilnahmetrichter',
  'report.funnel.lead':
    'Von der Einladung bis zum letzten Checkpoint. Prozente beziehen sich auf alle Eingeladenen; jede Stufe zählt die Führungskräfte, die sie erreicht haben.',
  'report.funnel.chart': 'Teilnahmetrichter',
  'report.funnel.experimentSet': 'Experiment angelegt',
  'report.funnel.consent': 'Einwilligung',
  'report.funnel.acceptedStillIn': 'Angenommen, noch dabei',
  'report.funnel.acceptedOptedOut': 'Angenommen, später ausgestiegen',
  'report.funnel.declined': 'Abgelehnt',
  'report.funnel.noAnswer': 'Noch keine Antwort',
  'report.funnel.medianDaysToConsent': 'Median Tage, Einladung bis Einwilligung',
  'report.funnel.notInFunnel':
    'Nicht im Trichter: {count} Mentorinnen und Mentoren, Kuratorinnen und Kuratoren oder Admins ohne Führungsrolle.',
  'report.responses.heading': '2. Antwortquoten',
  'report.responses.lead':
    'Beantwortete Checkpoint-Kurzumfragen von den gesendeten (beide Gruppen) und Antworten auf Impulse von den zugestellten Impulsen.',
  'report.responses.message': 'Nachricht',
  'report.responses.sent': 'Gesendet',
  'report.responses.answered': 'Beantwortet',
  'report.responses.rate': 'Antwortquote',
  'report.responses.checkpoint': 'Checkpoint Tag {day}',
  'report.responses.nudgesAny': 'Impulse (jede Antwort)',
  'report.responses.nudgesDid': 'Impulse mit „Gemacht“ beantwortet',
  'report.outcomes.heading':
    '3. Übung und KPI-Veränderung{arms, select, yes { – gecoachte Führungskräfte} other {}}',
  'report.outcomes.lead':
    '{people} {arms, select, yes {gecoachte } other {}}Führungskräfte mit Einwilligung, {withExperiment} davon mit einem Experiment. Die KPI-Veränderung jeder Führungskraft wird ab ihrem eigenen Ausgangswert gemessen, mit ihrer Richtung (ein Rückgang ist eine Verbesserung, wenn niedriger besser ist), und als % des Wegs zu ihrem eigenen Ziel angegeben.',
  'report.outcomes.checkpoint': 'Checkpoint',
  'report.outcomes.practice': 'Übung (1–5)',
  'report.outcomes.wayMean': 'Weg zum Ziel, Mittelwert',
  'report.outcomes.median': 'Median',
  'report.outcomes.improved': 'KPI verbessert',
  'report.outcomes.reached': 'Ziel erreicht',
  'report.outcomes.baseline': 'Ausgangswert',
  'report.outcomes.coachedLeaders': 'Gecoachte Führungskräfte',
  'report.outcomes.progressChart': 'Mittlerer % des Wegs vom KPI-Ausgangswert zum Ziel, je Checkpoint',
  'report.outcomes.target': 'Ziel',
  'report.outcomes.practiceChart': 'Mittlere Übungshäufigkeit (1 = noch nicht, 5 = täglich), je Checkpoint',
  'report.outcomes.wayCaption': 'Weg zum KPI-Ziel (Mittelwert %)',
  'report.outcomes.practiceCaption': 'Übungshäufigkeit (Mittelwert, 1–5)',
  'report.outcomes.unitsHeading': 'KPI-Veränderungen nach Einheit',
  'report.outcomes.unitsLead':
    'Veränderung in der eigenen Einheit des KPI, Ausgangswert → jeder Checkpoint (positiv = besser), für Einheiten, die mindestens 5 Führungskräfte teilen. Die Pfeile zeigen den erreichten Mittelwert.',
  'report.outcomes.noUnit': 'Noch teilen keine 5 oder mehr Führungskräfte eine Einheit.',
  'report.outcomes.unit': 'Einheit',
  'report.outcomes.baselineToTarget': 'Ausgangswert → Ziel (Mittelwert)',
  'report.outcomes.otherUnits': 'Führungskräfte mit anderen Einheiten: {count}.',
  'report.comparison.heading': '4. Gecoacht im Vergleich zur Kontrolle',
  'report.comparison.noControl':
    'Der Roster hat keine Kontrollgruppe, daher gibt es nichts zu vergleichen. Geben Sie einigen Führungskräften {code} im Roster: Sie beantworten die Checkpoints, erhalten aber keine Impulse.',
  'report.comparison.lead':
    'Gecoacht: {coached} Führungskräfte mit Einwilligung ({coachedWith} mit einem Experiment). Kontrolle: {control} ({controlWith} mit einem Experiment), an denselben Checkpoints ohne Impulse gemessen. Differenz = gecoacht − Kontrolle.',
  'report.comparison.wayChart': 'Mittlerer % des Wegs zum Ziel, gecoacht und Kontrolle',
  'report.comparison.practiceChart': 'Mittlere Übungshäufigkeit, gecoacht und Kontrolle',
  'report.comparison.answered': 'Beantwortet (gecoacht / Kontrolle)',
  'report.comparison.wayCoached': 'Weg zum Ziel, gecoacht',
  'report.comparison.control': 'Kontrolle',
  'report.comparison.difference': 'Differenz',
  'report.comparison.practiceCoached': 'Übung, gecoacht',
  'report.mentoring.heading': '5. Mentoring-Paare',
  'report.mentoring.none': 'In diesem Programm gibt es noch keine Mentoring-Paare.',
  'report.mentoring.lead':
    '{people} Personen in {pairs} Paaren. Zahlen über weniger als 5 von ihnen (Mentorinnen, Mentoren und Mentees zusammen) werden unterdrückt.',
  'report.mentoring.onTime': 'pünktlich bestätigt',
  'report.mentoring.late': 'verspätet bestätigt',
  'report.mentoring.notConfirmed': 'nicht bestätigt',
  'report.mentoring.milestonesChart': 'Fällige Meilensteine: pünktlich, verspätet, nicht bestätigt',
  'report.mentoring.pairs': 'Paare aktiv · beendet · neu vermittelt',
  'report.mentoring.charter': 'Vereinbarung abgeschlossen',
  'report.mentoring.charterSub': 'Paare älter als {days} Tage mit bestätigter Vereinbarung',
  'report.mentoring.daysToCharter': 'Median Tage bis zur Vereinbarung',
  'report.mentoring.daysToCharterSub': 'Paarbildung → Bestätigung durch die Mentorin oder den Mentor',
  'report.mentoring.milestones': 'Meilensteine pünktlich bestätigt',
  'report.mentoring.milestonesSub':
    'der fälligen Meilensteine; verspätet: {late}, nicht bestätigt: {unconfirmed}',
  'report.mentoring.alerts': 'Hinweise an Kuratoren',
  'report.mentoring.alertsSub': 'bearbeitet: {actedOn}; warten auf Entscheidung: {awaiting}',
  'report.mentoring.hoursToAction': 'Median Stunden, Hinweis → Handlung',
  'report.mentoring.hoursToActionSub': 'erste Entscheidung der Kuratoren',
  'report.mentoring.optOuts': 'Ausstiege unter Personen in Paaren',
  'report.mentoring.proposals': 'Vermittlungsvorschläge angenommen · geändert · abgelehnt',
  'report.mentoring.proposalsSub': 'von {total}; noch offen: {open}',
  'report.mentoring.daysToPair': 'Median Tage, Aufnahme → Paar',
  'report.mentoring.mentees': 'Mentees',
  'report.mentoring.noFault': 'Trennungen ohne Schuld',
  'report.mentoring.noFaultSub': 'Paare, in denen jemand um eine neue Vermittlung bat',
  'report.mentoring.rematched': 'Neu vermittelt binnen 30 Tagen nach einem Hinweis',
  'report.mentoring.meetings': 'Treffen von den erwarteten',
  'report.mentoring.meetingsSub': 'aus den Paar-Check-ins; Median je Paar: {median} %',
  'report.mentoring.milestonesCaption': 'Bisher fällige Meilensteine',
  'report.budget.heading': '6. Nachrichtenlast',
  'report.budget.lead':
    'Budgetierte Nachrichten (Impulse, Checkpoint-Umfragen und Erinnerungen, Paar-Impulse, Meilenstein-Erinnerungen) je Person und lokaler Woche, verglichen mit dem Wochenbudget des Programms. Wochen ohne Nachricht zählen nicht.',
  'report.budget.mean': 'Mittelwert je Personenwoche',
  'report.budget.noMessages': 'noch keine Nachrichten',
  'report.budget.messages': '{count} Nachrichten',
  'report.budget.weekly': 'Wochenbudget',
  'report.budget.chart': 'Budgetierte Nachrichten je Personenwoche im Vergleich zum Wochenbudget',
  'report.budget.personWeeks': 'Personenwochen',
  'report.budget.share': 'Mittlerer Anteil am Budget',
  'report.budget.atBudget': 'Wochen am Budget',
  'report.budget.overBudget': 'Wochen über dem Budget',
  'report.roi.heading': '7. Return on Investment',
  'report.roi.lead':
    'Vier sichtbare Schritte: Ausgangswert → Veränderung → Zurechnung → Wert gegen Kosten. ROI = (zurechenbarer Wert − Programmkosten) / Programmkosten. Jeder Wert unten stammt aus den {code}-Einstellungen des Programms.',
  'report.roi.needs': 'benötigt {missing}',
  'report.roi.missing': 'fehlt',
  'report.roi.baseline': 'Ausgangswert',
  'report.roi.baselineCalc': '{outcome} vor dem Programm; danach: {after}',
  'report.roi.baselineNone': 'das Ergebnis vor dem Programm',
  'report.roi.delta': 'Veränderung',
  'report.roi.deltaCalc': 'danach − davor, {better}',
  'report.roi.deltaNone': 'danach − davor, mit Vorzeichen so, dass positiv besser ist',
  'report.roi.attribution': 'Zurechnung',
  'report.roi.attributionCalc': '{delta} × {percent} dem Programm zugerechnet',
  'report.roi.attributionShare': '{percent} der Veränderung dem Programm zugerechnet',
  'report.roi.attributionNone': 'Anteil der Veränderung, der dem Programm zugerechnet wird',
  'report.roi.value': 'Wert gegen Kosten',
  'report.roi.valueCalc': '{units} × {perUnit} je Einheit; Programmkosten {cost}',
  'report.roi.valuePending': '× {perUnit} je Einheit; Programmkosten {cost}',
  'report.roi.valueNone': 'Wert je Einheit; Programmkosten',
  'report.roi.result': '({percent} Nettorendite auf die Programmkosten; Nettowert {net})',
  'report.roi.none': 'Keine ROI-Zahl.',
  'report.roi.assumptions': 'Annahmen, wie von der Programmverwaltung eingegeben',
  'report.roi.outcome': 'Bewertetes Ergebnis',
  'report.roi.direction': 'Richtung',
  'report.roi.before': 'Ausgangswert (davor)',
  'report.roi.after': 'Aktuell (danach)',
  'report.roi.why': 'Begründung der Zurechnung',
  'report.roi.notGiven': 'nicht angegeben',
  'report.roi.perUnit': 'Wert je Einheit',
  'report.roi.cost': 'Programmkosten',
  'report.roi.currency': 'Währung',
  'report.verdict.none': 'Kein Urteil.',
  'report.verdict.word': '{verdict, select, go {Go} no_go {No-Go} other {Offen}}',
  'report.verdict.rule':
    'Entscheidungsregel: {outcome} an Tag {day}; kleinster skalierenswerter Effekt {effect}; {level}-Intervall; mindestens {min} Führungskräfte je Gruppe.',
  'report.verdict.deviations':
    '{count, plural, one {# Abweichung} other {# Abweichungen}} von der beim Start festgelegten Regel (siehe Abschnitt zur Evidenz).',
  'report.rule.outcomeAt': '{outcome} an Tag {day}',
  'report.rule.primary': 'Primäres Ergebnis',
  'report.rule.smallestEffect': 'Kleinster skalierenswerter Effekt',
  'report.rule.effect': '{effect} (gecoacht − Kontrolle)',
  'report.rule.interval': 'Intervall',
  'report.rule.intervalValue': '{level} (Welch)',
  'report.rule.minPerArm': 'Mindestzahl Führungskräfte je Gruppe',
  'report.rule.minPerArmValue': '{min} mit Daten an Tag {day}',
  'report.rule.secondary': 'Sekundäre Ergebnisse',
  'report.rule.noSecondary': 'keine',
  'report.rule.arms': 'Gruppen',
  'report.rule.method':
    '{method, select, roster {aus dem Roster} randomized {randomisiert} staggered {gestaffelt} other {{method}}}',
  'report.rule.stratified': 'geschichtet nach {by}',
  'report.rule.control': '{percent} Kontrolle',
  'report.rule.seed': 'Seed {seed}',
  'report.evidence.heading': '{number}. Evidenz und Urteil',
  'report.evidence.noRule':
    'Der Abschnitt nennt das primäre Ergebnis, den kleinsten skalierenswerten Effekt, das Intervallniveau und die Mindestzahl Führungskräfte je Gruppe, festgelegt vor der ersten Aufnahme.',
  'report.evidence.lead':
    'Die Entscheidungsregel unten wurde bei der ersten Aufnahme einer Führungskraft festgelegt{launched, select, other { ({launched})} none {}}. Der Effekt ist der Mittelwert der gecoachten Gruppe minus dem der Kontrollgruppe, mit einem {level}-Intervall: dem Bereich der Effekte, mit denen die Daten vereinbar sind. {go} verlangt das ganze Intervall über dem kleinsten skalierenswerten Effekt; {noGo} das ganze Intervall darunter; alles andere ist {inconclusive}.',
  'report.evidence.noDeviation':
    'Keine Abweichung: Es gilt die beim Start festgelegte Regel{launched, select, other { (erste Aufnahme {launched})} none {}}.',
  'report.evidence.deviationOn': 'Abweichung am {on}',
  'report.evidence.deviationVersion': 'Abweichung am {on} (Programmversion {version})',
  'report.evidence.notSet': 'nicht gesetzt',
  'report.evidence.underLaunchRule': 'Nach der beim Start festgelegten Regel wäre das Urteil: {verdict}',
  'report.evidence.rule': 'Entscheidungsregel',
  'report.evidence.perArm': 'Führungskräfte je Gruppe an Tag {day}',
  'report.evidence.noControlArm': 'keine Kontrollgruppe',
  'report.evidence.effectHeading': 'Effekt des Coachings (gecoacht − Kontrolle)',
  'report.evidence.intervalChart': 'Effekt {effect}, {level}-Intervall {lower} bis {upper}',
  'report.evidence.threshold': 'Schwelle {value}',
  'report.evidence.sdN': 'SD {sd}, n {n}',
  'report.evidence.range': '{lower} bis {upper}',
  'report.evidence.size':
    '{size, select, negligible {vernachlässigbar} small {klein} medium {mittel} other {groß}}',
  'report.evidence.outcome': 'Ergebnis',
  'report.evidence.coachedMean': 'Mittelwert gecoacht',
  'report.evidence.controlMean': 'Mittelwert Kontrolle',
  'report.evidence.effect': 'Effekt',
  'report.evidence.interval': '{level}-Intervall',
  'report.evidence.hedges': 'Hedges’ g',
  'report.evidence.secondaryNote':
    'Sekundäre Ergebnisse stehen als Kontext da; entscheidend ist nur das primäre Ergebnis. Hedges’ g ist der Effekt in Standardabweichungen (für kleine Stichproben korrigiert): etwa 0,2 ist klein, 0,5 mittel, 0,8 groß.',
  'report.evidence.missingData': 'Fehlende Daten',
  'report.evidence.midReviewRun':
    'Zwischenprüfung: erstmals am {on}{runs, plural, one {} other {, insgesamt # Mal}} (sie zeigt keinen Effekt).',
  'report.evidence.midReviewNever': 'Zwischenprüfung: nie durchgeführt.',
  'report.flow.enrolled': 'Aufgenommen (der Gruppe zugeteilt)',
  'report.flow.withData': 'Mit Daten am primären Checkpoint',
  'report.flow.lost': 'Verloren',
  'report.flow.noConsent': 'Einwilligung abgelehnt oder nie beantwortet',
  'report.flow.optedOut': 'ausgestiegen',
  'report.flow.noExperiment': 'kein Experiment angelegt',
  'report.flow.missed': 'Checkpoint verpasst',
  'report.flow.noValue': 'ohne Wert beantwortet',
  'report.flow.pending': 'Noch nicht fällig oder noch offen',
  'report.balance.heading': '{number}. Ausgewogenheit der Gruppen',
  'report.balance.fromRoster': 'Die Gruppen stammen aus der Spalte {code} des Rosters.',
  'report.balance.drawn':
    'Der Bot hat die Gruppen von {count} Führungskräften gezogen ({how}) mit Seed {seeds}: Jede Person kann sie mit {command} nachziehen.',
  'report.balance.waitlist': 'Die Kontrollgruppe ist eine Warteliste, gecoacht ab {from}.',
  'report.balance.lead':
    'Die Gruppen sollten sich vor Beginn des Coachings ähneln; ein großer Unterschied hier ist ein Grund zur Vorsicht beim Ergebnis.',
  'report.balance.enrolled': 'Aufgenommene Führungskräfte',
  'report.balance.withExperiment': 'Mit einem Experiment',
  'report.balance.ambition': 'Zielambition (Median der geplanten Veränderung, % des Ausgangswerts)',
  'report.timeline.heading': '{number}. Zeitleiste',
  'report.timeline.lead':
    'Was während des Pilots geschah: seine Checkpoints neben dem Störfaktor-Protokoll ({command}) – Umstrukturierungen, Einstellungsstopps und andere Veränderungen, die einen Teil eines Unterschieds erklären können.',
  'report.timeline.chart': 'Zeitleiste des Pilots',
  'report.timeline.date': 'Datum',
  'report.timeline.what': 'Was',
  'report.timeline.kind':
    '{kind, select, launch {Start} assignment {Gruppen} checkpoint {Checkpoint} waitlist {Warteliste} review {Prüfung} deviation {Regeländerung} note {Störfaktor} other {Bericht}}',
  'report.def.heading': 'So lesen Sie diesen Bericht',
  'report.def.leaders': 'Führungskräfte',
  'report.def.leadersText':
    'Personen im Programm (nie Kanäle), außer denen, deren einzige Rollen Mentor, Kurator oder Admin sind.',
  'report.def.invited': 'Eingeladen',
  'report.def.invitedText':
    'Jede Führungskraft auf dem Roster oder die den Bot angeschrieben hat; Einladungszeit ist die Roster-Einladung, sonst der erste Kontakt.',
  'report.def.consented': 'Eingewilligt',
  'report.def.consentedText':
    'Führungskräfte, die angenommen haben, einschließlich derer, die später ausgestiegen sind (getrennt gezeigt).',
  'report.def.experiment': 'Experiment angelegt',
  'report.def.experimentText':
    'Führungskräfte mit mindestens einem Verhaltensexperiment. Jede Führungskraft zählt mit einem Experiment: dem laufenden, sonst dem neuesten.',
  'report.def.answered': 'Tag N beantwortet',
  'report.def.answeredText':
    'Führungskräfte, die die Checkpoint-Umfrage von Tag N dieses Experiments beantwortet haben.',
  'report.def.responseRate': 'Antwortquote',
  'report.def.responseRateText':
    'Beantwortete Checkpoint-Umfragen von den gesendeten; beantwortete Impulse (jede Schaltfläche) von den zugestellten und „Gemacht“ von den zugestellten.',
  'report.def.practice': 'Übung',
  'report.def.practiceText':
    'Die erste Checkpoint-Antwort: 1 noch nicht, 2 einmal, 3 ein paar Mal, 4 an den meisten Tagen, 5 täglich.',
  'report.def.wayToTarget': 'Weg zum Ziel',
  'report.def.wayToTargetText':
    '(Wert − Ausgangswert) / (Ziel − Ausgangswert) × 100 je Führungskraft: 0 % ist der Ausgangswert, 100 % das Ziel, eine negative Zahl eine Veränderung in die falsche Richtung.',
  'report.def.improved': 'KPI verbessert',
  'report.def.improvedText':
    'Die Veränderung zum Ausgangswert ist unter Berücksichtigung der Richtung eine Verbesserung.',
  'report.def.outcomeFigures': 'Ergebniszahlen',
  'report.def.outcomeFiguresText':
    'Führungskräfte, deren Einwilligung besteht; mit Kontrollgruppe nur die gecoachte Gruppe (die Kontrolle steht in Abschnitt 4).',
  'report.def.charter': 'Vereinbarung abgeschlossen',
  'report.def.charterText':
    'Paare, mindestens so alt wie die Frist des Programms für die Vereinbarung, deren Mentorin oder Mentor eine Vereinbarung bestätigt hat.',
  'report.def.milestones': 'Meilensteine pünktlich',
  'report.def.milestonesText':
    'Bestätigt (erreicht, teilweise oder noch nicht) spätestens einen Tag nach dem Fälligkeitsdatum, von den Meilensteinen, die fällig wurden, während das Paar bestand.',
  'report.def.alertAction': 'Hinweis → Handlung',
  'report.def.alertActionText':
    'Stunden von einem Hinweis an die Kuratoren bis zu ihrer ersten Entscheidung (neu vermitteln, nachfragen, zurückstellen oder beenden).',
  'report.def.budget': 'Budgetnutzung',
  'report.def.budgetText':
    'Zugestellte budgetierte Nachrichten je Person und lokaler Woche, für Wochen mit mindestens einer.',
  'report.def.suppressed': 'Unterdrückt (n<5)',
  'report.def.suppressedText':
    'Eine Zahl, die weniger als 5 Personen beschreiben würde, wird verborgen: Anzahlen von 1–4 Personen, Mittelwerte und Mediane über weniger als 5 Beitragende und Anteile, deren Zähler oder Nenner 1–4 Personen umfasst.',
  'report.mid.title': 'Zwischenprüfung',
  'report.mid.meta':
    'Zwischenprüfung des Pilots · Programm {program} (Einstellungen Version {version}) · erstmals {firstRun}{runs} · erstellt {generated}',
  'report.mid.runs': ', {runs} Mal durchgeführt',
  'report.mid.noEffect': 'Hier wird kein Effekt gezeigt.',
  'report.mid.ruleHeading': '1. Entscheidungsregel',
  'report.mid.noRule':
    'Es ist keine Entscheidungsregel festgelegt: Ergänzen Sie das Programm vor dem Ende des Pilots um einen Abschnitt {code}.',
  'report.mid.responsesLead':
    'Beantwortete Checkpoint-Umfragen von den gesendeten, je Gruppe. Ein Unterschied zwischen den Gruppen sollte jetzt angegangen werden: Später wird er zu fehlenden Daten.',
  'report.mid.quality': '3. Datenqualität',
  'report.mid.warning': '{leaders} Führungskräfte: {text}.',
  'report.mid.fewerThanFive': 'Weniger als 5',
  'report.mid.noWarning': 'Keine Warnung zur Datenqualität.',
  'report.mid.footer': 'coachloop-Zwischenprüfung',
  'report.csv.pseudonym': 'Pseudonym',
  'report.csv.arm': 'Gruppe',
  'report.csv.experiment_status': 'Status des Experiments',
  'report.csv.kpi_direction': 'KPI-Richtung',
  'report.csv.kpi_baseline': 'KPI-Ausgangswert',
  'report.csv.kpi_target': 'KPI-Ziel',
  'report.csv.checkpoint_day': 'Checkpoint-Tag',
  'report.csv.survey_status': 'Status der Umfrage',
  'report.csv.practice': 'Übung',
  'report.csv.confidence': 'Zuversicht',
  'report.csv.kpi_value': 'KPI-Wert',
  'report.csv.kpi_improvement': 'KPI-Verbesserung',
  'report.csv.pct_of_target': '% des Wegs zum Ziel',
  'report.csv.section': 'Abschnitt',
  'report.csv.metric': 'Kennzahl',
  'report.csv.group': 'Bezugsgruppe',
  'report.csv.value': 'Wert',
  'report.csv.numerator': 'Zähler',
  'report.csv.denominator': 'Nenner',
  'report.csv.people': 'Personen',
  'report.csv.suppressed': 'unterdrückt',
} satisfies Partial<Catalog>;
