import type { Catalog } from './index.js';

/** French, addressing people with "vous" as is usual at work. Same keys and parameters as `en.ts`. */
export const fr = {
  // ---- everyday words ------------------------------------------------------------------------------
  'common.genericFailure':
    'Un problème est survenu de notre côté ; rien n’a été enregistré. Merci de réessayer dans une minute.',
  'common.notAllowed': 'Ce n’est pas à vous de modifier cela.',
  'common.curatorsOnly': 'Seuls les curateurs peuvent faire cela.',
  'common.buttonInvalid': 'Ce bouton n’est plus valable.',
  'common.buttonOutdated': 'Ce bouton n’est plus à jour.',
  'common.formOutdated': 'Ce formulaire n’est plus à jour ; merci de le rouvrir.',
  'common.formUnreadable': 'Ce formulaire n’a pas pu être lu ; merci de le rouvrir.',
  'common.requestUnreadable': 'Je n’ai pas compris cette demande.',
  'common.alreadyDone': 'C’est déjà fait.',
  'common.cancel': 'Annuler',
  'common.back': 'Retour',
  'common.openForm': 'Ouvrir le formulaire',
  'common.someone': 'quelqu’un',
  'common.and': '{first} et {second}',

  // ---- validation --------------------------------------------------------------------------------------
  'validation.required': 'Merci de remplir ce champ.',
  'validation.invalid': 'Cela ne convient pas ici.',
  'validation.number': 'Merci de saisir un nombre.',
  'validation.tooLong': 'Restez sous {max} caractères.',
  'validation.date': 'Merci d’indiquer une date au format AAAA-MM-JJ.',
  'validation.realDate': 'Cette date n’existe pas dans le calendrier.',
  'validation.choose': 'Merci de choisir une des options.',
  'validation.experiment.behavior': 'Décrivez le comportement en quelques mots.',
  'validation.experiment.hypothesis': 'Dites ce qui devrait changer selon vous.',
  'validation.experiment.kpiName': 'Nommez l’indicateur.',
  'validation.experiment.kpiUnit': 'Indiquez une unité, par ex. % ou points.',
  'validation.experiment.direction': 'Choisissez si plus haut ou plus bas est mieux.',
  'validation.experiment.length': 'Une expérience dure de 8 à 16 semaines.',
  'validation.experiment.targetAbove':
    'L’objectif doit être au-dessus du point de départ quand plus haut est mieux.',
  'validation.experiment.targetBelow':
    'L’objectif doit être en dessous du point de départ quand plus bas est mieux.',
  'validation.experiment.ended':
    'Cette période est déjà terminée ; choisissez une date de début plus tardive.',
  'validation.survey.practice': 'Choisissez à quelle fréquence vous avez pratiqué, de 1 à 5.',
  'validation.survey.confidence': 'Choisissez votre confiance, de 1 à 5.',
  'validation.charter.fewWords': 'Quelques mots, s’il vous plaît.',
  'validation.charter.cadence': 'Choisissez hebdomadaire, toutes les deux semaines ou mensuel.',
  'validation.charter.confidentiality':
    'Vous devez tous les deux accepter de garder confidentiel ce qui est dit.',
  'validation.charter.kpiNamesDiffer': 'Les deux indicateurs doivent avoir des noms différents.',
  'validation.charter.milestoneOrder': 'Le second jalon doit venir après le premier.',
  'validation.charter.earlierPage': 'Page précédente : {problems}',
  'validation.charter.problem': '{field} : {message}',
  'validation.changes.comment': 'Dites ce qui doit changer.',
  'validation.curator.mentor': 'Choisissez le nouveau mentor.',
  'validation.curator.reason': 'Donnez une raison courte.',
  'validation.curator.note': 'Écrivez une courte note.',
  'validation.curator.days': 'Choisissez un nombre de jours.',
  'validation.curator.menteeSelf': 'La personne mentorée ne peut pas être son propre mentor.',
  'validation.curator.sameMentor': 'Choisissez quelqu’un d’autre que le mentor actuel.',

  // ---- consent ------------------------------------------------------------------------------------------
  'consent.intro':
    'Bonjour ! Je suis le compagnon de coaching de *{program}*. Avant de commencer, voici ce que je conserve et qui le voit.',
  'consent.collectLabel': 'Ce que je conserve',
  'consent.collect':
    'Votre expérience, vos réponses aux points d’étape et le moment où vous me répondez. Je ne lis jamais vos autres conversations.',
  'consent.whoLabel': 'Qui le voit',
  'consent.who':
    'Vous. Votre mentor voit les éléments de votre charte. Les curateurs ne voient que des signaux d’engagement. Les admins voient des totaux pour des groupes de 5 personnes ou plus.',
  'consent.howLongLabel': 'Combien de temps',
  'consent.howLong':
    'Les notes que vous saisissez sont supprimées après {freeTextDays, plural, one {# jour} other {# jours}} ; les totaux sont gardés {aggregateMonths, plural, one {# mois} other {# mois}}.',
  'consent.stopAnyTime':
    'Vous pouvez arrêter à tout moment avec `/coach optout`, ou effacer vos données avec `/coach forget-me`.',
  'consent.accept': 'Accepter',
  'consent.decline': 'Refuser',
  'consent.accepted':
    'Merci, vous êtes inscrit. Prochaine étape : choisissez un comportement à expérimenter.',
  'consent.acceptedShort': 'Merci, vous êtes inscrit.',
  'consent.startExperiment': 'Lancer mon expérience',
  'consent.declined':
    'C’est noté : je ne vous écrirai pas au sujet du coaching. Rien d’autre n’est conservé à votre sujet.',
  'consent.declinedShort': 'C’est noté : je ne vous écrirai pas au sujet du coaching.',
  'consent.pendingFirst':
    'Merci d’abord d’accepter ou de refuser le message de consentement (il est dans nos messages directs).',
  'consent.stoppedOfferedAgain':
    'Vous avez arrêté les messages de coaching. Je vous ai renvoyé le message de consentement ; acceptez-le pour recommencer.',

  // ---- first contact and installs ----------------------------------------------------------------------------
  'welcome.sentConsent':
    'Bienvenue ! Je vous ai envoyé un message direct sur ce que je conserve et qui le voit. Acceptez-le là-bas, puis réessayez.',
  'welcome.hello':
    'Bonjour{named, select, yes { {name}} other {}} ! Je suis votre compagnon de coaching. D’abord, une courte note sur ce que je conserve et qui le voit ; une fois acceptée, vous pourrez créer votre expérience. Tapez `/coach help` à tout moment.',
  'welcome.pending':
    'Bonjour{named, select, yes { {name}} other {}} ! Je suis votre compagnon de coaching. Vous trouverez une courte note sur ce que je conserve et qui le voit ; une fois acceptée, nous pourrons commencer.',
  'welcome.back':
    'Bon retour{named, select, yes {, {name}} other {}} ! Tapez `/coach status` pour voir où vous en êtes, ou `/coach help` pour ce que je comprends.',
  'welcome.groupChat':
    'Je travaille en conversation individuelle avec vous, et dans les canaux d’équipe pour les curateurs. Écrivez-moi directement pour commencer.',
  'enrol.notEnrolled':
    'Vous n’êtes encore inscrit à aucun programme de coaching. Demandez à l’admin de votre programme de vous ajouter.',
  'enrol.notEnrolledYet': 'Vous n’êtes pas encore inscrit. Envoyez-moi un message pour commencer.',
  'enrol.programMissing':
    'Le programme « {program} » n’est pas encore configuré. Demandez à l’admin de votre programme.',
  'enrol.noSuchProgram': 'Aucun programme ne s’appelle « {program} ».',
  'enrol.nothingStored': 'Je ne conserve rien à votre sujet.',

  // ---- commands ------------------------------------------------------------------------------------------------
  'help.title': '*Commandes de coaching* :',
  'help.start': '• `/coach start` — créer (ou modifier) votre expérience de comportement',
  'help.status': '• `/coach status` — votre expérience, le prochain message et vos réponses',
  'help.checkin': '• `/coach checkin` — répondre maintenant au point d’étape en cours',
  'help.pause': '• `/coach pause` / `/coach resume` — mettre en pause ou reprendre votre expérience',
  'help.snooze':
    '• `/coach snooze 7` — aucun message pendant quelques jours, puis ils reprennent d’eux-mêmes',
  'help.optout': '• `/coach optout` — arrêter tous les messages de coaching',
  'help.forget':
    '• `/coach forget-me` — effacer ce que je conserve sur vous (notes, expérience et charte) ; les totaux anonymes restent',
  'help.pair': '• `/coach pair @mentor @mentee` — former un binôme (curateurs)',
  'command.unknown': 'Je ne connais pas « {word} ».',
  'command.snoozeInvalid': 'La mise en veille prend un nombre de jours de 1 à 60, par ex. `/coach snooze 7`.',
  'command.paused': 'En pause. Plus de rappels ni de questionnaires jusqu’à `/coach resume`.',
  'command.resumed': 'Repris. Votre prochain message est planifié ; voir `/coach status`.',
  'command.snoozed':
    'En veille pour {days, plural, one {# jour} other {# jours}}, jusqu’au {until, date, day}. Les messages reprennent d’eux-mêmes.',
  'command.optedOut':
    'C’est fait : vous ne recevrez plus de messages de coaching. Votre choix est enregistré.',
  'command.forgotten':
    'C’est fait : j’ai effacé vos données personnelles et tout ce que vous avez saisi (notes, expérience et charte). Seuls des totaux anonymes restent. Vous n’aurez plus de nouvelles de moi, sauf si vous m’écrivez.',
  'command.forgetUnavailable':
    'L’effacement n’est pas disponible ici ; demandez à l’admin de votre programme.',
  'command.noCheckpointOpen': 'Aucun point d’étape n’est ouvert pour le moment. Je vous écrirai au prochain.',
  'command.pairUsage': 'Utilisation : `/coach pair @mentor @mentee` (mentionnez les deux personnes).',
  'command.paired':
    '{mentor} (mentor) et {mentee} (mentoré) forment un binôme.{waiting, select, yes { Les présentations partent dès que les deux ont accepté le message de consentement.} other {}}',
  'help.language':
    '• `/coach language de` — la langue dans laquelle je vous écris ({languages}) ; `/coach language auto` suit votre plateforme',
  'command.languageSet': 'C’est fait : désormais je vous écris en {language}.',
  'command.languageAuto':
    'C’est fait : je suis de nouveau votre plateforme et votre programme ; pour l’instant, c’est {language}.',
  'command.languageIs':
    'Je vous écris en {language}. Changez-la avec `/coach language de`, ou une autre parmi {languages}.',
  'command.languageUnknown': 'Je ne parle pas encore « {word} ». Choisissez parmi {languages}.',

  // ---- experiment -------------------------------------------------------------------------------------------
  'experiment.form.title': 'Expérience de comportement',
  'experiment.form.submit': 'Lancer l’expérience',
  'experiment.form.submitEdit': 'Enregistrer',
  'experiment.form.behavior': 'Comportement à pratiquer',
  'experiment.form.behaviorPlaceholder': 'Demander avant de dire en tête-à-tête',
  'experiment.form.hypothesis': 'Hypothèse',
  'experiment.form.hypothesisPlaceholder':
    'Si je demande d’abord, mon équipe proposera davantage ses propres solutions',
  'experiment.form.kpiName': 'Nom de l’indicateur',
  'experiment.form.kpiNamePlaceholder': 'Idées proposées par l’équipe par semaine',
  'experiment.form.kpiUnit': 'Unité de l’indicateur',
  'experiment.form.kpiUnitPlaceholder': 'idées',
  'experiment.form.baseline': 'Point de départ',
  'experiment.form.target': 'Objectif',
  'experiment.form.direction': 'Dans quel sens est-ce mieux ?',
  'experiment.form.higher': 'Plus haut est mieux',
  'experiment.form.lower': 'Plus bas est mieux',
  'experiment.form.startDate': 'Date de début',
  'experiment.form.length': 'Durée (semaines)',
  'experiment.form.weeks': '{weeks} semaines',
  'experiment.saved':
    'Votre expérience est prête : *{behavior}*, du {start} au {end}.{hasNext, select, yes { Votre premier message arrive {next}.} other {}}',
  'experiment.updated':
    'Votre expérience est mise à jour (version {version}).{hasNext, select, yes { Votre premier message arrive {next}.} other {}}',
  'experiment.savedHint':
    'Tapez `/coach status` à tout moment pour la voir, ou `/coach start` pour la modifier.',
  'experiment.staleForm':
    'Ce formulaire a déjà été enregistré : *{behavior}* en est à la version {version}. Tapez `/coach start` pour la modifier à nouveau.',
  'experiment.staleFormNew':
    'Ce formulaire n’est plus à jour. Tapez `/coach start` pour en ouvrir un nouveau.',
  'experiment.notRunning': 'Vous n’avez pas d’expérience en cours. Lancez-en une avec `/coach start`.',
  'experiment.alreadyPaused': 'Votre expérience est déjà en pause. Reprenez-la avec `/coach resume`.',
  'experiment.leadersOnly':
    'Les expériences de comportement sont destinées aux managers de ce programme ; votre rôle ici est différent.',
  'experiment.snoozedWeek': 'En veille pour une semaine.',
  'experiment.start': 'Lancer l’expérience',
  'experiment.edit': 'Modifier l’expérience',
  'experiment.pause': 'Pause',
  'experiment.resume': 'Reprendre',
  'experiment.snoozeWeek': 'Veille d’une semaine',

  // ---- status ------------------------------------------------------------------------------------------------
  'status.title': 'Votre expérience de coaching',
  'status.notEnrolled':
    'Vous n’êtes encore inscrit à aucun programme de coaching. Envoyez-moi un message pour commencer.',
  'status.consentPending':
    'Vous n’avez pas encore répondu au message de consentement ; rien n’est conservé à votre sujet d’ici là.',
  'status.consentStopped':
    'Vous avez arrêté les messages de coaching. Je vous ai renvoyé le message de consentement si vous souhaitez recommencer.',
  'status.noExperiment':
    'Pas encore d’expérience. Lancez-en une avec le bouton *Lancer l’expérience* ou `/coach start`.',
  'status.experiment':
    '*Expérience :* {behavior} ({status, select, active {en cours} paused {en pause} completed {terminée} abandoned {abandonnée} other {{status}}})',
  'status.hypothesis': '*Hypothèse :* {hypothesis}',
  'status.kpi':
    '*Indicateur :* {name} en {unit}, {direction, select, increase {plus haut} other {plus bas}} est mieux',
  'status.window': '*Période :* du {start} au {end}',
  'status.trend': '*Évolution :* {trend}',
  'status.trendTarget': '{points} · objectif {target}',
  'status.trendChange': '{points} · objectif {target} · {change} {unit} par rapport au départ',
  'status.checkpointAnswered':
    '• Jour {day} : pratique {practice}/5{hasConfidence, select, yes {, confiance {confidence}/5} other {}}',
  'status.checkpointOther':
    '• Jour {day} : {status, select, open {ouvert} reminded {relancé} missed {manqué} other {{status}}}',
  'status.snoozed': '*En veille* jusqu’au {until, date, day}.',
  'status.next':
    '*Prochain message :* {kind, select, nudge {rappel} checkpoint {point d’étape} checkpoint_reminder {relance du point d’étape} other {{kind}}} le {at, date, dayTime} ({zone})',
  'status.nextNone': '*Prochain message :* aucun prévu',
  'status.nextWhen': '{at, date, dayTime} ({zone})',

  // ---- nudges -----------------------------------------------------------------------------------------------
  'nudge.did': 'C’est fait',
  'nudge.skip': 'Pas cette semaine',
  'nudge.snooze': 'Veille d’une semaine',
  'nudge.answeredDid': 'Bravo, c’est noté comme fait.',
  'nudge.answeredSkip':
    'Noté : pas cette semaine. Aucun jugement ; la semaine prochaine est un nouveau départ.',
  'nudge.answeredSnooze': 'En veille jusqu’au {until, date, day}. Je reste discret d’ici là.',
  'nudge.alreadyAnswered': 'Vous avez déjà répondu à celui-ci.',
  'nudge.builtIn.first':
    'Votre expérience cette semaine : *{behavior}*. Quel moment aujourd’hui pour l’essayer ?',
  'nudge.builtIn.second':
    'Petit point sur *{behavior}* : qu’avez-vous remarqué la dernière fois que vous l’avez essayé ?',
  'nudge.builtIn.third':
    'Les petits pas comptent. Une occasion de pratiquer *{behavior}* aujourd’hui, puis dites-moi comment cela s’est passé.',

  // ---- the wait-list of a staggered pilot -------------------------------------------------------------------
  'waitlist.coachingStarts':
    'La période de comparaison de *{program}* est terminée. Merci d’avoir répondu aux points d’étape : ce sont eux qui rendent le résultat du pilote fiable. À partir d’aujourd’hui, vous recevez le coaching complet, comme tout le monde : des rappels à votre heure entre les points d’étape. {running, select, yes {Ils commencent avec votre expérience *{behavior}*.} other {Choisissez un comportement à pratiquer et tapez `/coach start` pour créer votre expérience.}}',

  // ---- checkpoints ------------------------------------------------------------------------------------------
  'survey.question':
    '{lead, select, reminder {Un petit rappel :} other {C’est l’heure d’un point en deux clics.}} Point d’étape du jour {day} pour *{behavior}* : à quelle fréquence l’avez-vous pratiqué ces derniers temps ?',
  'survey.practice1': '1 · Pas encore',
  'survey.practice2': '2 · Une fois',
  'survey.practice3': '3 · Quelques fois',
  'survey.practice4': '4 · Presque chaque jour',
  'survey.practice5': '5 · Chaque jour',
  'survey.confidence1': '1 – incertain',
  'survey.confidence2': '2',
  'survey.confidence3': '3',
  'survey.confidence4': '4',
  'survey.confidence5': '5 – très sûr',
  'survey.thenDetails': 'Puis une courte étape : {kpi} aujourd’hui et votre confiance.',
  'survey.practiceSaved':
    'Point d’étape du jour {day} : pratique {practice}/5 enregistrée. Encore une étape :',
  'survey.addKpi': 'Ajouter {kpi}',
  'survey.kpiToday': '*{kpi}* aujourd’hui, en {unit}',
  'survey.heading': 'Point d’étape du jour {day}',
  'survey.checkinIntro': 'Point d’étape du jour {day} pour *{behavior}*',
  'survey.answered':
    'Point d’étape du jour {day} enregistré : pratique {practice}/5{hasKpi, select, yes {, {kpi} {value} {unit} ({change} par rapport au départ)} other {}}{hasConfidence, select, yes {, confiance {confidence}/5} other {}}. Merci !',
  'survey.changeAnswer': 'Modifier ma réponse',
  'survey.closed': 'Le point d’étape du jour {day} est clos.',
  'survey.closedShort': 'Ce point d’étape est clos.',
  'survey.form.title': 'Point d’étape',
  'survey.form.submit': 'Enregistrer',
  'survey.form.kpiValue': 'Valeur de l’indicateur aujourd’hui',
  'survey.form.confidence': 'Confiance de pouvoir continuer',
  'survey.form.note': 'Quelque chose à noter ? (seuls vous et votre coach le voyez)',
  'checkin.form.title': 'Point d’étape',
  'checkin.form.practice': 'À quelle fréquence avez-vous pratiqué dernièrement ?',

  // ---- the pairing charter ----------------------------------------------------------------------------------
  'charter.field.goals': 'Objectifs de ce mentorat',
  'charter.field.kpi1Name': 'Indicateur 1',
  'charter.field.kpi1Baseline': 'Indicateur 1 : départ',
  'charter.field.kpi1Target': 'Indicateur 1 : objectif',
  'charter.field.kpi2Name': 'Indicateur 2',
  'charter.field.kpi2Baseline': 'Indicateur 2 : départ',
  'charter.field.kpi2Target': 'Indicateur 2 : objectif',
  'charter.field.milestone1': 'Premier jalon',
  'charter.field.milestone1Due': 'Échéance du premier jalon',
  'charter.field.milestone2': 'Second jalon',
  'charter.field.milestone2Due': 'Échéance du second jalon',
  'charter.field.cadence': 'Rythme des rencontres',
  'charter.field.confidentiality': 'Confidentialité',
  'charter.field.mentorWill': 'Le mentor va…',
  'charter.field.mentorWillNot': 'Le mentor ne va pas…',
  'charter.cadence.weekly': 'Chaque semaine',
  'charter.cadence.biweekly': 'Toutes les deux semaines',
  'charter.cadence.monthly': 'Chaque mois',
  'charter.agree': 'Ce que nous disons reste entre nous',
  'charter.question.goals':
    'Qu’attendez-vous de ce mentorat ? Deux ou trois objectifs, avec vos propres mots.',
  'charter.question.kpi1Name':
    'Nommez le premier indicateur que vous voulez faire évoluer (par ex. « alignement des parties prenantes »).',
  'charter.question.kpi1Baseline': 'Où en est l’indicateur 1 aujourd’hui ? (un nombre)',
  'charter.question.kpi1Target': 'Où devrait être l’indicateur 1 à la fin ? (un nombre)',
  'charter.question.kpi2Name': 'Nommez le second indicateur.',
  'charter.question.kpi2Baseline': 'Où en est l’indicateur 2 aujourd’hui ? (un nombre)',
  'charter.question.kpi2Target': 'Où devrait être l’indicateur 2 à la fin ? (un nombre)',
  'charter.question.milestone1': 'Décrivez votre premier jalon (vers 90 jours).',
  'charter.question.milestone1Due': 'Quand le premier jalon est-il dû ? (AAAA-MM-JJ)',
  'charter.question.milestone2': 'Décrivez votre second jalon (vers 180 jours).',
  'charter.question.milestone2Due': 'Quand le second jalon est-il dû ? (AAAA-MM-JJ)',
  'charter.question.cadence': 'À quel rythme vous verrez-vous : weekly, biweekly ou monthly ?',
  'charter.question.confidentiality':
    'Acceptez-vous de garder entre vous deux ce que vous vous dites ? Répondez « agree ».',
  'charter.question.mentorWill':
    'Que fera votre mentor pour vous ? (par ex. relire mon plan, me présenter à des pairs)',
  'charter.question.mentorWillNot':
    'Qu’est-ce qui sort du rôle du mentor ? (par ex. pas mon manager, pas d’évaluation de performance)',
  'charter.page1': 'Charte 1/3 : objectifs',
  'charter.page2': 'Charte 2/3 : plan',
  'charter.page3': 'Charte 3/3 : rôles',
  'charter.next': 'Suivant',
  'charter.send': 'Envoyer au mentor',
  'charter.pageIntro':
    'Vos réponses sont enregistrées après chaque page ; vous pouvez y revenir à tout moment.',
  'charter.summary.goals': 'Objectifs',
  'charter.summary.kpi1': 'Indicateur 1',
  'charter.summary.kpi2': 'Indicateur 2',
  'charter.summary.kpi': '{name} : {baseline} → {target}',
  'charter.summary.milestones': 'Jalons',
  'charter.summary.milestone': '{description} (échéance {due})',
  'charter.summary.cadence': 'Rythme',
  'charter.summary.confidentiality': 'Confidentialité',
  'charter.summary.agreed': 'Accepté : ce que nous disons reste entre nous',
  'charter.summary.will': 'Le mentor va',
  'charter.summary.willNot': 'Le mentor ne va pas',
  'charter.sentToMentor':
    'Votre charte est en route vers votre mentor. Je vous dirai quand il la confirme ou demande des changements.',
  'charter.thanksSent': 'Merci ! Votre charte (version {version}) attend la confirmation de {mentor}.',
  'charter.withMentor':
    'Votre charte est maintenant chez votre mentor ; vous pourrez la modifier s’il demande des changements.',
  'charter.alreadyWithMentor': 'Votre charte est déjà chez votre mentor.',
  'charter.incomplete': 'La charte n’est pas encore complète.',
  'charter.chatStart':
    'Faisons votre charte pas à pas. Répondez « stop » à tout moment ; vos réponses sont gardées.',
  'charter.chatAllAnswered': 'Tout est répondu. Répondez « send » pour envoyer la charte à votre mentor.',
  'charter.chatMovedHere': 'Faisons-le dans la conversation : j’ai posé la première question.',
  'charter.chatPaused':
    'En pause. Vos réponses sont enregistrées ; reprenez où vous en étiez avec le bouton de la charte, quand vous voulez.',
  'charter.chatSaved': 'Enregistré. {question}',
  'charter.chatNoFit': 'Cela ne convient pas : {error} {question}',
  'charter.chatAlmost': 'Presque, mais {error} {question}',
  'charter.chatFix': '{error} {question}',
  'charter.review':
    '*{mentee}* vous a envoyé votre charte de mentorat (version {version}). Vous convient-elle ?',
  'charter.confirm': 'Confirmer la charte',
  'charter.askChanges': 'Demander des changements',
  'charter.confirmed': 'Vous avez confirmé la charte (version {version}). Elle est active.',
  'charter.alreadyConfirmed': 'Cette charte est déjà confirmée.',
  'charter.notWaiting': 'Cette version ne vous attend plus.',
  'charter.activeForMentee':
    '{mentor} a confirmé votre charte. Elle est active ; les jalons sont dus le {first} et le {second}.',
  'charter.changesRequested':
    '*{mentor}* demande des changements à votre charte : « {comment} ». Vos réponses précédentes sont gardées ; modifiez ce qui doit l’être et renvoyez-la.',
  'charter.editForm': 'Modifier dans un formulaire',
  'charter.editChat': 'Modifier pas à pas dans la conversation',
  'charter.changesSent':
    'Vous avez demandé des changements à la version {version}. J’ai transmis votre commentaire.',
  'changes.form.title': 'Demander des changements',
  'changes.form.submit': 'Envoyer',
  'changes.form.comment': 'Que faut-il changer ?',

  // ---- pairs --------------------------------------------------------------------------------------------------
  'pair.introMentor':
    'Vous êtes maintenant le mentor de *{mentee}*. Cette personne rédige votre charte (objectifs, deux indicateurs, jalons, rythme, limites) ; je vous l’enverrai pour confirmation ou demande de changements.',
  'pair.introMentee':
    'Vous êtes en binôme avec *{mentor}*, votre mentor. Première étape : votre charte — objectifs, deux indicateurs, jalons à 90 et 180 jours, rythme des rencontres, confidentialité, et ce que votre mentor fera ou non. Vos réponses sont enregistrées à chaque étape.',
  'pair.fillForm': 'Remplir un formulaire',
  'pair.fillChat': 'Répondre pas à pas ici',
  'pair.closed': 'Ce binôme a été clos.',
  'pair.selfMentor': 'Une personne ne peut pas être son propre mentor.',
  'pair.alreadyPaired': 'Ces deux personnes forment déjà un binôme actif.',
  'pair.nudge':
    'Un petit signe : cela fait un moment que vous et *{other}* n’avez pas mis à jour votre mentorat ici. Une rencontre est-elle prévue ? Une mise à jour rapide de la charte ou d’un jalon aide à garder le cap.',
  'pair.yourMentor': 'votre mentor',
  'pair.yourMentee': 'votre mentoré',
  'pair.yourPartner': 'votre binôme',
  'pair.mentor': 'mentor',
  'pair.mentee': 'mentoré',
  'pair.rematchedMentee':
    'L’équipe du programme vous a associé à un nouveau mentor, {mentor}. Un nouveau regard convient parfois mieux au moment que vous vivez ; merci pour le travail accompli. Votre nouvelle charte repart d’une page blanche.',
  'pair.rematchedMentor':
    'Merci d’avoir accompagné {mentee}. L’équipe du programme a organisé un nouveau binôme, mieux adapté à ses objectifs actuels ; rien n’est attendu de votre part.',
  'pair.curatorNote': 'Un mot de l’équipe du programme : {note}',
  'pair.closedMentee':
    'Votre mentorat avec {mentor} arrive à son terme. Merci pour le temps que vous y avez consacré tous les deux.',
  'pair.closedMentor':
    'Votre mentorat avec {mentee} arrive à son terme. Merci pour le temps que vous y avez consacré.',

  // ---- milestones -----------------------------------------------------------------------------------------------
  'milestone.reminder':
    'Jalon avec *{mentee}* dû le {due} : « {description} ». Comment cela s’est-il passé ?',
  'milestone.met': 'Atteint',
  'milestone.partly': 'En partie',
  'milestone.notYet': 'Pas encore',
  'milestone.answer':
    '{answer, select, met {atteint} partly {atteint en partie} not_yet {pas encore atteint} other {{answer}}}',
  'milestone.confirmed':
    'Jalon « {description} » confirmé comme *{answer, select, met {atteint} partly {atteint en partie} not_yet {pas encore atteint} other {{answer}}}*.{noted, select, yes { Note ajoutée.} other {}}',
  'milestone.addNote': 'Ajouter une note',
  'milestone.toMentee':
    '{mentor} a marqué le jalon « {description} » comme {answer, select, met {atteint} partly {atteint en partie} not_yet {pas encore atteint} other {{answer}}}.',
  'milestone.noteToMentee': '{mentor} a ajouté une note à « {description} » : {note}',
  'milestone.noteIntro': 'Jalon « {description} », dû le {due}.',
  'note.form.title': 'Note sur le jalon',
  'note.form.submit': 'Enregistrer',
  'note.form.note': 'Note pour votre mentoré (facultatif)',

  // ---- engagement and curators ----------------------------------------------------------------------------------
  'engagement.charterUnfinished': 'charte non terminée {days} jours après la mise en binôme',
  'engagement.milestoneLate':
    'jalon « {description} » {confirmed, select, yes {confirmé} other {non confirmé}} {days} jours après son échéance',
  'engagement.personQuiet':
    '{role, select, mentor {le mentor} other {le mentoré}} {name} n’a pas échangé avec le bot depuis {days} jours',
  'engagement.checkinMissed':
    'le mentoré a manqué {count, plural, one {# point d’étape} other {# points d’étape}}',
  'engagement.reason': '• {reason} (−{points})',
  'engagement.reasonPlain': '• {reason}',
  'engagement.noSignals': '• aucun signal',
  'alert.low':
    'L’engagement est faible pour le binôme *{mentee}* (mentoré) et *{mentor}* (mentor) : {score}/100, sous le seuil de {threshold}.',
  'alert.afterNudge':
    'Le binôme a déjà reçu un rappel amical et un délai de grâce. Rien ne change tant qu’un curateur n’a pas décidé.',
  'alert.rematch': 'Changer de mentor',
  'alert.checkin': 'Prendre des nouvelles',
  'alert.snooze': 'Mettre l’alerte en veille',
  'alert.close': 'Clore le binôme',
  'alert.unreachable':
    '⚠ {people} ne peut pas être joint sur sa plateforme de discussion (application bloquée ou retirée).',
  'alert.handled':
    'Binôme *{mentee}* (mentoré) et *{mentor}* (mentor), {score}/100 : *{curator}* a {action, select, rematch {changé de mentor} checkin {pris des nouvelles du binôme} snooze {mis cette alerte en veille} close {clos le binôme} other {traité cette alerte}} le {at}.{hasDetail, select, yes { {detail}} other {}}',
  'alert.alreadyHandled': 'Cette alerte a déjà été traitée.',
  'alert.alreadyHandledBy': 'Cette alerte a déjà été traitée par {curator}.',
  'alert.anotherCurator': 'un autre curateur',
  'alert.aCurator': 'Un curateur',
  'alert.summaryRematch': 'Nouveau mentor : {mentor}.',
  'alert.summaryCheckin': 'Un mot a été envoyé aux deux.',
  'alert.summarySnooze': 'Plus d’alerte pour ce binôme jusqu’au {until}.',
  'alert.summaryClose': 'Le binôme est clos.',
  'alert.noPeople':
    'Personne d’autre ne peut être choisi comme nouveau mentor ici. Ajoutez d’abord la personne à l’équipe.',
  'alert.peopleUnavailable':
    'Je n’ai pas pu lire les membres pour l’instant ; merci de réessayer dans une minute.',
  'alert.unreachablePerson':
    '*{person}* ne peut plus être joint sur {platform, select, teams {Teams} other {Slack}} ({reason}). Ses messages de coaching sont suspendus jusqu’à ce que cette personne écrive de nouveau au bot.',
  'alert.aParticipant': 'Un participant',
  'rematch.form.title': 'Changer de mentor',
  'rematch.form.submit': 'Changer',
  'rematch.form.mentor': 'Nouveau mentor',
  'rematch.form.reason': 'Raison (gardée dans le journal d’audit, invisible pour le binôme)',
  'pairCheckin.form.title': 'Prendre des nouvelles',
  'pairCheckin.form.submit': 'Envoyer aux deux',
  'pairCheckin.form.note': 'Un mot court pour les deux',
  'snooze.form.title': 'Mettre l’alerte en veille',
  'snooze.form.submit': 'Mettre en veille',
  'snooze.form.days': 'Pour combien de temps ?',
  'snooze.form.option': '{days} jours',
  'close.form.title': 'Clore le binôme',
  'close.form.submit': 'Clore',
  'close.form.reason': 'Raison (gardée dans le journal d’audit)',

  // ---- curator channel ------------------------------------------------------------------------------------------
  'channel.help':
    'Je suis le compagnon de coaching. Dans un canal d’équipe, je fais une seule chose : publier les alertes sur les binômes de mentorat dont l’engagement baisse, avec des boutons pour changer de mentor, prendre des nouvelles, mettre en veille ou clore (curateurs uniquement).\n• `/coach claim` — un curateur fait de ce canal le lieu des alertes\n• `/coach pair @mentor @mentee` — un curateur forme un binôme\n• `/coach help` — ce message\nPour votre propre coaching, écrivez-moi en conversation individuelle.',
  'channel.unknown':
    'Dans un canal d’équipe, je comprends `/coach claim`, `/coach pair` et `/coach help`. Pour votre propre coaching, écrivez-moi en conversation individuelle.',
  'channel.claimElsewhere':
    'Cela se fait dans un canal d’équipe : ajoutez-moi au canal où les curateurs veulent les alertes et tapez-y `/coach claim` (en me mentionnant).',
  'channel.claimNotCurator':
    'Seuls les curateurs peuvent réserver un canal aux alertes. Demandez à l’admin de votre programme de vous ajouter à CURATORS en tant que {platform}:{user}.',
  'channel.claimConfigured':
    'Les alertes vont dans le canal défini dans la configuration ; modifiez ce réglage pour les recevoir ici.',
  'channel.claimed':
    'C’est fait : les alertes de cette organisation arrivent désormais dans ce canal ({channel}).',
  'channel.helloCurators':
    'Bonjour ! Les alertes sur les binômes de mentorat arriveront dans ce canal. Seuls les curateurs peuvent y répondre.',
  'channel.hello':
    'Bonjour ! Je suis le compagnon de coaching. Pour votre propre coaching, écrivez-moi en conversation individuelle.',
  'channel.helloClaim':
    'Bonjour ! Je suis le compagnon de coaching. Un curateur peut me mentionner avec `/coach claim` dans le canal qui doit recevoir les alertes. Pour votre propre coaching, écrivez-moi en conversation individuelle.',

  // ---- matching (proposals for curators) -------------------------------------------------------------------------
  'match.reason.topics':
    'partage {count, plural, one {# thème sur {wanted}} other {# thèmes sur {wanted}}} : {topics} (+{points})',
  'match.reason.department':
    '{same, select, yes {même service, {mentor}} other {autre service : {mentor}, pas {mentee}}} (+{points})',
  'match.reason.level':
    '{gap, plural, =0 {même niveau} one {un niveau au-dessus} other {# niveaux au-dessus}} (+{points})',
  'match.reason.timezone': '{hours, number} heures de travail communes par jour (+{points})',
  'match.unmatched':
    'aucune proposition : {constraint, select, no_mentors {il n’y a pas de mentors} capacity {tous les mentors qui conviennent sont pris} reporting_line {seulement des mentors de la ligne hiérarchique} not_with {seulement des mentors avec qui quelqu’un a demandé à ne pas être associé} closed_before {seulement des mentors déjà associés auparavant} overlap {trop peu d’heures de travail communes} language {aucune langue commune} other {aucun mentor ne convient}} ({detail})',
  'match.blocker':
    '{constraint, select, no_mentors {aucun mentor} capacity {complet} reporting_line {ligne hiérarchique} not_with {pas avec} closed_before {déjà associés} overlap {heures de travail} language {langue} other {autre}} : {mentors, plural, one {# mentor} other {# mentors}}',
  'match.review.title':
    'Propositions de binômes pour *{program}* : {count, plural, one {# proposition} other {# propositions}}, {open} encore à décider. Aucun binôme n’est formé sans l’accord d’un curateur ; les binômes approuvés sont présentés dès que les deux personnes ont accepté.',
  'match.review.proposal': '*{mentee}* avec le mentor *{mentor}* (adéquation {fit})',
  'match.review.candidate': '*{mentor}* (adéquation {fit})',
  'match.review.reasonLine': '• {reason}',
  'match.review.approve': 'Approuver',
  'match.review.another': 'Choisir quelqu’un d’autre',
  'match.review.reject': 'Refuser',
  'match.review.pick': 'Associer à {mentor}',
  'match.review.noAlternatives':
    'Aucun autre mentor ne respecte toutes les contraintes avec une place libre.',
  'match.review.decided':
    '{status, select, approved {Approuvé par *{curator}* le {at}.} changed {*{curator}* a choisi *{mentor}* à la place le {at}.} other {Refusé par *{curator}* le {at}.}}',
  'match.review.alreadyDecided': 'Un curateur a déjà décidé pour cette proposition.',
  'match.review.notAlternative': 'Ce mentor ne fait plus partie des alternatives.',
  'match.review.mentorFull': '{mentor} n’a plus de place libre ; choisissez un autre mentor.',
  'match.review.menteePaired': '{mentee} a déjà un mentor.',

  // ---- the pair's voice --------------------------------------------------------------------------------------------
  'help.pairStatus':
    '• `/coach pair status` — le score d’engagement de votre binôme de mentorat et ses raisons',
  'help.notWith':
    '• `/coach notwith @person` — en toute confidentialité, ne jamais être associé à quelqu’un (`/coach notwith` affiche la liste)',
  'pairStatus.none': 'Vous ne faites partie d’aucun binôme de mentorat actif pour le moment.',
  'pairStatus.pair':
    'Votre binôme avec *{other}* ({role, select, mentor {votre mentoré} other {votre mentor}}) : *{score}/100*. {low, select, yes {C’est sous {threshold} : vous recevez d’abord tous les deux un petit rappel amical, et si le score reste bas après un délai de grâce, les curateurs sont invités à regarder.} other {Les curateurs ne sont invités à regarder que si le score passe sous {threshold} et y reste après un rappel amical.}}',
  'pairStatus.reasons': 'Ce que le bot voit (jamais vos conversations) :',
  'notWith.added':
    'C’est noté, en toute confidentialité : je ne vous proposerai pas {people}. Personne d’autre ne voit cette liste, et les personnes qui y figurent n’en sont pas informées. `/coach notwith` affiche la liste ; `/coach notwith remove @person` retire quelqu’un.',
  'notWith.removed': 'Retiré de votre liste « pas avec » : {people}.',
  'notWith.notListed': 'Cette personne ne figurait pas sur votre liste « pas avec ».',
  'notWith.list': 'Votre liste confidentielle « pas avec » (vous seul la voyez) : {people}.',
  'notWith.empty':
    'Votre liste confidentielle « pas avec » est vide. `/coach notwith @person` empêche qu’on vous propose cette personne ; personne d’autre ne voit la liste.',
  'notWith.self': 'C’est vous. Mentionnez la personne avec qui vous préférez ne pas être associé.',
  'notWith.answeredInChat': 'Je vous ai répondu dans notre conversation individuelle.',
  'notWith.unknownEmail': 'Je ne connais personne dans le programme avec cette adresse e-mail.',
  'rematch.suggestions':
    'Suggestions de l’algorithme (un point de départ ; choisissez qui vous voulez ci-dessous) :',
  'rematch.noSuggestions':
    'L’algorithme n’a pas de suggestion : aucun autre mentor ne respecte toutes les contraintes avec une place libre.',
  'voice.fine': 'Tout va bien, on se voit hors ligne',
  'voice.newMatch': 'Je voudrais un autre binôme',
  'voice.fineForm.title': 'Tout va bien',
  'voice.fineForm.submit': 'Envoyer',
  'voice.fineForm.note': 'Quelque chose à ajouter ? (facultatif, réservé à l’équipe du programme)',
  'voice.fineThanks': 'Merci, c’est noté : vous vous voyez hors ligne.',
  'voice.newMatchSent':
    'Envoyé en toute confidentialité aux curateurs du programme : vous voudriez un autre binôme. Ce n’est la faute de personne, et {other} n’en est pas informé. Un curateur vous contactera.',
  'voice.newMatchAlready': 'Votre demande d’un autre binôme est déjà entre les mains des curateurs.',
  'alert.matchRequested':
    'Un autre binôme est demandé pour *{mentee}* (mentoré) et *{mentor}* (mentor) : une demande sans reproche, que l’autre personne ne voit pas. Engagement {score}/100.',
  'engagement.matchRequested':
    'le {role, select, mentor {mentor} other {mentoré}} {name} a demandé un autre binôme (sans reproche)',
  // ---- pair check-ins on the charter's cadence
  'meeting.ask':
    'Point binôme : vous êtes-vous rencontrés avec *{other}* depuis le {since, date, day} ? Seule l’équipe du programme voit les réponses.',
  'meeting.yes': 'Oui',
  'meeting.notYet': 'Pas encore',
  'meeting.skip': 'On passe cette fois',
  'meeting.answered':
    '{answer, select, not_yet {C’est noté : pas encore. Personne ne vous le reproche — essayez de trouver un moment bientôt.} other {C’est noté : vous passez cette rencontre. Elle ne compte pas comme manquée.}}',
  'meeting.howUseful':
    'Ravi que vous vous soyez vus. Quelle a été l’utilité, de 1 (peu) à 5 (très) ? Facultatif.',
  'meeting.usefulness': '{n}',
  'meeting.rated': 'Merci : vous vous êtes vus, utilité {n} sur 5.',
  'meeting.addNote': 'Ajouter une note',
  'meeting.noteForm.title': 'Votre rencontre',
  'meeting.noteForm.submit': 'Enregistrer',
  'meeting.noteForm.note':
    'Une note pour l’équipe du programme (confidentielle, jamais montrée à votre binôme)',
  'meeting.noted': 'Merci — votre note est enregistrée.',
  'meeting.closedRound': 'Ce point est clos : un plus récent a été demandé.',
  'engagement.meetingsMissed':
    'rencontres tenues : {met} sur {expected} {expected, plural, one {prévue} other {prévues}}',

  // ---- outcome reports (HTML and CSV, for program admins) ----------------------------------------------
  'report.title': 'rapport de résultats',
  'report.meta':
    'Rapport de résultats · programme {program} (paramètres version {version}) · expériences de {weeks} semaines, points d’étape aux jours {days} · généré le {generated}',
  'report.privacyBadge': 'Confidentialité : tout chiffre portant sur moins de {min} personnes est masqué',
  'report.footer': 'rapport de résultats coachloop',
  'report.suppressed': 'masqué (n<5)',
  'report.suppressedTitle': 'Masqué : moins de 5 personnes',
  'report.smallGroup': 'n<5',
  'report.noDataTitle': 'Pas encore de données',
  'report.chart.noAnswers': 'Pas encore de réponses',
  'report.chart.nothingDue': 'rien d’échu pour l’instant',
  'report.chart.or': ' ou ',
  'report.ofTotal': 'sur {total}',
  'report.partOf': '{part} sur {total}',
  'report.percentagePoints': '{n} pts',
  'report.day': 'Jour {day}',
  'report.leaders': 'Managers',
  'report.arm': '{arm, select, coached {Accompagnés} control {Contrôle} other {{arm}}}',
  'report.direction': '{direction, select, decrease {plus bas est mieux} other {plus haut est mieux}}',
  'report.outcome':
    '{outcome, select, practice {fréquence de pratique (1 = pas encore, 5 = chaque jour)} other {% du chemin de la valeur de départ du KPI à la cible}}',
  'report.points': '{n, plural, one {point} other {points}}',
  'report.tiles.invited': 'Managers invités',
  'report.tiles.invitedStep': 'Invités',
  'report.tiles.leadersInProgram': 'managers du programme',
  'report.tiles.consented': 'Consentement donné',
  'report.tiles.ofEveryoneInvited': 'de toutes les personnes invitées',
  'report.tiles.consentedOfInvited': '{consented} sur {invited} invités',
  'report.tiles.answeredDay': 'Réponse au jour {day}',
  'report.tiles.ofSurveysSent': 'sur {sent} questionnaires envoyés',
  'report.tiles.noSurveySent': 'aucun questionnaire envoyé pour l’instant',
  'report.tiles.wayToTarget': 'Chemin vers la cible KPI',
  'report.tiles.meanAtDay': 'moyenne au jour {day}, managers accompagnés',
  'report.tiles.noKpiAnswers': 'aucune réponse KPI affichée pour l’instant',
  'report.tiles.roi': 'ROI',
  'report.tiles.notComputed': 'non calculé',
  'report.tiles.netReturn': '{percent} de rendement net sur le coût',
  'report.tiles.missing': 'manquant : {missing}',
  'report.funnel.heading': '1. Entonnoir de participation',
  'report.funnel.lead':
    'De l’invitation au dernier point d’étape. Les pourcentages portent sur toutes les personnes invitées ; chaque étape compte les managers qui l’ont atteinte.',
  'report.funnel.chart': 'Entonnoir de participation',
  'report.funnel.experimentSet': 'Expérience définie',
  'report.funnel.consent': 'Consentement',
  'report.funnel.acceptedStillIn': 'Accepté, toujours présent',
  'report.funnel.acceptedOptedOut': 'Accepté, retiré ensuite',
  'report.funnel.declined': 'Refusé',
  'report.funnel.noAnswer': 'Pas encore de réponse',
  'report.funnel.medianDaysToConsent': 'Jours médians, de l’invitation au consentement',
  'report.funnel.notInFunnel':
    'Hors de l’entonnoir : {count} mentors, curateurs ou admins sans rôle de manager.',
  'report.responses.heading': '2. Taux de réponse',
  'report.responses.lead':
    'Micro-questionnaires des points d’étape répondus sur ceux envoyés (les deux groupes), et réponses aux rappels sur les rappels remis.',
  'report.responses.message': 'Message',
  'report.responses.sent': 'Envoyés',
  'report.responses.answered': 'Répondus',
  'report.responses.rate': 'Taux de réponse',
  'report.responses.checkpoint': 'Point d’étape du jour {day}',
  'report.responses.nudgesAny': 'Rappels (toute réponse)',
  'report.responses.nudgesDid': 'Rappels répondus « C’est fait »',
  'report.outcomes.heading':
    '3. Pratique et évolution du KPI{arms, select, yes { — managers accompagnés} other {}}',
  'report.outcomes.lead':
    '{people} managers {arms, select, yes {accompagnés } other {}}ayant consenti, dont {withExperiment} avec une expérience. L’évolution du KPI de chaque manager est mesurée depuis sa propre valeur de départ, en tenant compte de son sens (une baisse est une amélioration quand plus bas est mieux), et exprimée en % du chemin vers sa propre cible.',
  'report.outcomes.checkpoint': 'Point d’étape',
  'report.outcomes.practice': 'Pratique (1–5)',
  'report.outcomes.wayMean': 'Chemin vers la cible, moyenne',
  'report.outcomes.median': 'médiane',
  'report.outcomes.improved': 'KPI amélioré',
  'report.outcomes.reached': 'Cible atteinte',
  'report.outcomes.baseline': 'Départ',
  'report.outcomes.coachedLeaders': 'Managers accompagnés',
  'report.outcomes.progressChart':
    '% moyen du chemin de la valeur de départ du KPI à la cible, par point d’étape',
  'report.outcomes.target': 'cible',
  'report.outcomes.practiceChart':
    'Fréquence de pratique moyenne (1 = pas encore, 5 = chaque jour), par point d’étape',
  'report.outcomes.wayCaption': 'Chemin vers la cible KPI (% moyen)',
  'report.outcomes.practiceCaption': 'Fréquence de pratique (moyenne, 1–5)',
  'report.outcomes.unitsHeading': 'Évolution du KPI par unité',
  'report.outcomes.unitsLead':
    'Évolution dans l’unité propre du KPI, du départ à chaque point d’étape (positif = mieux), pour les unités partagées par au moins 5 managers. Les flèches montrent la valeur moyenne atteinte.',
  'report.outcomes.noUnit': 'Aucune unité n’est encore partagée par 5 managers ou plus.',
  'report.outcomes.unit': 'Unité',
  'report.outcomes.baselineToTarget': 'Départ → cible (moyenne)',
  'report.outcomes.otherUnits': 'Managers avec d’autres unités : {count}.',
  'report.comparison.heading': '4. Accompagnés face au contrôle',
  'report.comparison.noControl':
    'Le roster n’a pas de groupe de contrôle : il n’y a rien à comparer. Donnez {code} à certains managers dans le roster : ils répondent aux points d’étape mais ne reçoivent pas de rappels.',
  'report.comparison.lead':
    'Accompagnés : {coached} managers ayant consenti ({coachedWith} avec une expérience). Contrôle : {control} ({controlWith} avec une expérience), mesurés aux mêmes points d’étape sans rappels. Différence = accompagnés − contrôle.',
  'report.comparison.wayChart': '% moyen du chemin vers la cible, accompagnés et contrôle',
  'report.comparison.practiceChart': 'Fréquence de pratique moyenne, accompagnés et contrôle',
  'report.comparison.answered': 'Répondus (accompagnés / contrôle)',
  'report.comparison.wayCoached': 'Chemin vers la cible, accompagnés',
  'report.comparison.control': 'contrôle',
  'report.comparison.difference': 'Différence',
  'report.comparison.practiceCoached': 'Pratique, accompagnés',
  'report.mentoring.heading': '5. Binômes de mentorat',
  'report.mentoring.none': 'Pas encore de binôme de mentorat dans ce programme.',
  'report.mentoring.lead':
    '{people} personnes dans {pairs} binômes. Les chiffres portant sur moins de 5 d’entre elles (mentors et mentorés ensemble) sont masqués.',
  'report.mentoring.onTime': 'confirmés à temps',
  'report.mentoring.late': 'confirmés en retard',
  'report.mentoring.notConfirmed': 'non confirmés',
  'report.mentoring.milestonesChart': 'Jalons échus : confirmés à temps, en retard, non confirmés',
  'report.mentoring.pairs': 'Binômes actifs · clos · réassortis',
  'report.mentoring.charter': 'Charte finalisée',
  'report.mentoring.charterSub': 'binômes de plus de {days} jours avec une charte confirmée',
  'report.mentoring.daysToCharter': 'Jours médians jusqu’à la charte',
  'report.mentoring.daysToCharterSub': 'formation du binôme → confirmation du mentor',
  'report.mentoring.milestones': 'Jalons confirmés à temps',
  'report.mentoring.milestonesSub': 'des jalons échus ; en retard : {late}, non confirmés : {unconfirmed}',
  'report.mentoring.alerts': 'Alertes aux curateurs',
  'report.mentoring.alertsSub': 'traitées : {actedOn} ; en attente de décision : {awaiting}',
  'report.mentoring.hoursToAction': 'Heures médianes, alerte → action',
  'report.mentoring.hoursToActionSub': 'première décision d’un curateur',
  'report.mentoring.optOuts': 'Retraits parmi les personnes en binôme',
  'report.mentoring.proposals': 'Propositions de binôme approuvées · modifiées · rejetées',
  'report.mentoring.proposalsSub': 'sur {total} ; encore ouvertes : {open}',
  'report.mentoring.daysToPair': 'Jours médians, inscription → binôme',
  'report.mentoring.mentees': 'mentorés',
  'report.mentoring.noFault': 'Sorties sans faute',
  'report.mentoring.noFaultSub': 'binômes où quelqu’un a demandé un autre binôme',
  'report.mentoring.rematched': 'Réassortis dans les 30 jours suivant une alerte',
  'report.mentoring.meetings': 'Rencontres tenues sur celles attendues',
  'report.mentoring.meetingsSub': 'd’après les points des binômes ; médiane par binôme : {median} %',
  'report.mentoring.milestonesCaption': 'Jalons échus à ce jour',
  'report.budget.heading': '6. Charge de messages',
  'report.budget.lead':
    'Messages budgétés (rappels, questionnaires et relances des points d’étape, rappels aux binômes, rappels de jalons) remis par personne et par semaine locale, face au budget hebdomadaire du programme. Les semaines sans message ne comptent pas.',
  'report.budget.mean': 'Moyenne par semaine-personne',
  'report.budget.noMessages': 'pas encore de messages',
  'report.budget.messages': '{count} messages',
  'report.budget.weekly': 'Budget hebdomadaire',
  'report.budget.chart': 'Messages budgétés par semaine-personne face au budget hebdomadaire',
  'report.budget.personWeeks': 'Semaines-personnes',
  'report.budget.share': 'Part moyenne du budget',
  'report.budget.atBudget': 'Semaines au budget',
  'report.budget.overBudget': 'Semaines au-delà du budget',
  'report.roi.heading': '7. Retour sur investissement',
  'report.roi.lead':
    'Quatre étapes visibles : départ → écart → attribution → valeur face au coût. ROI = (valeur attribuable − coût du programme) / coût du programme. Chaque donnée ci-dessous vient des paramètres {code} du programme.',
  'report.roi.needs': 'nécessite {missing}',
  'report.roi.missing': 'manquant',
  'report.roi.baseline': 'Départ',
  'report.roi.baselineCalc': '{outcome} avant le programme ; après : {after}',
  'report.roi.baselineNone': 'le résultat avant le programme',
  'report.roi.delta': 'Écart',
  'report.roi.deltaCalc': 'après − avant, {better}',
  'report.roi.deltaNone': 'après − avant, signé pour que positif soit mieux',
  'report.roi.attribution': 'Attribution',
  'report.roi.attributionCalc': '{delta} × {percent} attribués au programme',
  'report.roi.attributionShare': '{percent} de l’écart attribués au programme',
  'report.roi.attributionNone': 'part de l’écart attribuée au programme',
  'report.roi.value': 'Valeur face au coût',
  'report.roi.valueCalc': '{units} × {perUnit} par unité ; coût du programme {cost}',
  'report.roi.valuePending': '× {perUnit} par unité ; coût du programme {cost}',
  'report.roi.valueNone': 'valeur par unité ; coût du programme',
  'report.roi.result': '({percent} de rendement net sur le coût du programme ; valeur nette {net})',
  'report.roi.none': 'Pas de chiffre de ROI.',
  'report.roi.assumptions': 'Hypothèses, telles que saisies par l’admin du programme',
  'report.roi.outcome': 'Résultat valorisé',
  'report.roi.direction': 'Sens',
  'report.roi.before': 'Départ (avant)',
  'report.roi.after': 'Actuel (après)',
  'report.roi.why': 'Pourquoi cette attribution',
  'report.roi.notGiven': 'non indiqué',
  'report.roi.perUnit': 'Valeur par unité',
  'report.roi.cost': 'Coût du programme',
  'report.roi.currency': 'Devise',
  'report.verdict.none': 'Pas de verdict.',
  'report.verdict.word': '{verdict, select, go {Go} no_go {No-go} other {Non concluant}}',
  'report.verdict.rule':
    'Règle de décision : {outcome} au jour {day} ; plus petit effet qui vaut un déploiement {effect} ; intervalle à {level} ; au moins {min} managers par groupe.',
  'report.verdict.deviations':
    '{count, plural, one {# écart} other {# écarts}} par rapport à la règle fixée au lancement (voir la section des preuves).',
  'report.rule.outcomeAt': '{outcome} au jour {day}',
  'report.rule.primary': 'Critère principal',
  'report.rule.smallestEffect': 'Plus petit effet qui vaut un déploiement',
  'report.rule.effect': '{effect} (accompagnés − contrôle)',
  'report.rule.interval': 'Intervalle',
  'report.rule.intervalValue': '{level} (Welch)',
  'report.rule.minPerArm': 'Minimum de managers par groupe',
  'report.rule.minPerArmValue': '{min} avec des données au jour {day}',
  'report.rule.secondary': 'Critères secondaires',
  'report.rule.noSecondary': 'aucun',
  'report.rule.arms': 'Groupes',
  'report.rule.method':
    '{method, select, roster {d’après le roster} randomized {tirés au sort} staggered {échelonnés} other {{method}}}',
  'report.rule.stratified': 'stratifiés par {by}',
  'report.rule.control': '{percent} en contrôle',
  'report.rule.seed': 'graine {seed}',
  'report.evidence.heading': '{number}. Preuves et verdict',
  'report.evidence.noRule':
    'Cette section indique le critère principal, le plus petit effet qui vaut un déploiement, le niveau de l’intervalle et le minimum de managers par groupe, fixés avant la première inscription.',
  'report.evidence.lead':
    'La règle de décision ci-dessous a été fixée à l’inscription du premier manager{launched, select, other { ({launched})} none {}}. L’effet est la moyenne du groupe accompagné moins celle du groupe de contrôle, avec un intervalle à {level} : l’éventail des effets compatibles avec les données. {go} exige tout l’intervalle au-dessus du plus petit effet qui vaut un déploiement ; {noGo}, tout l’intervalle en dessous ; tout le reste est {inconclusive}.',
  'report.evidence.noDeviation':
    'Aucun écart : la règle est celle fixée au lancement{launched, select, other { (première inscription le {launched})} none {}}.',
  'report.evidence.deviationOn': 'Écart le {on}',
  'report.evidence.deviationVersion': 'Écart le {on} (version {version} du programme)',
  'report.evidence.notSet': 'non défini',
  'report.evidence.underLaunchRule': 'Selon la règle fixée au lancement, le verdict serait : {verdict}',
  'report.evidence.rule': 'Règle de décision',
  'report.evidence.perArm': 'Managers par groupe au jour {day}',
  'report.evidence.noControlArm': 'pas de groupe de contrôle',
  'report.evidence.effectHeading': 'Effet de l’accompagnement (accompagnés − contrôle)',
  'report.evidence.intervalChart': 'Effet {effect}, intervalle à {level} de {lower} à {upper}',
  'report.evidence.threshold': 'seuil {value}',
  'report.evidence.sdN': 'ET {sd}, n {n}',
  'report.evidence.range': '{lower} à {upper}',
  'report.evidence.size':
    '{size, select, negligible {négligeable} small {petit} medium {moyen} other {grand}}',
  'report.evidence.outcome': 'Critère',
  'report.evidence.coachedMean': 'Moyenne accompagnés',
  'report.evidence.controlMean': 'Moyenne contrôle',
  'report.evidence.effect': 'Effet',
  'report.evidence.interval': 'Intervalle à {level}',
  'report.evidence.hedges': 'g de Hedges',
  'report.evidence.secondaryNote':
    'Les critères secondaires sont donnés pour contexte ; seul le critère principal décide. Le g de Hedges est l’effet en écarts-types (corrigé pour petits échantillons) : environ 0,2 est petit, 0,5 moyen, 0,8 grand.',
  'report.evidence.missingData': 'Données manquantes',
  'report.evidence.midReviewRun':
    'Revue à mi-parcours : faite pour la première fois le {on}{runs, plural, one {} other {, # fois en tout}} (elle ne montre aucun effet).',
  'report.evidence.midReviewNever': 'Revue à mi-parcours : jamais faite.',
  'report.flow.enrolled': 'Inscrits (affectés au groupe)',
  'report.flow.withData': 'Avec des données au point d’étape principal',
  'report.flow.lost': 'Perdus',
  'report.flow.noConsent': 'consentement refusé ou jamais donné',
  'report.flow.optedOut': 'retirés',
  'report.flow.noExperiment': 'aucune expérience définie',
  'report.flow.missed': 'point d’étape manqué',
  'report.flow.noValue': 'réponse sans la valeur',
  'report.flow.pending': 'Pas encore dû ou encore ouvert',
  'report.balance.heading': '{number}. Équilibre des groupes',
  'report.balance.fromRoster': 'Les groupes viennent de la colonne {code} du roster.',
  'report.balance.drawn':
    'Le bot a tiré le groupe de {count} managers ({how}) avec la graine {seeds} : chacun peut refaire le tirage avec {command}.',
  'report.balance.waitlist': 'Le groupe de contrôle est une liste d’attente, accompagnée à partir du {from}.',
  'report.balance.lead':
    'Les groupes devraient se ressembler avant le début de l’accompagnement ; un grand écart ici invite à la prudence sur le résultat.',
  'report.balance.enrolled': 'Managers inscrits',
  'report.balance.withExperiment': 'Avec une expérience',
  'report.balance.ambition': 'Ambition des cibles (évolution prévue médiane, % du départ)',
  'report.timeline.heading': '{number}. Chronologie',
  'report.timeline.lead':
    'Ce qui s’est passé pendant le pilote : ses points d’étape à côté du journal des facteurs externes ({command}) — réorganisations, gels des embauches et autres changements qui peuvent expliquer une part d’un écart.',
  'report.timeline.chart': 'Chronologie du pilote',
  'report.timeline.date': 'Date',
  'report.timeline.what': 'Quoi',
  'report.timeline.kind':
    '{kind, select, launch {lancement} assignment {groupes} checkpoint {point d’étape} waitlist {liste d’attente} review {revue} deviation {changement de règle} note {facteur externe} other {rapport}}',
  'report.def.heading': 'Comment lire ce rapport',
  'report.def.leaders': 'Managers',
  'report.def.leadersText':
    'Les personnes du programme (jamais des canaux), sauf celles dont les seuls rôles sont mentor, curateur ou admin.',
  'report.def.invited': 'Invités',
  'report.def.invitedText':
    'Chaque manager du roster ou qui a contacté le bot ; l’heure d’invitation est celle du roster, sinon le premier contact.',
  'report.def.consented': 'Consentement donné',
  'report.def.consentedText':
    'Les managers qui ont accepté, y compris ceux qui se sont retirés ensuite (montrés à part).',
  'report.def.experiment': 'Expérience définie',
  'report.def.experimentText':
    'Les managers avec au moins une expérience de comportement. Chacun compte avec une expérience : celle en cours, sinon la plus récente.',
  'report.def.answered': 'Réponse au jour N',
  'report.def.answeredText': 'Les managers qui ont répondu au questionnaire du jour N de cette expérience.',
  'report.def.responseRate': 'Taux de réponse',
  'report.def.responseRateText':
    'Questionnaires répondus sur ceux envoyés ; rappels répondus (tout bouton) sur les rappels remis, et « C’est fait » sur les rappels remis.',
  'report.def.practice': 'Pratique',
  'report.def.practiceText':
    'La première réponse du point d’étape : 1 pas encore, 2 une fois, 3 quelques fois, 4 la plupart des jours, 5 chaque jour.',
  'report.def.wayToTarget': 'Chemin vers la cible',
  'report.def.wayToTargetText':
    '(valeur − départ) / (cible − départ) × 100 pour chaque manager : 0 % est le départ, 100 % la cible, et un nombre négatif une évolution dans le mauvais sens.',
  'report.def.improved': 'KPI amélioré',
  'report.def.improvedText': 'L’évolution depuis le départ est une amélioration, compte tenu du sens.',
  'report.def.outcomeFigures': 'Chiffres de résultats',
  'report.def.outcomeFiguresText':
    'Les managers dont le consentement tient ; avec un groupe de contrôle, le seul groupe accompagné (le contrôle est en section 4).',
  'report.def.charter': 'Charte finalisée',
  'report.def.charterText':
    'Les binômes au moins aussi anciens que le délai de charte du programme dont le mentor a confirmé une charte.',
  'report.def.milestones': 'Jalons à temps',
  'report.def.milestonesText':
    'Confirmés (atteint, en partie ou pas encore) au plus tard un jour après l’échéance, sur les jalons échus pendant la vie du binôme.',
  'report.def.alertAction': 'Alerte → action',
  'report.def.alertActionText':
    'Heures entre une alerte aux curateurs et la première décision d’un curateur (réassortir, prendre des nouvelles, reporter ou clore).',
  'report.def.budget': 'Usage du budget',
  'report.def.budgetText':
    'Messages budgétés remis par personne et par semaine locale, pour les semaines avec au moins un message.',
  'report.def.suppressed': 'Masqué (n<5)',
  'report.def.suppressedText':
    'Un chiffre qui décrirait moins de 5 personnes est masqué : les effectifs de 1 à 4 personnes, les moyennes et médianes sur moins de 5 contributeurs, et les parts dont le numérateur ou le dénominateur couvre 1 à 4 personnes.',
  'report.mid.title': 'revue à mi-parcours',
  'report.mid.meta':
    'Revue de gouvernance à mi-parcours · programme {program} (paramètres version {version}) · première fois le {firstRun}{runs} · générée le {generated}',
  'report.mid.runs': ', faite {runs} fois',
  'report.mid.noEffect': 'Aucun effet n’est montré ici.',
  'report.mid.ruleHeading': '1. Règle de décision',
  'report.mid.noRule':
    'Aucune règle de décision n’est définie : ajoutez une section {code} au programme avant la fin du pilote.',
  'report.mid.responsesLead':
    'Questionnaires des points d’étape répondus sur ceux envoyés, par groupe. Un écart entre les groupes mérite d’être traité maintenant : il deviendra des données manquantes.',
  'report.mid.quality': '3. Qualité des données',
  'report.mid.warning': '{leaders} managers : {text}.',
  'report.mid.fewerThanFive': 'Moins de 5',
  'report.mid.noWarning': 'Aucun avertissement sur la qualité des données.',
  'report.mid.footer': 'revue à mi-parcours coachloop',
  'report.csv.pseudonym': 'Pseudonyme',
  'report.csv.arm': 'Groupe',
  'report.csv.experiment_status': 'Statut de l’expérience',
  'report.csv.kpi_direction': 'Sens du KPI',
  'report.csv.kpi_baseline': 'Départ du KPI',
  'report.csv.kpi_target': 'Cible du KPI',
  'report.csv.checkpoint_day': 'Jour du point d’étape',
  'report.csv.survey_status': 'Statut du questionnaire',
  'report.csv.practice': 'Pratique',
  'report.csv.confidence': 'Confiance',
  'report.csv.kpi_value': 'Valeur du KPI',
  'report.csv.kpi_improvement': 'Amélioration du KPI',
  'report.csv.pct_of_target': '% du chemin vers la cible',
  'report.csv.section': 'Section',
  'report.csv.metric': 'Indicateur',
  'report.csv.group': 'Population',
  'report.csv.value': 'Valeur',
  'report.csv.numerator': 'Numérateur',
  'report.csv.denominator': 'Dénominateur',
  'report.csv.people': 'Personnes',
  'report.csv.suppressed': 'Masqué',
} satisfies Partial<Catalog>;
