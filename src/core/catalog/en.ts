/**
 * Every sentence coachloop says in chat, in English, by key. ICU MessageFormat: `{name}` is a parameter,
 * `{n, plural, one {# day} other {# days}}` a plural, `{when, date, day}` a date in the reader's zone (the
 * named formats are `day`, `dayTime` and `iso`). The tiny markup is the same on every channel: *bold*,
 * _italic_, and `/coach word` for a command (Teams shows it as the word to type).
 *
 * A translation is a file like this one with the same keys and the same parameters; the catalog test
 * names every key it lacks or adds.
 */
export const en = {
  // ---- everyday words ------------------------------------------------------------------------------
  'common.genericFailure':
    'Something went wrong on our side; nothing was saved. Please try again in a minute.',
  'common.notAllowed': "That isn't yours to change.",
  'common.curatorsOnly': 'Only curators can do that.',
  'common.buttonInvalid': 'That button is not valid any more.',
  'common.buttonOutdated': 'That button is out of date.',
  'common.formOutdated': 'That form is out of date; please open it again.',
  'common.formUnreadable': 'That form could not be read; please reopen it.',
  'common.requestUnreadable': 'That request was not understood.',
  'common.alreadyDone': 'Already done.',
  'common.cancel': 'Cancel',
  'common.back': 'Back',
  'common.openForm': 'Open the form',
  'common.someone': 'someone',
  'common.and': '{first} and {second}',

  // ---- validation (inline under a form field, or in a chat reply) --------------------------------------
  'validation.required': 'Please fill this in.',
  'validation.invalid': 'That does not fit here.',
  'validation.number': 'Please enter a number.',
  'validation.tooLong': 'Keep it under {max} characters.',
  'validation.date': 'Please give a date as YYYY-MM-DD.',
  'validation.realDate': 'That is not a real calendar date.',
  'validation.choose': 'Please choose one of the options.',
  'validation.experiment.behavior': 'Describe the behavior in a few words.',
  'validation.experiment.hypothesis': 'Say what you expect to change.',
  'validation.experiment.kpiName': 'Name the KPI.',
  'validation.experiment.kpiUnit': 'Give a unit, e.g. % or points.',
  'validation.experiment.direction': 'Choose whether higher or lower is better.',
  'validation.experiment.length': 'An experiment runs 8 to 16 weeks.',
  'validation.experiment.targetAbove': 'The target must be above the baseline when higher is better.',
  'validation.experiment.targetBelow': 'The target must be below the baseline when lower is better.',
  'validation.experiment.ended': 'This window has already ended; pick a later start date.',
  'validation.survey.practice': 'Choose how often you practised, 1 to 5.',
  'validation.survey.confidence': 'Choose your confidence, 1 to 5.',
  'validation.charter.fewWords': 'A few words, please.',
  'validation.charter.cadence': 'Choose weekly, biweekly or monthly.',
  'validation.charter.confidentiality': 'Both of you need to agree to keep what is said confidential.',
  'validation.charter.kpiNamesDiffer': 'The two KPIs need different names.',
  'validation.charter.milestoneOrder': 'The second milestone must come after the first.',
  'validation.charter.earlierPage': 'Earlier page: {problems}',
  'validation.charter.problem': '{field}: {message}',
  'validation.changes.comment': 'Say what should change.',
  'validation.curator.mentor': 'Pick the new mentor.',
  'validation.curator.reason': 'Give a short reason.',
  'validation.curator.note': 'Write a short note.',
  'validation.curator.days': 'Pick a number of days.',
  'validation.curator.menteeSelf': 'The mentee cannot mentor themselves.',
  'validation.curator.sameMentor': 'Pick someone other than the current mentor.',

  // ---- consent ------------------------------------------------------------------------------------------
  'consent.intro':
    "Hi! I'm the coaching companion for *{program}*. Before anything starts, here is what I keep and who sees it.",
  'consent.collectLabel': 'What I collect',
  'consent.collect':
    'Your experiment, your check-in answers, and when you reply to me. I never read your other chats.',
  'consent.whoLabel': 'Who sees it',
  'consent.who':
    'You. Your mentor sees your charter items. Curators see engagement signals only. Admins see totals for groups of 5 or more.',
  'consent.howLongLabel': 'How long',
  'consent.howLong':
    'Notes you type are deleted after {freeTextDays, plural, one {# day} other {# days}}; totals are kept {aggregateMonths, plural, one {# month} other {# months}}.',
  'consent.stopAnyTime':
    'You can stop at any time with `/coach optout`, or erase your data with `/coach forget-me`.',
  'consent.accept': 'Accept',
  'consent.decline': 'Decline',
  'consent.accepted': 'Thank you — you are in. Next: pick one behavior to experiment with.',
  'consent.acceptedShort': 'Thank you — you are in.',
  'consent.startExperiment': 'Start my experiment',
  'consent.declined': 'Understood — I will not message you about coaching. Nothing else about you is kept.',
  'consent.declinedShort': 'Understood — I will not message you about coaching.',
  'consent.pendingFirst':
    'Please accept or decline the consent message first (it is in our direct messages).',
  'consent.stoppedOfferedAgain':
    'You have stopped coaching messages. I have sent you the consent message again; accept it to start over.',

  // ---- first contact and installs --------------------------------------------------------------------------
  'welcome.sentConsent':
    "Welcome! I've sent you a direct message about what I keep and who sees it. Accept it there, then try again.",
  'welcome.hello':
    "Hi{named, select, yes { {name}} other {}}! I'm your coaching companion. First, a short note on what I keep and who sees it; once you accept, you can set up your experiment. Type `/coach help` any time.",
  'welcome.pending':
    "Hi{named, select, yes { {name}} other {}}! I'm your coaching companion. You'll find a short note on what I keep and who sees it; once you accept, we can start.",
  'welcome.back':
    'Welcome back{named, select, yes {, {name}} other {}}! Type `/coach status` to see where you are, or `/coach help` for what I understand.',
  'welcome.groupChat':
    'I work in a 1:1 chat with you, and in team channels for curators. Message me directly to get started.',
  'enrol.notEnrolled': "You're not enrolled in a coaching program yet. Ask your program admin to add you.",
  'enrol.notEnrolledYet': "You're not enrolled yet. Send me any message to get started.",
  'enrol.programMissing': 'The program "{program}" is not set up yet. Ask your program admin.',
  'enrol.noSuchProgram': 'No program named "{program}".',
  'enrol.nothingStored': 'I have nothing stored about you.',

  // ---- commands ----------------------------------------------------------------------------------------------
  'help.title': '*Coaching commands*:',
  'help.start': '• `/coach start` — set up (or edit) your behavior experiment',
  'help.status': '• `/coach status` — your experiment, next message and checkpoint answers',
  'help.checkin': '• `/coach checkin` — answer the current checkpoint now',
  'help.pause': '• `/coach pause` / `/coach resume` — pause or resume your experiment',
  'help.snooze': '• `/coach snooze 7` — no messages for a number of days, then they resume by themselves',
  'help.optout': '• `/coach optout` — stop all coaching messages',
  'help.forget':
    '• `/coach forget-me` — erase what I keep about you (your notes, experiment and charter texts); anonymous totals stay',
  'help.pair': '• `/coach pair @mentor @mentee` — pair two people (curators)',
  'command.unknown': 'I don\'t know "{word}".',
  'command.snoozeInvalid': 'Snooze takes a number of days from 1 to 60, e.g. `/coach snooze 7`.',
  'command.paused': 'Paused. No nudges or surveys until you `/coach resume`.',
  'command.resumed': 'Resumed. Your next message is planned; see `/coach status`.',
  'command.snoozed':
    'Snoozed for {days, plural, one {# day} other {# days}}, until {until, date, day}. Messages resume by themselves.',
  'command.optedOut': 'Done: you will get no more coaching messages. Your consent choice is recorded.',
  'command.forgotten':
    'Done: I erased your personal data and everything you typed (notes, experiment and charter texts). Only anonymous totals remain. You will not hear from me again unless you write to me.',
  'command.forgetUnavailable': 'Erasure is not available here; ask your program admin.',
  'command.noCheckpointOpen': 'No checkpoint is open right now. I will message you at the next one.',
  'command.pairUsage': 'Usage: `/coach pair @mentor @mentee` (mention both people).',
  'command.paired':
    'Paired {mentor} (mentor) with {mentee} (mentee).{waiting, select, yes { Introductions go out as soon as both have accepted the consent message.} other {}}',
  'help.language':
    '• `/coach language de` — the language I write to you in ({languages}); `/coach language auto` follows your platform',
  'command.languageSet': 'Done: from now on I write to you in {language}.',
  'command.languageAuto': 'Done: I follow your platform and program again; for now that is {language}.',
  'command.languageIs':
    'I write to you in {language}. Change it with `/coach language de`, or another of {languages}.',
  'command.languageUnknown': 'I don\'t speak "{word}" yet. Choose one of {languages}.',

  // ---- experiment ----------------------------------------------------------------------------------------------
  'experiment.form.title': 'Behavior experiment',
  'experiment.form.submit': 'Start experiment',
  'experiment.form.submitEdit': 'Save changes',
  'experiment.form.behavior': 'Behavior to practise',
  'experiment.form.behaviorPlaceholder': 'Ask before I tell in 1:1s',
  'experiment.form.hypothesis': 'Hypothesis',
  'experiment.form.hypothesisPlaceholder': 'If I ask first, my team will bring more of their own solutions',
  'experiment.form.kpiName': 'KPI name',
  'experiment.form.kpiNamePlaceholder': 'Ideas raised by the team per week',
  'experiment.form.kpiUnit': 'KPI unit',
  'experiment.form.kpiUnitPlaceholder': 'ideas',
  'experiment.form.baseline': 'Baseline',
  'experiment.form.target': 'Target',
  'experiment.form.direction': 'Which way is better?',
  'experiment.form.higher': 'Higher is better',
  'experiment.form.lower': 'Lower is better',
  'experiment.form.startDate': 'Start date',
  'experiment.form.length': 'Length (weeks)',
  'experiment.form.weeks': '{weeks} weeks',
  'experiment.saved':
    'Your experiment is set: *{behavior}*, {start} to {end}.{hasNext, select, yes { Your first message comes {next}.} other {}}',
  'experiment.updated':
    'Your experiment is updated (version {version}).{hasNext, select, yes { Your first message comes {next}.} other {}}',
  'experiment.savedHint': 'Type `/coach status` any time to see it, or `/coach start` to edit it.',
  'experiment.staleForm':
    'This form was already saved: *{behavior}* is at version {version}. Type `/coach start` to edit it again.',
  'experiment.staleFormNew': 'This form is out of date. Type `/coach start` to open a fresh one.',
  'experiment.notRunning': 'You have no running experiment. Start one with `/coach start`.',
  'experiment.alreadyPaused': 'Your experiment is already paused. Resume it with `/coach resume`.',
  'experiment.leadersOnly':
    'Behavior experiments are for the leaders in this program; your role here is different.',
  'experiment.snoozedWeek': 'Snoozed for a week.',
  'experiment.start': 'Start experiment',
  'experiment.edit': 'Edit experiment',
  'experiment.pause': 'Pause',
  'experiment.resume': 'Resume',
  'experiment.snoozeWeek': 'Snooze a week',

  // ---- status (App Home, status card, /coach status) --------------------------------------------------------
  'status.title': 'Your coaching experiment',
  'status.notEnrolled': "You're not enrolled in a coaching program yet. Send me a message to get started.",
  'status.consentPending':
    'You have not answered the consent message yet; nothing is stored about you until you do.',
  'status.consentStopped':
    'You have stopped coaching messages. I have sent you the consent message again in case you want to start over.',
  'status.noExperiment': 'No experiment yet. Start one with the *Start experiment* button or `/coach start`.',
  'status.experiment':
    '*Experiment:* {behavior} ({status, select, active {active} paused {paused} completed {completed} abandoned {abandoned} other {{status}}})',
  'status.hypothesis': '*Hypothesis:* {hypothesis}',
  'status.kpi': '*KPI:* {name} in {unit}, {direction, select, increase {higher} other {lower}} is better',
  'status.window': '*Window:* {start} to {end}',
  'status.trend': '*KPI trend:* {trend}',
  'status.trendTarget': '{points} · target {target}',
  'status.trendChange': '{points} · target {target} · {change} {unit} vs baseline',
  'status.checkpointAnswered':
    '• Day {day}: practice {practice}/5{hasConfidence, select, yes {, confidence {confidence}/5} other {}}',
  'status.checkpointOther':
    '• Day {day}: {status, select, open {open} reminded {reminded} missed {missed} other {{status}}}',
  'status.snoozed': '*Snoozed* until {until, date, day}.',
  'status.next':
    '*Next message:* {kind, select, nudge {nudge} checkpoint {checkpoint survey} checkpoint_reminder {checkpoint reminder} other {{kind}}} on {at, date, dayTime} ({zone})',
  'status.nextNone': '*Next message:* none scheduled',
  'status.nextWhen': '{at, date, dayTime} ({zone})',

  // ---- nudges --------------------------------------------------------------------------------------------------
  'nudge.did': 'Did it',
  'nudge.skip': 'Not this week',
  'nudge.snooze': 'Snooze a week',
  'nudge.answeredDid': 'Nice work — logged as done.',
  'nudge.answeredSkip': 'Noted: not this week. No judgement; next week is a fresh start.',
  'nudge.answeredSnooze': "Snoozed until {until, date, day}. I'll be quiet until then.",
  'nudge.alreadyAnswered': 'You already answered this one.',

  // ---- the wait-list of a staggered pilot ------------------------------------------------------------------------
  'waitlist.coachingStarts':
    'The comparison period of *{program}* is over. Thank you for answering the check-ins: they are what makes the pilot’s result trustworthy. From today you get the full coaching, like everyone else: nudges at your own time between the check-ins. {running, select, yes {They start with your experiment *{behavior}*.} other {Pick one behavior to practise and type `/coach start` to set up your experiment.}}',

  // ---- checkpoints ----------------------------------------------------------------------------------------------
  'survey.question':
    '{lead, select, reminder {A gentle reminder:} other {Time for a two-click check-in.}} Day {day} checkpoint for *{behavior}*: how often did you practise it lately?',
  'survey.practice1': '1 · Not yet',
  'survey.practice2': '2 · Once',
  'survey.practice3': '3 · A few times',
  'survey.practice4': '4 · Most days',
  'survey.practice5': '5 · Daily',
  'survey.confidence1': '1 – unsure',
  'survey.confidence2': '2',
  'survey.confidence3': '3',
  'survey.confidence4': '4',
  'survey.confidence5': '5 – very sure',
  'survey.thenDetails': 'Then one short step: {kpi} today and your confidence.',
  'survey.practiceSaved': 'Day {day} checkpoint: practice {practice}/5 saved. One more step:',
  'survey.addKpi': 'Add {kpi}',
  'survey.kpiToday': '*{kpi}* today, in {unit}',
  'survey.heading': 'Day {day} checkpoint',
  'survey.checkinIntro': 'Day {day} checkpoint for *{behavior}*',
  'survey.answered':
    'Day {day} checkpoint saved: practice {practice}/5{hasKpi, select, yes {, {kpi} {value} {unit} ({change} vs baseline)} other {}}{hasConfidence, select, yes {, confidence {confidence}/5} other {}}. Thank you!',
  'survey.changeAnswer': 'Change my answer',
  'survey.closed': 'The day {day} checkpoint has closed.',
  'survey.closedShort': 'This checkpoint has closed.',
  'survey.form.title': 'Checkpoint',
  'survey.form.submit': 'Save',
  'survey.form.kpiValue': 'KPI value today',
  'survey.form.confidence': 'Confidence you will keep it up',
  'survey.form.note': 'Anything to note? (only you and your coach see it)',
  'checkin.form.title': 'Checkpoint check-in',
  'checkin.form.practice': 'How often did you practise lately?',

  // ---- the pairing charter ----------------------------------------------------------------------------------------
  'charter.field.goals': 'Goals for this mentorship',
  'charter.field.kpi1Name': 'KPI 1',
  'charter.field.kpi1Baseline': 'KPI 1 baseline',
  'charter.field.kpi1Target': 'KPI 1 target',
  'charter.field.kpi2Name': 'KPI 2',
  'charter.field.kpi2Baseline': 'KPI 2 baseline',
  'charter.field.kpi2Target': 'KPI 2 target',
  'charter.field.milestone1': 'First milestone',
  'charter.field.milestone1Due': 'First milestone due',
  'charter.field.milestone2': 'Second milestone',
  'charter.field.milestone2Due': 'Second milestone due',
  'charter.field.cadence': 'Meeting cadence',
  'charter.field.confidentiality': 'Confidentiality',
  'charter.field.mentorWill': 'The mentor will…',
  'charter.field.mentorWillNot': 'The mentor will not…',
  'charter.cadence.weekly': 'Weekly',
  'charter.cadence.biweekly': 'Every two weeks',
  'charter.cadence.monthly': 'Monthly',
  'charter.agree': 'We keep what we discuss between us',
  'charter.question.goals': 'What do you want from this mentorship? Two or three goals in your own words.',
  'charter.question.kpi1Name': 'Name the first KPI you want to move (e.g. "stakeholder alignment score").',
  'charter.question.kpi1Baseline': 'Where is KPI 1 today? (a number)',
  'charter.question.kpi1Target': 'Where should KPI 1 be by the end? (a number)',
  'charter.question.kpi2Name': 'Name the second KPI.',
  'charter.question.kpi2Baseline': 'Where is KPI 2 today? (a number)',
  'charter.question.kpi2Target': 'Where should KPI 2 be by the end? (a number)',
  'charter.question.milestone1': 'Describe your first milestone (about 90 days in).',
  'charter.question.milestone1Due': 'When is the first milestone due? (YYYY-MM-DD)',
  'charter.question.milestone2': 'Describe your second milestone (about 180 days in).',
  'charter.question.milestone2Due': 'When is the second milestone due? (YYYY-MM-DD)',
  'charter.question.cadence': 'How often will you meet: weekly, biweekly or monthly?',
  'charter.question.confidentiality':
    'Do you agree to keep what you discuss between the two of you? Answer "agree".',
  'charter.question.mentorWill':
    'What will your mentor do for you? (e.g. review my plan, introduce me to peers)',
  'charter.question.mentorWillNot':
    "What is outside the mentor's role? (e.g. not my manager, no performance ratings)",
  'charter.page1': 'Charter 1/3: goals',
  'charter.page2': 'Charter 2/3: plan',
  'charter.page3': 'Charter 3/3: roles',
  'charter.next': 'Next',
  'charter.send': 'Send to mentor',
  'charter.pageIntro': 'Your answers are saved after every page; you can come back to it any time.',
  'charter.summary.goals': 'Goals',
  'charter.summary.kpi1': 'KPI 1',
  'charter.summary.kpi2': 'KPI 2',
  'charter.summary.kpi': '{name}: {baseline} → {target}',
  'charter.summary.milestones': 'Milestones',
  'charter.summary.milestone': '{description} (due {due})',
  'charter.summary.cadence': 'Cadence',
  'charter.summary.confidentiality': 'Confidentiality',
  'charter.summary.agreed': 'Agreed: what we discuss stays between us',
  'charter.summary.will': 'The mentor will',
  'charter.summary.willNot': 'The mentor will not',
  'charter.sentToMentor':
    'Your charter is on its way to your mentor. I will tell you when they confirm it or ask for changes.',
  'charter.thanksSent': 'Thanks! Your charter (version {version}) is with {mentor} to confirm.',
  'charter.withMentor': 'Your charter is with your mentor now; you can edit it if they ask for changes.',
  'charter.alreadyWithMentor': 'Your charter is already with your mentor.',
  'charter.incomplete': 'The charter is not complete yet.',
  'charter.chatStart': 'Let\'s do your charter step by step. Reply "stop" any time; your answers are kept.',
  'charter.chatAllAnswered': 'Everything is answered. Reply "send" to send the charter to your mentor.',
  'charter.chatMovedHere': "Let's do it in the chat: I've asked the first question.",
  'charter.chatPaused':
    'Paused. Your answers are saved; pick up where you left off with the charter button any time.',
  'charter.chatSaved': 'Saved. {question}',
  'charter.chatNoFit': "That doesn't fit: {error} {question}",
  'charter.chatAlmost': 'Almost there, but {error} {question}',
  'charter.chatFix': '{error} {question}',
  'charter.review': '*{mentee}* sent your mentoring charter (version {version}). Does it work for you?',
  'charter.confirm': 'Confirm charter',
  'charter.askChanges': 'Ask for changes',
  'charter.confirmed': 'You confirmed the charter (version {version}). It is active now.',
  'charter.alreadyConfirmed': 'This charter is already confirmed.',
  'charter.notWaiting': 'This version is no longer waiting for you.',
  'charter.activeForMentee':
    '{mentor} confirmed your charter. It is active now; milestones are due {first} and {second}.',
  'charter.changesRequested':
    '*{mentor}* asked for changes to your charter: "{comment}". Your earlier answers are kept; edit what needs it and send it again.',
  'charter.editForm': 'Edit in a form',
  'charter.editChat': 'Edit step by step in chat',
  'charter.changesSent': "You asked for changes to version {version}. I've passed your comment on.",
  'changes.form.title': 'Ask for changes',
  'changes.form.submit': 'Send',
  'changes.form.comment': 'What should change?',

  // ---- pairs ----------------------------------------------------------------------------------------------------
  'pair.introMentor':
    "You're now mentoring *{mentee}*. They will draft your charter (goals, two KPIs, milestones, cadence, boundaries); I'll send it to you to confirm or ask for changes.",
  'pair.introMentee':
    "You're paired with *{mentor}* as your mentor. First step: your charter — goals, two KPIs, milestones at 90 and 180 days, how often you meet, confidentiality and what your mentor will and won't do. Your answers are saved after every step.",
  'pair.fillForm': 'Fill it in a form',
  'pair.fillChat': 'Answer step by step in chat',
  'pair.closed': 'This pairing has been closed.',
  'pair.selfMentor': 'A person cannot mentor themselves.',
  'pair.alreadyPaired': 'These two are already an active pair.',
  'pair.nudge':
    "A friendly check-in: it's been a while since you and *{other}* updated your mentorship here. Is a conversation on the calendar? A quick charter or milestone update keeps things on track.",
  'pair.yourMentor': 'your mentor',
  'pair.yourMentee': 'your mentee',
  'pair.yourPartner': 'your partner',
  'pair.mentor': 'mentor',
  'pair.mentee': 'mentee',
  'pair.rematchedMentee':
    "Your program team has paired you with a new mentor, {mentor}. Sometimes a fresh match suits the season you're in; thank you for the work so far. Your new charter starts from a clean page.",
  'pair.rematchedMentor':
    'Thank you for mentoring {mentee}. The program team has arranged a new pairing for them that fits their current goals better; nothing is needed from you.',
  'pair.curatorNote': 'A note from your program team: {note}',
  'pair.closedMentee':
    'Your mentoring pairing with {mentor} has come to a close. Thank you for the time you both gave it.',
  'pair.closedMentor':
    'Your mentoring pairing with {mentee} has come to a close. Thank you for the time you gave it.',

  // ---- milestones -------------------------------------------------------------------------------------------------
  'milestone.reminder': 'Milestone with *{mentee}* due {due}: "{description}". How did it go?',
  'milestone.met': 'Met',
  'milestone.partly': 'Partly',
  'milestone.notYet': 'Not yet',
  'milestone.answer':
    '{answer, select, met {met} partly {partly met} not_yet {not met yet} other {{answer}}}',
  'milestone.confirmed':
    'Milestone "{description}" confirmed as *{answer, select, met {met} partly {partly met} not_yet {not met yet} other {{answer}}}*.{noted, select, yes { Note added.} other {}}',
  'milestone.addNote': 'Add a note',
  'milestone.toMentee':
    '{mentor} marked the milestone "{description}" as {answer, select, met {met} partly {partly met} not_yet {not met yet} other {{answer}}}.',
  'milestone.noteToMentee': '{mentor} added a note to "{description}": {note}',
  'milestone.noteIntro': 'Milestone "{description}", due {due}.',
  'note.form.title': 'Milestone note',
  'note.form.submit': 'Save',
  'note.form.note': 'Note for your mentee (optional)',

  // ---- engagement and curators -------------------------------------------------------------------------------------
  'engagement.charterUnfinished': 'charter not finished {days} days after pairing',
  'engagement.milestoneLate':
    'milestone "{description}" {confirmed, select, yes {confirmed} other {unconfirmed}} {days} days after its due date',
  'engagement.personQuiet':
    '{role, select, mentor {mentor} other {mentee}} {name} has not interacted with the bot for {days} days',
  'engagement.checkinMissed':
    'mentee missed {count, plural, one {# checkpoint check-in} other {# checkpoint check-ins}}',
  'engagement.reason': '• {reason} (−{points})',
  'engagement.reasonPlain': '• {reason}',
  'engagement.noSignals': '• no signals',
  'alert.low':
    'Engagement is low for the pair *{mentee}* (mentee) and *{mentor}* (mentor): {score}/100, under the threshold of {threshold}.',
  'alert.afterNudge':
    'The pair already had a friendly nudge and a grace period. Nothing changes until a curator decides.',
  'alert.rematch': 'Re-match',
  'alert.checkin': 'Check in with the pair',
  'alert.snooze': 'Snooze this alert',
  'alert.close': 'Close the pair',
  'alert.unreachable': '⚠ {people} cannot be reached on their chat platform (blocked or removed the app).',
  'alert.handled':
    'Pair *{mentee}* (mentee) and *{mentor}* (mentor), {score}/100: *{curator}* {action, select, rematch {re-matched the mentee} checkin {checked in with the pair} snooze {snoozed this alert} close {closed the pair} other {handled this alert}} on {at}.{hasDetail, select, yes { {detail}} other {}}',
  'alert.alreadyHandled': 'This alert was already handled.',
  'alert.alreadyHandledBy': 'This alert was already handled by {curator}.',
  'alert.anotherCurator': 'another curator',
  'alert.aCurator': 'A curator',
  'alert.summaryRematch': 'New mentor: {mentor}.',
  'alert.summaryCheckin': 'A note went to both.',
  'alert.summarySnooze': 'No new alert for this pair until {until}.',
  'alert.summaryClose': 'The pair is closed.',
  'alert.noPeople': 'Nobody else can be picked as the new mentor here. Add them to the team first.',
  'alert.peopleUnavailable': "I couldn't read the members just now; please try again in a minute.",
  'alert.unreachablePerson':
    '*{person}* can no longer be reached in {platform, select, teams {Teams} other {Slack}} ({reason}). Their coaching messages are stopped until they message the bot again.',
  'alert.aParticipant': 'A participant',
  'rematch.form.title': 'Re-match the mentee',
  'rematch.form.submit': 'Re-match',
  'rematch.form.mentor': 'New mentor',
  'rematch.form.reason': 'Reason (kept in the audit log, not shown to the pair)',
  'pairCheckin.form.title': 'Check in with the pair',
  'pairCheckin.form.submit': 'Send to both',
  'pairCheckin.form.note': 'A short note to both of them',
  'snooze.form.title': 'Snooze this alert',
  'snooze.form.submit': 'Snooze',
  'snooze.form.days': 'For how long?',
  'snooze.form.option': '{days} days',
  'close.form.title': 'Close the pair',
  'close.form.submit': 'Close pair',
  'close.form.reason': 'Reason (kept in the audit log)',

  // ---- curator channel -------------------------------------------------------------------------------------------
  'channel.help':
    "I'm the coaching companion. In a team channel I do one thing: post curator alerts about mentor pairs whose engagement runs low, with buttons to re-match, check in, snooze or close (curators only).\n• `/coach claim` — a curator makes this channel the place for curator alerts\n• `/coach pair @mentor @mentee` — a curator pairs two people\n• `/coach help` — this message\nFor your own coaching, message me in a 1:1 chat.",
  'channel.unknown':
    'In a team channel I understand `/coach claim`, `/coach pair` and `/coach help`. For your own coaching, message me in a 1:1 chat.',
  'channel.claimElsewhere':
    'Claiming works in a team channel: add me to the channel where curators want alerts and type `/coach claim` there (mention me).',
  'channel.claimNotCurator':
    'Only curators can claim a channel for curator alerts. Ask your program admin to add you to CURATORS as {platform}:{user}.',
  'channel.claimConfigured':
    'Curator alerts go to the channel set in the configuration; change that setting to move them here.',
  'channel.claimed': 'Done: curator alerts for this organization now come to this channel ({channel}).',
  'channel.helloCurators':
    'Hi! Curator alerts about mentor pairs will come to this channel. Only curators can act on them.',
  'channel.hello': "Hi! I'm the coaching companion. For your own coaching, message me in a 1:1 chat.",
  'channel.helloClaim':
    "Hi! I'm the coaching companion. A curator can mention me with `/coach claim` in the channel that should receive curator alerts. For your own coaching, message me in a 1:1 chat.",

  // ---- matching (proposals for curators) -------------------------------------------------------------------------
  'match.reason.topics':
    'shares {count, plural, one {# of {wanted} topics} other {# of {wanted} topics}}: {topics} (+{points})',
  'match.reason.department':
    '{same, select, yes {same department, {mentor}} other {another department: {mentor}, not {mentee}}} (+{points})',
  'match.reason.level':
    '{gap, plural, =0 {the same level} one {one level above} other {# levels above}} (+{points})',
  'match.reason.timezone': '{hours, number} working hours a day in common (+{points})',
  'match.unmatched':
    'no match: {constraint, select, no_mentors {there are no mentors} capacity {every mentor who fits is taken} reporting_line {only mentors in the reporting line} not_with {only mentors someone asked not to be matched with} closed_before {only mentors paired with before} overlap {too few working hours in common} language {no shared language} other {no mentor fits}} ({detail})',
  'match.blocker':
    '{constraint, select, no_mentors {no mentors} capacity {full} reporting_line {reporting line} not_with {not with} closed_before {paired before} overlap {working hours} language {language} other {other}}: {mentors, plural, one {# mentor} other {# mentors}}',
  'match.review.title':
    'Matching proposals for *{program}*: {count, plural, one {# proposal} other {# proposals}}, {open} still to decide. Nothing is paired until a curator approves; approved pairs are introduced once both have accepted.',
  'match.review.proposal': '*{mentee}* with mentor *{mentor}* (fit {fit})',
  'match.review.candidate': '*{mentor}* (fit {fit})',
  'match.review.reasonLine': '• {reason}',
  'match.review.approve': 'Approve',
  'match.review.another': 'Choose another',
  'match.review.reject': 'Reject',
  'match.review.pick': 'Pair with {mentor}',
  'match.review.noAlternatives': 'No other mentor passes every constraint and has a free slot.',
  'match.review.decided':
    '{status, select, approved {Approved by *{curator}* on {at}.} changed {*{curator}* chose *{mentor}* instead on {at}.} other {Rejected by *{curator}* on {at}.}}',
  'match.review.alreadyDecided': 'A curator has already decided on this proposal.',
  'match.review.notAlternative': 'That mentor is not one of the alternatives any more.',
  'match.review.mentorFull': '{mentor} has no free slot any more; choose another mentor.',
  'match.review.menteePaired': '{mentee} has a mentor already.',

  // ---- the pair's voice --------------------------------------------------------------------------------------------
  'help.pairStatus':
    "• `/coach pair status` — your mentoring pair's engagement score and the reasons behind it",
  'help.notWith':
    '• `/coach notwith @person` — privately, never be matched with someone (`/coach notwith` lists them)',
  'pairStatus.none': "You're not in an active mentoring pair right now.",
  'pairStatus.pair':
    'Your pair with *{other}* ({role, select, mentor {your mentee} other {your mentor}}): *{score}/100*. {low, select, yes {That is under {threshold}: first you both get a friendly nudge, and if it stays low after a grace period the curators are asked to look.} other {Curators are asked to look only if it falls under {threshold} and stays there after a friendly nudge.}}',
  'pairStatus.reasons': 'What the bot sees (never your conversations):',
  'notWith.added':
    "Noted, privately: I won't propose {people} as your match. Nobody else sees this list, and the people on it are not told. `/coach notwith` shows the list; `/coach notwith remove @person` takes someone off.",
  'notWith.removed': 'Taken off your "not with" list: {people}.',
  'notWith.notListed': 'They were not on your "not with" list.',
  'notWith.list': 'Your private "not with" list (only you see it): {people}.',
  'notWith.empty':
    'Your private "not with" list is empty. `/coach notwith @person` keeps the matcher from proposing someone as your match; nobody else sees the list.',
  'notWith.self': 'That is you. Mention the person you would rather not be matched with.',
  'notWith.answeredInChat': "I've answered you in our 1:1 chat.",
  'notWith.unknownEmail': 'I know nobody in the program by that email.',
  'rematch.suggestions': 'Suggested by the matcher (a starting point; pick anyone below):',
  'rematch.noSuggestions':
    'The matcher has no suggestion: no other mentor passes every constraint with a free slot.',
  'voice.fine': "We're fine — we meet offline",
  'voice.newMatch': "I'd like a new match",
  'voice.fineForm.title': "We're fine",
  'voice.fineForm.submit': 'Send',
  'voice.fineForm.note': 'Anything to add? (optional, kept private to the program team)',
  'voice.fineThanks': 'Thanks — noted that you two meet offline.',
  'voice.newMatchSent':
    "Sent privately to the program's curators: you'd like a new match. It is nobody's fault, and {other} is not told. A curator will be in touch.",
  'voice.newMatchAlready': 'Your request for a new match is already with the curators.',
  'alert.matchRequested':
    'A new match is asked for in the pair *{mentee}* (mentee) and *{mentor}* (mentor) — a no-fault request, not shown to the other person. Engagement {score}/100.',
  'engagement.matchRequested':
    'the {role, select, mentor {mentor} other {mentee}} {name} asked for a new match (no fault)',
  // ---- pair check-ins on the charter's cadence -----------------------------------------------------------
  'meeting.ask':
    'Pair check-in: did you and *{other}* meet since {since, date, day}? Only the program team sees the answers.',
  'meeting.yes': 'Yes',
  'meeting.notYet': 'Not yet',
  'meeting.skip': 'We skip this one',
  'meeting.answered':
    '{answer, select, not_yet {Noted: not yet. Nobody is told off for it — try to find a time soon.} other {Noted: you two skip this one. It does not count as a missed meeting.}}',
  'meeting.howUseful': 'Glad you met. How useful was it, from 1 (not much) to 5 (very)? Optional.',
  'meeting.usefulness': '{n}',
  'meeting.rated': 'Thanks: you met, and it was {n} of 5 useful.',
  'meeting.addNote': 'Add a note',
  'meeting.noteForm.title': 'Your meeting',
  'meeting.noteForm.submit': 'Save',
  'meeting.noteForm.note': 'A note for the program team (kept private, never shown to your partner)',
  'meeting.noted': 'Thanks — your note is saved.',
  'meeting.closedRound': 'That check-in is closed: a newer one has been asked.',
  'engagement.meetingsMissed':
    'met {met} of {expected} expected {expected, plural, one {time} other {times}}',
} as const;
