import type { Catalog } from './index.js';

/**
 * French addressing people with "tu", for programs whose file says `address: informal`: only the sentences
 * whose words differ from `fr.ts`, with the same parameters.
 */
export const frInformal = {
  'common.notAllowed': 'Ce n’est pas à toi de modifier cela.',
  'validation.experiment.hypothesis': 'Dis ce qui devrait changer selon toi.',
  'validation.survey.practice': 'Choisis à quelle fréquence tu as pratiqué, de 1 à 5.',
  'validation.survey.confidence': 'Choisis ta confiance, de 1 à 5.',
  'validation.charter.fewWords': 'Quelques mots, s’il te plaît.',
  'consent.collect':
    'Ton expérience, tes réponses aux points d’étape et le moment où tu me réponds. Je ne lis jamais tes autres conversations.',
  'consent.who':
    'Toi. Ton mentor voit les éléments de ta charte. Les curateurs ne voient que des signaux d’engagement. Les admins voient des totaux pour des groupes de 5 personnes ou plus.',
  'consent.howLong':
    'Les notes que tu saisis sont supprimées après {freeTextDays, plural, one {# jour} other {# jours}} ; les totaux sont gardés {aggregateMonths, plural, one {# mois} other {# mois}}.',
  'consent.stopAnyTime':
    'Tu peux arrêter à tout moment avec `/coach optout`, ou effacer tes données avec `/coach forget-me`.',
  'consent.accepted': 'Merci, tu es inscrit. Prochaine étape : choisis un comportement à expérimenter.',
  'consent.acceptedShort': 'Merci, tu es inscrit.',
  'consent.declined':
    'C’est noté : je ne t’écrirai pas au sujet du coaching. Rien d’autre n’est conservé à ton sujet.',
  'consent.declinedShort': 'C’est noté : je ne t’écrirai pas au sujet du coaching.',
  'consent.stoppedOfferedAgain':
    'Tu as arrêté les messages de coaching. Je t’ai renvoyé le message de consentement ; accepte-le pour recommencer.',
  'welcome.sentConsent':
    'Bienvenue ! Je t’ai envoyé un message direct sur ce que je conserve et qui le voit. Accepte-le là-bas, puis réessaie.',
  'welcome.hello':
    'Bonjour{named, select, yes { {name}} other {}} ! Je suis ton compagnon de coaching. D’abord, une courte note sur ce que je conserve et qui le voit ; une fois acceptée, tu pourras créer ton expérience. Tape `/coach help` à tout moment.',
  'welcome.pending':
    'Bonjour{named, select, yes { {name}} other {}} ! Je suis ton compagnon de coaching. Tu trouveras une courte note sur ce que je conserve et qui le voit ; une fois acceptée, nous pourrons commencer.',
  'welcome.back':
    'Bon retour{named, select, yes {, {name}} other {}} ! Tape `/coach status` pour voir où tu en es, ou `/coach help` pour ce que je comprends.',
  'welcome.groupChat':
    'Je travaille en conversation individuelle avec toi, et dans les canaux d’équipe pour les curateurs. Écris-moi directement pour commencer.',
  'enrol.notEnrolled':
    'Tu n’es encore inscrit à aucun programme de coaching. Demande à l’admin de ton programme de t’ajouter.',
  'enrol.notEnrolledYet': 'Tu n’es pas encore inscrit. Envoie-moi un message pour commencer.',
  'enrol.programMissing':
    'Le programme « {program} » n’est pas encore configuré. Demande à l’admin de ton programme.',
  'enrol.nothingStored': 'Je ne conserve rien à ton sujet.',
  'help.start': '• `/coach start` — créer (ou modifier) ton expérience de comportement',
  'help.status': '• `/coach status` — ton expérience, le prochain message et tes réponses',
  'help.pause': '• `/coach pause` / `/coach resume` — mettre en pause ou reprendre ton expérience',
  'help.forget':
    '• `/coach forget-me` — effacer ce que je conserve sur toi (notes, expérience et charte) ; les totaux anonymes restent',
  'command.resumed': 'Repris. Ton prochain message est planifié ; voir `/coach status`.',
  'command.optedOut': 'C’est fait : tu ne recevras plus de messages de coaching. Ton choix est enregistré.',
  'command.forgotten':
    'C’est fait : j’ai effacé tes données personnelles et tout ce que tu as saisi (notes, expérience et charte). Seuls des totaux anonymes restent. Tu n’auras plus de nouvelles de moi, sauf si tu m’écris.',
  'command.forgetUnavailable': 'L’effacement n’est pas disponible ici ; demande à l’admin de ton programme.',
  'command.noCheckpointOpen': 'Aucun point d’étape n’est ouvert pour le moment. Je t’écrirai au prochain.',
  'help.language':
    '• `/coach language de` — la langue dans laquelle je t’écris ({languages}) ; `/coach language auto` suit ta plateforme',
  'command.languageSet': 'C’est fait : désormais je t’écris en {language}.',
  'command.languageAuto':
    'C’est fait : je suis de nouveau ta plateforme et ton programme ; pour l’instant, c’est {language}.',
  'command.languageIs':
    'Je t’écris en {language}. Change-la avec `/coach language de`, ou une autre parmi {languages}.',
  'experiment.saved':
    'Ton expérience est prête : *{behavior}*, du {start} au {end}.{hasNext, select, yes { Ton premier message arrive {next}.} other {}}',
  'experiment.updated':
    'Ton expérience est mise à jour (version {version}).{hasNext, select, yes { Ton premier message arrive {next}.} other {}}',
  'experiment.notRunning': 'Tu n’as pas d’expérience en cours. Lance-en une avec `/coach start`.',
  'experiment.alreadyPaused': 'Ton expérience est déjà en pause. Reprends-la avec `/coach resume`.',
  'experiment.leadersOnly':
    'Les expériences de comportement sont destinées aux managers de ce programme ; ton rôle ici est différent.',
  'status.title': 'Ton expérience de coaching',
  'status.notEnrolled':
    'Tu n’es encore inscrit à aucun programme de coaching. Envoie-moi un message pour commencer.',
  'status.consentPending':
    'Tu n’as pas encore répondu au message de consentement ; rien n’est conservé à ton sujet d’ici là.',
  'status.consentStopped':
    'Tu as arrêté les messages de coaching. Je t’ai renvoyé le message de consentement si tu souhaites recommencer.',
  'nudge.alreadyAnswered': 'Tu as déjà répondu à celui-ci.',
  'nudge.builtIn.first':
    'Ton expérience cette semaine : *{behavior}*. Quel moment aujourd’hui pour l’essayer ?',
  'nudge.builtIn.second':
    'Petit point sur *{behavior}* : qu’as-tu remarqué la dernière fois que tu l’as essayé ?',
  'survey.question':
    '{lead, select, reminder {Un petit rappel :} other {C’est l’heure d’un point en deux clics.}} Point d’étape du jour {day} pour *{behavior}* : à quelle fréquence l’as-tu pratiqué ces derniers temps ?',
  'survey.thenDetails': 'Puis une courte étape : {kpi} aujourd’hui et ta confiance.',
  'survey.form.note': 'Quelque chose à noter ? (seuls toi et ton coach le voyez)',
  'checkin.form.practice': 'À quelle fréquence as-tu pratiqué dernièrement ?',
  'help.pairStatus':
    '• `/coach pair status` — le score d’engagement de ton binôme de mentorat et ses raisons',
  'validation.tooLong': 'Reste sous {max} caractères.',
  'validation.experiment.behavior': 'Décris le comportement en quelques mots.',
  'validation.experiment.kpiName': 'Nomme l’indicateur.',
  'validation.experiment.kpiUnit': 'Indique une unité, par ex. % ou points.',
  'validation.experiment.direction': 'Choisis si plus haut ou plus bas est mieux.',
  'validation.experiment.ended': 'Cette période est déjà terminée ; choisis une date de début plus tardive.',
  'command.languageUnknown': 'Je ne parle pas encore « {word} ». Choisis parmi {languages}.',
  'experiment.savedHint':
    'Tape `/coach status` à tout moment pour la voir, ou `/coach start` pour la modifier.',
  'experiment.staleForm':
    'Ce formulaire a déjà été enregistré : *{behavior}* en est à la version {version}. Tape `/coach start` pour la modifier à nouveau.',
  'experiment.staleFormNew':
    'Ce formulaire n’est plus à jour. Tape `/coach start` pour en ouvrir un nouveau.',
  'status.noExperiment':
    'Pas encore d’expérience. Lance-en une avec le bouton *Lancer l’expérience* ou `/coach start`.',
  'validation.charter.cadence': 'Choisis hebdomadaire, toutes les deux semaines ou mensuel.',
  'validation.curator.mentor': 'Choisis le nouveau mentor.',
  'validation.curator.reason': 'Donne une raison courte.',
  'validation.curator.note': 'Écris une courte note.',
  'validation.curator.days': 'Choisis un nombre de jours.',
  'validation.curator.sameMentor': 'Choisis quelqu’un d’autre que le mentor actuel.',
  'command.pairUsage': 'Utilisation : `/coach pair @mentor @mentee` (mentionne les deux personnes).',
  'charter.question.goals': 'Qu’attends-tu de ce mentorat ? Deux ou trois objectifs, avec tes propres mots.',
  'charter.question.kpi1Name':
    'Nomme le premier indicateur que tu veux faire évoluer (par ex. « alignement des parties prenantes »).',
  'charter.question.kpi2Name': 'Nomme le second indicateur.',
  'charter.question.milestone1': 'Décris ton premier jalon (vers 90 jours).',
  'charter.question.milestone2': 'Décris ton second jalon (vers 180 jours).',
  'charter.question.confidentiality':
    'Acceptes-tu de garder entre vous deux ce que vous vous dites ? Réponds « agree ».',
  'charter.question.mentorWill':
    'Que fera ton mentor pour toi ? (par ex. relire mon plan, me présenter à des pairs)',
  'charter.pageIntro': 'Tes réponses sont enregistrées après chaque page ; tu peux y revenir à tout moment.',
  'charter.sentToMentor':
    'Ta charte est en route vers ton mentor. Je te dirai quand il la confirme ou demande des changements.',
  'charter.thanksSent': 'Merci ! Ta charte (version {version}) attend la confirmation de {mentor}.',
  'charter.withMentor':
    'Ta charte est maintenant chez ton mentor ; tu pourras la modifier s’il demande des changements.',
  'charter.alreadyWithMentor': 'Ta charte est déjà chez ton mentor.',
  'charter.chatStart':
    'Faisons ta charte pas à pas. Réponds « stop » à tout moment ; tes réponses sont gardées.',
  'charter.chatAllAnswered': 'Tout est répondu. Réponds « send » pour envoyer la charte à ton mentor.',
  'charter.chatPaused':
    'En pause. Tes réponses sont enregistrées ; reprends où tu en étais avec le bouton de la charte, quand tu veux.',
  'charter.review': '*{mentee}* t’a envoyé votre charte de mentorat (version {version}). Te convient-elle ?',
  'charter.confirmed': 'Tu as confirmé la charte (version {version}). Elle est active.',
  'charter.notWaiting': 'Cette version ne t’attend plus.',
  'charter.activeForMentee':
    '{mentor} a confirmé ta charte. Elle est active ; les jalons sont dus le {first} et le {second}.',
  'charter.changesRequested':
    '*{mentor}* demande des changements à ta charte : « {comment} ». Tes réponses précédentes sont gardées ; modifie ce qui doit l’être et renvoie-la.',
  'charter.changesSent':
    'Tu as demandé des changements à la version {version}. J’ai transmis ton commentaire.',
  'waitlist.coachingStarts':
    'La période de comparaison de *{program}* est terminée. Merci d’avoir répondu aux points d’étape : ce sont eux qui rendent le résultat du pilote fiable. À partir d’aujourd’hui, tu reçois le coaching complet, comme tout le monde : des rappels à ton heure entre les points d’étape. {running, select, yes {Ils commencent avec ton expérience *{behavior}*.} other {Choisis un comportement à pratiquer et tape `/coach start` pour créer ton expérience.}}',
  'pair.introMentor':
    'Tu es maintenant le mentor de *{mentee}*. Cette personne rédige votre charte (objectifs, deux indicateurs, jalons, rythme, limites) ; je te l’enverrai pour confirmation ou demande de changements.',
  'pair.introMentee':
    'Tu es en binôme avec *{mentor}*, ton mentor. Première étape : ta charte — objectifs, deux indicateurs, jalons à 90 et 180 jours, rythme des rencontres, confidentialité, et ce que ton mentor fera ou non. Tes réponses sont enregistrées à chaque étape.',
  'pair.nudge':
    'Un petit signe : cela fait un moment que toi et *{other}* n’avez pas mis à jour votre mentorat ici. Une rencontre est-elle prévue ? Une mise à jour rapide de la charte ou d’un jalon aide à garder le cap.',
  'pair.yourMentor': 'ton mentor',
  'pair.yourMentee': 'ton mentoré',
  'pair.yourPartner': 'ton binôme',
  'pair.rematchedMentee':
    'L’équipe du programme t’a associé à un nouveau mentor, {mentor}. Un nouveau regard convient parfois mieux au moment que tu vis ; merci pour le travail accompli. Ta nouvelle charte repart d’une page blanche.',
  'pair.rematchedMentor':
    'Merci d’avoir accompagné {mentee}. L’équipe du programme a organisé un nouveau binôme, mieux adapté à ses objectifs actuels ; rien n’est attendu de ta part.',
  'pair.closedMentee':
    'Ton mentorat avec {mentor} arrive à son terme. Merci pour le temps que vous y avez consacré tous les deux.',
  'pair.closedMentor':
    'Ton mentorat avec {mentee} arrive à son terme. Merci pour le temps que tu y as consacré.',
  'alert.noPeople':
    'Personne d’autre ne peut être choisi comme nouveau mentor ici. Ajoute d’abord la personne à l’équipe.',
  'channel.help':
    'Je suis le compagnon de coaching. Dans un canal d’équipe, je fais une seule chose : publier les alertes sur les binômes de mentorat dont l’engagement baisse, avec des boutons pour changer de mentor, prendre des nouvelles, mettre en veille ou clore (curateurs uniquement).\n• `/coach claim` — un curateur fait de ce canal le lieu des alertes\n• `/coach pair @mentor @mentee` — un curateur forme un binôme\n• `/coach help` — ce message\nPour ton propre coaching, écris-moi en conversation individuelle.',
  'channel.unknown':
    'Dans un canal d’équipe, je comprends `/coach claim`, `/coach pair` et `/coach help`. Pour ton propre coaching, écris-moi en conversation individuelle.',
  'channel.claimElsewhere':
    'Cela se fait dans un canal d’équipe : ajoute-moi au canal où les curateurs veulent les alertes et tapes-y `/coach claim` (en me mentionnant).',
  'channel.claimNotCurator':
    'Seuls les curateurs peuvent réserver un canal aux alertes. Demande à l’admin de ton programme de t’ajouter à CURATORS en tant que {platform}:{user}.',
  'channel.claimConfigured':
    'Les alertes vont dans le canal défini dans la configuration ; modifie ce réglage pour les recevoir ici.',
  'channel.hello':
    'Bonjour ! Je suis le compagnon de coaching. Pour ton propre coaching, écris-moi en conversation individuelle.',
  'channel.helloClaim':
    'Bonjour ! Je suis le compagnon de coaching. Un curateur peut me mentionner avec `/coach claim` dans le canal qui doit recevoir les alertes. Pour ton propre coaching, écris-moi en conversation individuelle.',
  'pairStatus.none': 'Tu ne fais partie d’aucun binôme de mentorat actif pour le moment.',
  'pairStatus.pair':
    'Ton binôme avec *{other}* ({role, select, mentor {ton mentoré} other {ton mentor}}) : *{score}/100*. {low, select, yes {C’est sous {threshold} : vous recevez d’abord tous les deux un petit rappel amical, et si le score reste bas après un délai de grâce, les curateurs sont invités à regarder.} other {Les curateurs ne sont invités à regarder que si le score passe sous {threshold} et y reste après un rappel amical.}}',
  'notWith.added':
    'C’est noté, en toute confidentialité : je ne te proposerai pas {people}. Personne d’autre ne voit cette liste, et les personnes qui y figurent n’en sont pas informées. `/coach notwith` affiche la liste ; `/coach notwith remove @person` retire quelqu’un.',
  'notWith.removed': 'Retiré de ta liste « pas avec » : {people}.',
  'notWith.notListed': 'Cette personne ne figurait pas sur ta liste « pas avec ».',
  'notWith.list': 'Ta liste confidentielle « pas avec » (toi seul la vois) : {people}.',
  'notWith.empty':
    'Ta liste confidentielle « pas avec » est vide. `/coach notwith @person` empêche qu’on te propose cette personne ; personne d’autre ne voit la liste.',
  'notWith.self': 'C’est toi. Mentionne la personne avec qui tu préfères ne pas être associé.',
  'notWith.answeredInChat': 'Je t’ai répondu dans notre conversation individuelle.',
  'rematch.suggestions':
    'Suggestions de l’algorithme (un point de départ ; choisis qui tu veux ci-dessous) :',
  'voice.newMatchSent':
    'Envoyé en toute confidentialité aux curateurs du programme : tu voudrais un autre binôme. Ce n’est la faute de personne, et {other} n’en est pas informé. Un curateur te contactera.',
  'voice.newMatchAlready': 'Ta demande d’un autre binôme est déjà entre les mains des curateurs.',
  'meeting.ask':
    'Point binôme : *{other}* et toi, vous êtes-vous rencontrés depuis le {since, date, day} ? Seule l’équipe du programme voit les réponses.',
  'meeting.answered':
    '{answer, select, not_yet {C’est noté : pas encore. Personne ne te le reproche — essaie de trouver un moment bientôt.} other {C’est noté : vous passez cette rencontre. Elle ne compte pas comme manquée.}}',
  'meeting.noteForm.note':
    'Une note pour l’équipe du programme (confidentielle, jamais montrée à ton binôme)',
  'meeting.noted': 'Merci — ta note est enregistrée.',
  'match.review.mentorFull': '{mentor} n’a plus de place libre ; choisis un autre mentor.',
} satisfies Partial<Catalog>;
