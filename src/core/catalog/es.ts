import type { Catalog } from './index.js';

/** Spanish, addressing people with "tú" as workplace software in Spanish usually does. Same keys as `en.ts`. */
export const es = {
  // ---- everyday words ------------------------------------------------------------------------------
  'common.genericFailure': 'Algo falló de nuestro lado; no se guardó nada. Vuelve a intentarlo en un minuto.',
  'common.notAllowed': 'Eso no te corresponde cambiarlo.',
  'common.curatorsOnly': 'Solo las personas curadoras pueden hacer eso.',
  'common.buttonInvalid': 'Ese botón ya no es válido.',
  'common.buttonOutdated': 'Ese botón está desactualizado.',
  'common.formOutdated': 'Ese formulario está desactualizado; ábrelo de nuevo.',
  'common.formUnreadable': 'No se pudo leer ese formulario; vuelve a abrirlo.',
  'common.requestUnreadable': 'No entendí esa solicitud.',
  'common.alreadyDone': 'Ya está hecho.',
  'common.cancel': 'Cancelar',
  'common.back': 'Atrás',
  'common.openForm': 'Abrir el formulario',
  'common.someone': 'alguien',
  'common.and': '{first} y {second}',

  // ---- validation --------------------------------------------------------------------------------------
  'validation.required': 'Completa este campo.',
  'validation.invalid': 'Eso no encaja aquí.',
  'validation.number': 'Escribe un número.',
  'validation.tooLong': 'Usa menos de {max} caracteres.',
  'validation.date': 'Indica una fecha con el formato AAAA-MM-DD.',
  'validation.realDate': 'Esa fecha no existe en el calendario.',
  'validation.choose': 'Elige una de las opciones.',
  'validation.experiment.behavior': 'Describe el comportamiento en pocas palabras.',
  'validation.experiment.hypothesis': 'Di qué esperas que cambie.',
  'validation.experiment.kpiName': 'Ponle nombre al indicador.',
  'validation.experiment.kpiUnit': 'Indica una unidad, p. ej. % o puntos.',
  'validation.experiment.direction': 'Elige si es mejor más alto o más bajo.',
  'validation.experiment.length': 'Un experimento dura de 8 a 16 semanas.',
  'validation.experiment.targetAbove':
    'La meta debe estar por encima del valor inicial si más alto es mejor.',
  'validation.experiment.targetBelow':
    'La meta debe estar por debajo del valor inicial si más bajo es mejor.',
  'validation.experiment.ended': 'Ese periodo ya terminó; elige una fecha de inicio posterior.',
  'validation.survey.practice': 'Elige con qué frecuencia practicaste, de 1 a 5.',
  'validation.survey.confidence': 'Elige tu confianza, de 1 a 5.',
  'validation.charter.fewWords': 'Unas palabras, por favor.',
  'validation.charter.cadence': 'Elige semanal, quincenal o mensual.',
  'validation.charter.confidentiality':
    'Ambas personas deben aceptar mantener en confidencialidad lo que se hable.',
  'validation.charter.kpiNamesDiffer': 'Los dos indicadores necesitan nombres distintos.',
  'validation.charter.milestoneOrder': 'El segundo hito debe ser posterior al primero.',
  'validation.charter.earlierPage': 'Página anterior: {problems}',
  'validation.charter.problem': '{field}: {message}',
  'validation.changes.comment': 'Di qué debería cambiar.',
  'validation.curator.mentor': 'Elige a la nueva persona mentora.',
  'validation.curator.reason': 'Da un motivo breve.',
  'validation.curator.note': 'Escribe una nota breve.',
  'validation.curator.days': 'Elige un número de días.',
  'validation.curator.menteeSelf': 'La persona mentorizada no puede ser su propia mentora.',
  'validation.curator.sameMentor': 'Elige a alguien distinto de la persona mentora actual.',

  // ---- consent ------------------------------------------------------------------------------------------
  'consent.intro':
    '¡Hola! Soy el acompañante de coaching de *{program}*. Antes de empezar, esto es lo que guardo y quién lo ve.',
  'consent.collectLabel': 'Qué guardo',
  'consent.collect':
    'Tu experimento, tus respuestas en los seguimientos y cuándo me respondes. Nunca leo tus otros chats.',
  'consent.whoLabel': 'Quién lo ve',
  'consent.who':
    'Tú. Tu mentor ve los puntos de tu acuerdo. Las personas curadoras solo ven señales de participación. Las personas administradoras ven totales de grupos de 5 o más.',
  'consent.howLongLabel': 'Por cuánto tiempo',
  'consent.howLong':
    'Las notas que escribes se borran tras {freeTextDays, plural, one {# día} other {# días}}; los totales se guardan {aggregateMonths, plural, one {# mes} other {# meses}}.',
  'consent.stopAnyTime':
    'Puedes parar cuando quieras con `/coach optout`, o borrar tus datos con `/coach forget-me`.',
  'consent.accept': 'Aceptar',
  'consent.decline': 'Rechazar',
  'consent.accepted': 'Gracias, ya estás dentro. Siguiente paso: elige un comportamiento para experimentar.',
  'consent.acceptedShort': 'Gracias, ya estás dentro.',
  'consent.startExperiment': 'Empezar mi experimento',
  'consent.declined': 'Entendido: no te escribiré sobre coaching. No se guarda nada más sobre ti.',
  'consent.declinedShort': 'Entendido: no te escribiré sobre coaching.',
  'consent.pendingFirst':
    'Primero acepta o rechaza el mensaje de consentimiento (está en nuestros mensajes directos).',
  'consent.stoppedOfferedAgain':
    'Detuviste los mensajes de coaching. Te envié de nuevo el mensaje de consentimiento; acéptalo para empezar otra vez.',

  // ---- first contact and installs ----------------------------------------------------------------------------
  'welcome.sentConsent':
    '¡Bienvenida o bienvenido! Te envié un mensaje directo sobre lo que guardo y quién lo ve. Acéptalo allí y vuelve a intentarlo.',
  'welcome.hello':
    '¡Hola{named, select, yes { {name}} other {}}! Soy tu acompañante de coaching. Primero, una nota breve sobre lo que guardo y quién lo ve; cuando la aceptes, podrás preparar tu experimento. Escribe `/coach help` cuando quieras.',
  'welcome.pending':
    '¡Hola{named, select, yes { {name}} other {}}! Soy tu acompañante de coaching. Encontrarás una nota breve sobre lo que guardo y quién lo ve; cuando la aceptes, empezamos.',
  'welcome.back':
    '¡Qué bueno verte de nuevo{named, select, yes {, {name}} other {}}! Escribe `/coach status` para ver dónde estás, o `/coach help` para ver lo que entiendo.',
  'welcome.groupChat':
    'Trabajo en un chat 1:1 contigo y en canales de equipo para las personas curadoras. Escríbeme directamente para empezar.',
  'enrol.notEnrolled':
    'Todavía no estás inscrito en un programa de coaching. Pide a la administración de tu programa que te añada.',
  'enrol.notEnrolledYet': 'Aún no estás inscrito. Envíame cualquier mensaje para empezar.',
  'enrol.programMissing':
    'El programa «{program}» aún no está configurado. Consulta a la administración de tu programa.',
  'enrol.noSuchProgram': 'No hay ningún programa llamado «{program}».',
  'enrol.nothingStored': 'No tengo nada guardado sobre ti.',

  // ---- commands ------------------------------------------------------------------------------------------------
  'help.title': '*Comandos de coaching*:',
  'help.start': '• `/coach start` — preparar (o editar) tu experimento de comportamiento',
  'help.status': '• `/coach status` — tu experimento, el próximo mensaje y tus respuestas',
  'help.checkin': '• `/coach checkin` — responder ahora el seguimiento en curso',
  'help.pause': '• `/coach pause` / `/coach resume` — pausar o reanudar tu experimento',
  'help.snooze': '• `/coach snooze 7` — sin mensajes unos días; luego vuelven solos',
  'help.optout': '• `/coach optout` — dejar de recibir mensajes de coaching',
  'help.forget':
    '• `/coach forget-me` — borrar lo que guardo sobre ti (notas, experimento y acuerdo); los totales anónimos se mantienen',
  'help.pair': '• `/coach pair @mentor @mentee` — formar una pareja (personas curadoras)',
  'command.unknown': 'No conozco «{word}».',
  'command.snoozeInvalid': 'La pausa admite de 1 a 60 días, p. ej. `/coach snooze 7`.',
  'command.paused': 'En pausa. Sin recordatorios ni encuestas hasta que escribas `/coach resume`.',
  'command.resumed': 'Reanudado. Tu próximo mensaje está programado; mira `/coach status`.',
  'command.snoozed':
    'En pausa durante {days, plural, one {# día} other {# días}}, hasta el {until, date, day}. Los mensajes vuelven solos.',
  'command.optedOut':
    'Listo: ya no recibirás mensajes de coaching. Tu decisión sobre el consentimiento queda registrada.',
  'command.forgotten':
    'Listo: borré tus datos personales y todo lo que escribiste (notas, experimento y acuerdo). Solo quedan totales anónimos. No sabrás más de mí a menos que me escribas.',
  'command.forgetUnavailable':
    'El borrado no está disponible aquí; consulta a la administración de tu programa.',
  'command.noCheckpointOpen': 'Ahora no hay ningún seguimiento abierto. Te escribiré en el próximo.',
  'command.pairUsage': 'Uso: `/coach pair @mentor @mentee` (menciona a ambas personas).',
  'command.paired':
    '{mentor} (mentor) y {mentee} (mentee) forman ahora una pareja.{waiting, select, yes { Las presentaciones se envían en cuanto ambas personas acepten el mensaje de consentimiento.} other {}}',
  'help.language':
    '• `/coach language de` — el idioma en que te escribo ({languages}); `/coach language auto` sigue a tu plataforma',
  'command.languageSet': 'Listo: a partir de ahora te escribo en {language}.',
  'command.languageAuto': 'Listo: vuelvo a seguir a tu plataforma y tu programa; por ahora es {language}.',
  'command.languageIs':
    'Te escribo en {language}. Cámbialo con `/coach language de`, o con otro de {languages}.',
  'command.languageUnknown': 'Todavía no hablo «{word}». Elige uno de {languages}.',

  // ---- experiment -------------------------------------------------------------------------------------------
  'experiment.form.title': 'Experimento de comportamiento',
  'experiment.form.submit': 'Empezar experimento',
  'experiment.form.submitEdit': 'Guardar cambios',
  'experiment.form.behavior': 'Comportamiento a practicar',
  'experiment.form.behaviorPlaceholder': 'Preguntar antes de decir en los 1:1',
  'experiment.form.hypothesis': 'Hipótesis',
  'experiment.form.hypothesisPlaceholder': 'Si pregunto primero, mi equipo aportará más soluciones propias',
  'experiment.form.kpiName': 'Nombre del indicador',
  'experiment.form.kpiNamePlaceholder': 'Ideas del equipo por semana',
  'experiment.form.kpiUnit': 'Unidad del indicador',
  'experiment.form.kpiUnitPlaceholder': 'ideas',
  'experiment.form.baseline': 'Valor inicial',
  'experiment.form.target': 'Meta',
  'experiment.form.direction': '¿Qué es mejor?',
  'experiment.form.higher': 'Más alto es mejor',
  'experiment.form.lower': 'Más bajo es mejor',
  'experiment.form.startDate': 'Fecha de inicio',
  'experiment.form.length': 'Duración (semanas)',
  'experiment.form.weeks': '{weeks} semanas',
  'experiment.saved':
    'Tu experimento está listo: *{behavior}*, del {start} al {end}.{hasNext, select, yes { Tu primer mensaje llega {next}.} other {}}',
  'experiment.updated':
    'Tu experimento está actualizado (versión {version}).{hasNext, select, yes { Tu primer mensaje llega {next}.} other {}}',
  'experiment.savedHint': 'Escribe `/coach status` para verlo, o `/coach start` para editarlo.',
  'experiment.staleForm':
    'Este formulario ya se guardó: *{behavior}* va por la versión {version}. Escribe `/coach start` para editarlo otra vez.',
  'experiment.staleFormNew':
    'Este formulario está desactualizado. Escribe `/coach start` para abrir uno nuevo.',
  'experiment.notRunning': 'No tienes ningún experimento en curso. Empieza uno con `/coach start`.',
  'experiment.alreadyPaused': 'Tu experimento ya está en pausa. Reanúdalo con `/coach resume`.',
  'experiment.leadersOnly':
    'Los experimentos de comportamiento son para los líderes de este programa; tu papel aquí es otro.',
  'experiment.snoozedWeek': 'En pausa durante una semana.',
  'experiment.start': 'Empezar experimento',
  'experiment.edit': 'Editar experimento',
  'experiment.pause': 'Pausar',
  'experiment.resume': 'Reanudar',
  'experiment.snoozeWeek': 'Pausar una semana',

  // ---- status ------------------------------------------------------------------------------------------------
  'status.title': 'Tu experimento de coaching',
  'status.notEnrolled':
    'Todavía no estás inscrito en un programa de coaching. Envíame un mensaje para empezar.',
  'status.consentPending':
    'Aún no respondiste al mensaje de consentimiento; hasta entonces no se guarda nada sobre ti.',
  'status.consentStopped':
    'Detuviste los mensajes de coaching. Te envié de nuevo el mensaje de consentimiento por si quieres empezar otra vez.',
  'status.noExperiment':
    'Aún no hay experimento. Empieza uno con el botón *Empezar experimento* o con `/coach start`.',
  'status.experiment':
    '*Experimento:* {behavior} ({status, select, active {activo} paused {en pausa} completed {terminado} abandoned {abandonado} other {{status}}})',
  'status.hypothesis': '*Hipótesis:* {hypothesis}',
  'status.kpi':
    '*Indicador:* {name} en {unit}, {direction, select, increase {más alto} other {más bajo}} es mejor',
  'status.window': '*Periodo:* del {start} al {end}',
  'status.trend': '*Evolución:* {trend}',
  'status.trendTarget': '{points} · meta {target}',
  'status.trendChange': '{points} · meta {target} · {change} {unit} respecto al inicio',
  'status.checkpointAnswered':
    '• Día {day}: práctica {practice}/5{hasConfidence, select, yes {, confianza {confidence}/5} other {}}',
  'status.checkpointOther':
    '• Día {day}: {status, select, open {abierto} reminded {recordado} missed {perdido} other {{status}}}',
  'status.snoozed': '*En pausa* hasta el {until, date, day}.',
  'status.next':
    '*Próximo mensaje:* {kind, select, nudge {recordatorio} checkpoint {seguimiento} checkpoint_reminder {recordatorio del seguimiento} other {{kind}}} el {at, date, dayTime} ({zone})',
  'status.nextNone': '*Próximo mensaje:* ninguno programado',
  'status.nextWhen': '{at, date, dayTime} ({zone})',

  // ---- nudges -----------------------------------------------------------------------------------------------
  'nudge.did': 'Lo hice',
  'nudge.skip': 'Esta semana no',
  'nudge.snooze': 'Pausar una semana',
  'nudge.answeredDid': 'Buen trabajo: queda anotado como hecho.',
  'nudge.answeredSkip': 'Anotado: esta semana no. Sin juicios; la próxima semana empieza de nuevo.',
  'nudge.answeredSnooze': 'En pausa hasta el {until, date, day}. No te escribiré hasta entonces.',
  'nudge.alreadyAnswered': 'Ya respondiste a este.',
  'nudge.builtIn.first': 'Tu experimento esta semana: *{behavior}*. ¿En qué momento de hoy puedes probarlo?',
  'nudge.builtIn.second': 'Un momento sobre *{behavior}*: ¿qué notaste la última vez que lo probaste?',
  'nudge.builtIn.third':
    'Los pequeños pasos cuentan. Una ocasión hoy para practicar *{behavior}*; luego cuéntame cómo te fue.',

  // ---- the wait-list of a staggered pilot -------------------------------------------------------------------
  'waitlist.coachingStarts':
    'El periodo de comparación de *{program}* terminó. Gracias por responder los seguimientos: hacen que el resultado del piloto sea fiable. Desde hoy recibes el coaching completo, como todo el mundo: recordatorios a tu hora entre los seguimientos. {running, select, yes {Empiezan con tu experimento *{behavior}*.} other {Elige un comportamiento para practicar y escribe `/coach start` para preparar tu experimento.}}',

  // ---- checkpoints ------------------------------------------------------------------------------------------
  'survey.question':
    '{lead, select, reminder {Un recordatorio amable:} other {Hora de un seguimiento de dos clics.}} Seguimiento del día {day} para *{behavior}*: ¿con qué frecuencia lo practicaste últimamente?',
  'survey.practice1': '1 · Todavía no',
  'survey.practice2': '2 · Una vez',
  'survey.practice3': '3 · Algunas veces',
  'survey.practice4': '4 · Casi todos los días',
  'survey.practice5': '5 · A diario',
  'survey.confidence1': '1 – inseguro',
  'survey.confidence2': '2',
  'survey.confidence3': '3',
  'survey.confidence4': '4',
  'survey.confidence5': '5 – muy seguro',
  'survey.thenDetails': 'Luego un paso corto: {kpi} de hoy y tu confianza.',
  'survey.practiceSaved': 'Seguimiento del día {day}: práctica {practice}/5 guardada. Un paso más:',
  'survey.addKpi': 'Añadir {kpi}',
  'survey.kpiToday': '*{kpi}* hoy, en {unit}',
  'survey.heading': 'Seguimiento del día {day}',
  'survey.checkinIntro': 'Seguimiento del día {day} para *{behavior}*',
  'survey.answered':
    'Seguimiento del día {day} guardado: práctica {practice}/5{hasKpi, select, yes {, {kpi} {value} {unit} ({change} respecto al inicio)} other {}}{hasConfidence, select, yes {, confianza {confidence}/5} other {}}. ¡Gracias!',
  'survey.changeAnswer': 'Cambiar mi respuesta',
  'survey.closed': 'El seguimiento del día {day} ya cerró.',
  'survey.closedShort': 'Este seguimiento ya cerró.',
  'survey.form.title': 'Seguimiento',
  'survey.form.submit': 'Guardar',
  'survey.form.kpiValue': 'Valor del indicador hoy',
  'survey.form.confidence': 'Confianza en mantenerlo',
  'survey.form.note': '¿Algo que anotar? (solo tú y tu coach lo ven)',
  'checkin.form.title': 'Seguimiento',
  'checkin.form.practice': '¿Con qué frecuencia practicaste últimamente?',

  // ---- the pairing charter ----------------------------------------------------------------------------------
  'charter.field.goals': 'Objetivos de esta mentoría',
  'charter.field.kpi1Name': 'Indicador 1',
  'charter.field.kpi1Baseline': 'Indicador 1: valor inicial',
  'charter.field.kpi1Target': 'Indicador 1: meta',
  'charter.field.kpi2Name': 'Indicador 2',
  'charter.field.kpi2Baseline': 'Indicador 2: valor inicial',
  'charter.field.kpi2Target': 'Indicador 2: meta',
  'charter.field.milestone1': 'Primer hito',
  'charter.field.milestone1Due': 'Fecha del primer hito',
  'charter.field.milestone2': 'Segundo hito',
  'charter.field.milestone2Due': 'Fecha del segundo hito',
  'charter.field.cadence': 'Frecuencia de reuniones',
  'charter.field.confidentiality': 'Confidencialidad',
  'charter.field.mentorWill': 'La persona mentora hará…',
  'charter.field.mentorWillNot': 'La persona mentora no hará…',
  'charter.cadence.weekly': 'Semanal',
  'charter.cadence.biweekly': 'Cada dos semanas',
  'charter.cadence.monthly': 'Mensual',
  'charter.agree': 'Lo que hablamos queda entre nosotros',
  'charter.question.goals': '¿Qué quieres de esta mentoría? Dos o tres objetivos con tus palabras.',
  'charter.question.kpi1Name':
    'Nombra el primer indicador que quieres mover (p. ej. «alineación con las partes interesadas»).',
  'charter.question.kpi1Baseline': '¿Dónde está el indicador 1 hoy? (un número)',
  'charter.question.kpi1Target': '¿Dónde debería estar el indicador 1 al final? (un número)',
  'charter.question.kpi2Name': 'Nombra el segundo indicador.',
  'charter.question.kpi2Baseline': '¿Dónde está el indicador 2 hoy? (un número)',
  'charter.question.kpi2Target': '¿Dónde debería estar el indicador 2 al final? (un número)',
  'charter.question.milestone1': 'Describe tu primer hito (a unos 90 días).',
  'charter.question.milestone1Due': '¿Cuándo vence el primer hito? (AAAA-MM-DD)',
  'charter.question.milestone2': 'Describe tu segundo hito (a unos 180 días).',
  'charter.question.milestone2Due': '¿Cuándo vence el segundo hito? (AAAA-MM-DD)',
  'charter.question.cadence': '¿Con qué frecuencia se reunirán: weekly, biweekly o monthly?',
  'charter.question.confidentiality': '¿Aceptas que lo que hablen quede entre ustedes dos? Responde «agree».',
  'charter.question.mentorWill':
    '¿Qué hará tu mentor por ti? (p. ej. revisar mi plan, presentarme a colegas)',
  'charter.question.mentorWillNot':
    '¿Qué queda fuera del papel del mentor? (p. ej. no es mi jefe, no evalúa mi desempeño)',
  'charter.page1': 'Acuerdo 1/3: objetivos',
  'charter.page2': 'Acuerdo 2/3: plan',
  'charter.page3': 'Acuerdo 3/3: roles',
  'charter.next': 'Siguiente',
  'charter.send': 'Enviar al mentor',
  'charter.pageIntro': 'Tus respuestas se guardan tras cada página; puedes volver cuando quieras.',
  'charter.summary.goals': 'Objetivos',
  'charter.summary.kpi1': 'Indicador 1',
  'charter.summary.kpi2': 'Indicador 2',
  'charter.summary.kpi': '{name}: {baseline} → {target}',
  'charter.summary.milestones': 'Hitos',
  'charter.summary.milestone': '{description} (vence {due})',
  'charter.summary.cadence': 'Frecuencia',
  'charter.summary.confidentiality': 'Confidencialidad',
  'charter.summary.agreed': 'Acordado: lo que hablamos queda entre nosotros',
  'charter.summary.will': 'La persona mentora hará',
  'charter.summary.willNot': 'La persona mentora no hará',
  'charter.sentToMentor': 'Tu acuerdo va camino de tu mentor. Te avisaré cuando lo confirme o pida cambios.',
  'charter.thanksSent': '¡Gracias! Tu acuerdo (versión {version}) está con {mentor} para confirmarlo.',
  'charter.withMentor': 'Tu acuerdo está ahora con tu mentor; podrás editarlo si pide cambios.',
  'charter.alreadyWithMentor': 'Tu acuerdo ya está con tu mentor.',
  'charter.incomplete': 'El acuerdo aún no está completo.',
  'charter.chatStart':
    'Hagamos tu acuerdo paso a paso. Responde «stop» cuando quieras; tus respuestas se guardan.',
  'charter.chatAllAnswered': 'Todo está respondido. Responde «send» para enviar el acuerdo a tu mentor.',
  'charter.chatMovedHere': 'Hagámoslo en el chat: ya te hice la primera pregunta.',
  'charter.chatPaused':
    'En pausa. Tus respuestas están guardadas; retoma donde lo dejaste con el botón del acuerdo cuando quieras.',
  'charter.chatSaved': 'Guardado. {question}',
  'charter.chatNoFit': 'Eso no encaja: {error} {question}',
  'charter.chatAlmost': 'Casi, pero {error} {question}',
  'charter.chatFix': '{error} {question}',
  'charter.review': '*{mentee}* te envió su acuerdo de mentoría (versión {version}). ¿Te parece bien?',
  'charter.confirm': 'Confirmar acuerdo',
  'charter.askChanges': 'Pedir cambios',
  'charter.confirmed': 'Confirmaste el acuerdo (versión {version}). Ya está activo.',
  'charter.alreadyConfirmed': 'Este acuerdo ya está confirmado.',
  'charter.notWaiting': 'Esta versión ya no está esperando tu respuesta.',
  'charter.activeForMentee':
    '{mentor} confirmó tu acuerdo. Ya está activo; los hitos vencen el {first} y el {second}.',
  'charter.changesRequested':
    '*{mentor}* pidió cambios en tu acuerdo: «{comment}». Tus respuestas anteriores se mantienen; edita lo necesario y vuelve a enviarlo.',
  'charter.editForm': 'Editar en un formulario',
  'charter.editChat': 'Editar paso a paso en el chat',
  'charter.changesSent': 'Pediste cambios en la versión {version}. Ya transmití tu comentario.',
  'changes.form.title': 'Pedir cambios',
  'changes.form.submit': 'Enviar',
  'changes.form.comment': '¿Qué debería cambiar?',

  // ---- pairs --------------------------------------------------------------------------------------------------
  'pair.introMentor':
    'Ahora eres mentor de *{mentee}*. Esa persona redactará su acuerdo (objetivos, dos indicadores, hitos, frecuencia, límites); te lo enviaré para que lo confirmes o pidas cambios.',
  'pair.introMentee':
    'Tu mentor es *{mentor}*. Primer paso: tu acuerdo — objetivos, dos indicadores, hitos a los 90 y 180 días, cada cuánto se reúnen, confidencialidad y qué hará y qué no hará tu mentor. Tus respuestas se guardan tras cada paso.',
  'pair.fillForm': 'Rellenar un formulario',
  'pair.fillChat': 'Responder paso a paso aquí',
  'pair.closed': 'Esta pareja de mentoría se cerró.',
  'pair.selfMentor': 'Nadie puede ser su propio mentor.',
  'pair.alreadyPaired': 'Estas dos personas ya forman una pareja activa.',
  'pair.nudge':
    'Un saludo amistoso: hace tiempo que tú y *{other}* no actualizan aquí su mentoría. ¿Hay una conversación en el calendario? Una actualización rápida del acuerdo o de un hito mantiene el rumbo.',
  'pair.yourMentor': 'tu mentor',
  'pair.yourMentee': 'tu mentee',
  'pair.yourPartner': 'tu pareja de mentoría',
  'pair.mentor': 'mentor',
  'pair.mentee': 'mentee',
  'pair.rematchedMentee':
    'El equipo del programa te asignó un nuevo mentor, {mentor}. A veces una mirada nueva encaja mejor con el momento que vives; gracias por el trabajo hecho. Tu nuevo acuerdo empieza desde cero.',
  'pair.rematchedMentor':
    'Gracias por acompañar a {mentee}. El equipo del programa organizó una nueva pareja que encaja mejor con sus objetivos actuales; no necesitas hacer nada.',
  'pair.curatorNote': 'Una nota del equipo del programa: {note}',
  'pair.closedMentee':
    'Tu mentoría con {mentor} ha llegado a su fin. Gracias por el tiempo que ambos le dedicaron.',
  'pair.closedMentor':
    'Tu mentoría con {mentee} ha llegado a su fin. Gracias por el tiempo que le dedicaste.',

  // ---- milestones -----------------------------------------------------------------------------------------------
  'milestone.reminder': 'Hito con *{mentee}* para el {due}: «{description}». ¿Cómo fue?',
  'milestone.met': 'Cumplido',
  'milestone.partly': 'En parte',
  'milestone.notYet': 'Todavía no',
  'milestone.answer':
    '{answer, select, met {cumplido} partly {cumplido en parte} not_yet {todavía no cumplido} other {{answer}}}',
  'milestone.confirmed':
    'Hito «{description}» confirmado como *{answer, select, met {cumplido} partly {cumplido en parte} not_yet {todavía no cumplido} other {{answer}}}*.{noted, select, yes { Nota añadida.} other {}}',
  'milestone.addNote': 'Añadir una nota',
  'milestone.toMentee':
    '{mentor} marcó el hito «{description}» como {answer, select, met {cumplido} partly {cumplido en parte} not_yet {todavía no cumplido} other {{answer}}}.',
  'milestone.noteToMentee': '{mentor} añadió una nota a «{description}»: {note}',
  'milestone.noteIntro': 'Hito «{description}», para el {due}.',
  'note.form.title': 'Nota del hito',
  'note.form.submit': 'Guardar',
  'note.form.note': 'Nota para tu mentee (opcional)',

  // ---- engagement and curators ----------------------------------------------------------------------------------
  'engagement.charterUnfinished': 'acuerdo sin terminar {days} días después de formar la pareja',
  'engagement.milestoneLate':
    'hito «{description}» {confirmed, select, yes {confirmado} other {sin confirmar}} {days} días después de su fecha',
  'engagement.personQuiet':
    '{role, select, mentor {mentor} other {mentee}} {name} no ha interactuado con el bot en {days} días',
  'engagement.checkinMissed':
    'la persona mentorizada no respondió {count, plural, one {# seguimiento} other {# seguimientos}}',
  'engagement.reason': '• {reason} (−{points})',
  'engagement.reasonPlain': '• {reason}',
  'engagement.noSignals': '• sin señales',
  'alert.low':
    'La participación de la pareja *{mentee}* (mentee) y *{mentor}* (mentor) es baja: {score}/100, por debajo del umbral de {threshold}.',
  'alert.afterNudge':
    'La pareja ya recibió un recordatorio amable y un periodo de gracia. Nada cambia hasta que una persona curadora decida.',
  'alert.rematch': 'Cambiar mentor',
  'alert.checkin': 'Consultar a la pareja',
  'alert.snooze': 'Pausar esta alerta',
  'alert.close': 'Cerrar la pareja',
  'alert.unreachable':
    '⚠ No se puede contactar a {people} en su plataforma de chat (bloqueó o quitó la app).',
  'alert.handled':
    'Pareja *{mentee}* (mentee) y *{mentor}* (mentor), {score}/100: *{curator}* {action, select, rematch {cambió el mentor} checkin {consultó a la pareja} snooze {pausó esta alerta} close {cerró la pareja} other {atendió esta alerta}} el {at}.{hasDetail, select, yes { {detail}} other {}}',
  'alert.alreadyHandled': 'Esta alerta ya se atendió.',
  'alert.alreadyHandledBy': '{curator} ya atendió esta alerta.',
  'alert.anotherCurator': 'otra persona curadora',
  'alert.aCurator': 'Una persona curadora',
  'alert.summaryRematch': 'Nuevo mentor: {mentor}.',
  'alert.summaryCheckin': 'Se envió una nota a ambos.',
  'alert.summarySnooze': 'No habrá nuevas alertas de esta pareja hasta el {until}.',
  'alert.summaryClose': 'La pareja está cerrada.',
  'alert.noPeople':
    'Aquí no se puede elegir a nadie más como nuevo mentor. Añade primero a la persona al equipo.',
  'alert.peopleUnavailable': 'No pude leer los miembros ahora; vuelve a intentarlo en un minuto.',
  'alert.unreachablePerson':
    'Ya no se puede contactar a *{person}* en {platform, select, teams {Teams} other {Slack}} ({reason}). Sus mensajes de coaching quedan detenidos hasta que vuelva a escribir al bot.',
  'alert.aParticipant': 'Una persona participante',
  'rematch.form.title': 'Cambiar de mentor',
  'rematch.form.submit': 'Cambiar',
  'rematch.form.mentor': 'Nuevo mentor',
  'rematch.form.reason': 'Motivo (queda en el registro de auditoría, la pareja no lo ve)',
  'pairCheckin.form.title': 'Consultar a la pareja',
  'pairCheckin.form.submit': 'Enviar a ambos',
  'pairCheckin.form.note': 'Una nota breve para ambos',
  'snooze.form.title': 'Pausar esta alerta',
  'snooze.form.submit': 'Pausar',
  'snooze.form.days': '¿Por cuánto tiempo?',
  'snooze.form.option': '{days} días',
  'close.form.title': 'Cerrar la pareja',
  'close.form.submit': 'Cerrar pareja',
  'close.form.reason': 'Motivo (queda en el registro de auditoría)',

  // ---- curator channel ------------------------------------------------------------------------------------------
  'channel.help':
    'Soy el acompañante de coaching. En un canal de equipo hago una sola cosa: publicar alertas sobre parejas de mentoría con poca participación, con botones para cambiar mentor, consultar, pausar o cerrar (solo personas curadoras).\n• `/coach claim` — una persona curadora convierte este canal en el lugar de las alertas\n• `/coach pair @mentor @mentee` — una persona curadora forma una pareja\n• `/coach help` — este mensaje\nPara tu propio coaching, escríbeme en un chat 1:1.',
  'channel.unknown':
    'En un canal de equipo entiendo `/coach claim`, `/coach pair` y `/coach help`. Para tu propio coaching, escríbeme en un chat 1:1.',
  'channel.claimElsewhere':
    'Eso se hace en un canal de equipo: añádeme al canal donde las personas curadoras quieren las alertas y escribe allí `/coach claim` (mencionándome).',
  'channel.claimNotCurator':
    'Solo las personas curadoras pueden reservar un canal para las alertas. Pide a la administración de tu programa que te añada a CURATORS como {platform}:{user}.',
  'channel.claimConfigured':
    'Las alertas van al canal definido en la configuración; cambia ese ajuste para traerlas aquí.',
  'channel.claimed': 'Listo: las alertas de esta organización llegan ahora a este canal ({channel}).',
  'channel.helloCurators':
    '¡Hola! Las alertas sobre parejas de mentoría llegarán a este canal. Solo las personas curadoras pueden actuar sobre ellas.',
  'channel.hello':
    '¡Hola! Soy el acompañante de coaching. Para tu propio coaching, escríbeme en un chat 1:1.',
  'channel.helloClaim':
    '¡Hola! Soy el acompañante de coaching. Una persona curadora puede mencionarme con `/coach claim` en el canal que debe recibir las alertas. Para tu propio coaching, escríbeme en un chat 1:1.',

  // ---- matching (proposals for curators) -------------------------------------------------------------------------
  'match.reason.topics':
    'comparte {count, plural, one {# de {wanted} temas} other {# de {wanted} temas}}: {topics} (+{points})',
  'match.reason.department':
    '{same, select, yes {mismo departamento, {mentor}} other {otro departamento: {mentor}, no {mentee}}} (+{points})',
  'match.reason.level':
    '{gap, plural, =0 {el mismo nivel} one {un nivel por encima} other {# niveles por encima}} (+{points})',
  'match.reason.timezone': '{hours, number} horas de trabajo en común al día (+{points})',
  'match.unmatched':
    'sin propuesta: {constraint, select, no_mentors {no hay mentores} capacity {todos los mentores que encajan están ocupados} reporting_line {solo mentores de la línea jerárquica} not_with {solo mentores con los que alguien pidió no coincidir} closed_before {solo mentores con los que ya hubo pareja} overlap {muy pocas horas de trabajo en común} language {ningún idioma en común} other {ningún mentor encaja}} ({detail})',
  'match.blocker':
    '{constraint, select, no_mentors {sin mentores} capacity {completo} reporting_line {línea jerárquica} not_with {no con} closed_before {ya fueron pareja} overlap {horario de trabajo} language {idioma} other {otro}}: {mentors, plural, one {# mentor} other {# mentores}}',
  'match.review.title':
    'Propuestas de parejas para *{program}*: {count, plural, one {# propuesta} other {# propuestas}}, {open} aún por decidir. No se forma ninguna pareja hasta que una persona curadora la apruebe; las parejas aprobadas se presentan cuando ambas personas han aceptado.',
  'match.review.proposal': '*{mentee}* con el mentor *{mentor}* (encaje {fit})',
  'match.review.candidate': '*{mentor}* (encaje {fit})',
  'match.review.reasonLine': '• {reason}',
  'match.review.approve': 'Aprobar',
  'match.review.another': 'Elegir a otra persona',
  'match.review.reject': 'Rechazar',
  'match.review.pick': 'Emparejar con {mentor}',
  'match.review.noAlternatives': 'Ningún otro mentor cumple todas las condiciones y tiene un hueco libre.',
  'match.review.decided':
    '{status, select, approved {Aprobada por *{curator}* el {at}.} changed {*{curator}* eligió a *{mentor}* en su lugar el {at}.} other {Rechazada por *{curator}* el {at}.}}',
  'match.review.alreadyDecided': 'Una persona curadora ya decidió sobre esta propuesta.',
  'match.review.notAlternative': 'Ese mentor ya no es una de las alternativas.',
  'match.review.mentorFull': '{mentor} ya no tiene hueco libre; elige otro mentor.',
  'match.review.menteePaired': '{mentee} ya tiene mentor.',

  // ---- the pair's voice --------------------------------------------------------------------------------------------
  'help.pairStatus':
    '• `/coach pair status` — la puntuación de participación de tu pareja de mentoría y sus motivos',
  'help.notWith':
    '• `/coach notwith @person` — en privado, no coincidir nunca con alguien (`/coach notwith` muestra la lista)',
  'pairStatus.none': 'Ahora mismo no estás en ninguna pareja de mentoría activa.',
  'pairStatus.pair':
    'Tu pareja con *{other}* ({role, select, mentor {tu mentee} other {tu mentor}}): *{score}/100*. {low, select, yes {Está por debajo de {threshold}: primero ambos reciben un recordatorio amable, y si sigue baja tras un periodo de gracia, se pide a las personas curadoras que lo revisen.} other {Solo se pide a las personas curadoras que lo revisen si baja de {threshold} y sigue así tras un recordatorio amable.}}',
  'pairStatus.reasons': 'Lo que ve el bot (nunca tus conversaciones):',
  'notWith.added':
    'Anotado, en privado: no te propondré a {people} como pareja. Nadie más ve esta lista, y las personas que están en ella no lo saben. `/coach notwith` muestra la lista; `/coach notwith remove @person` quita a alguien.',
  'notWith.removed': 'Quitado de tu lista «no con»: {people}.',
  'notWith.notListed': 'No estaba en tu lista «no con».',
  'notWith.list': 'Tu lista privada «no con» (solo tú la ves): {people}.',
  'notWith.empty':
    'Tu lista privada «no con» está vacía. `/coach notwith @person` evita que el emparejamiento te proponga a esa persona; nadie más ve la lista.',
  'notWith.self': 'Esa persona eres tú. Menciona a la persona con la que prefieres no coincidir.',
  'notWith.answeredInChat': 'Te he respondido en nuestro chat 1:1.',
  'notWith.unknownEmail': 'No conozco a nadie en el programa con ese correo.',
  'rematch.suggestions': 'Sugerencias del emparejamiento (un punto de partida; elige a quien quieras abajo):',
  'rematch.noSuggestions':
    'El emparejamiento no tiene sugerencias: ningún otro mentor cumple todas las condiciones y tiene un hueco libre.',
  'voice.fine': 'Todo bien, nos vemos fuera del chat',
  'voice.newMatch': 'Quiero otra pareja',
  'voice.fineForm.title': 'Todo bien',
  'voice.fineForm.submit': 'Enviar',
  'voice.fineForm.note': '¿Algo que añadir? (opcional, solo para el equipo del programa)',
  'voice.fineThanks': 'Gracias, anotado que se ven fuera del chat.',
  'voice.newMatchSent':
    'Enviado en privado a las personas curadoras del programa: quieres otra pareja. No es culpa de nadie, y {other} no lo sabrá. Alguien del equipo te escribirá.',
  'voice.newMatchAlready': 'Tu petición de otra pareja ya la tienen las personas curadoras.',
  'alert.matchRequested':
    'Se pide otra pareja para *{mentee}* (mentee) y *{mentor}* (mentor): una petición sin culpa, que la otra persona no ve. Participación {score}/100.',
  'engagement.matchRequested':
    '{role, select, mentor {el mentor} other {la persona mentee}} {name} pidió otra pareja (sin culpa)',
  // ---- pair check-ins on the charter's cadence
  'meeting.ask':
    'Seguimiento de pareja: ¿te reuniste con *{other}* desde el {since, date, day}? Solo el equipo del programa ve las respuestas.',
  'meeting.yes': 'Sí',
  'meeting.notYet': 'Todavía no',
  'meeting.skip': 'Esta vez no toca',
  'meeting.answered':
    '{answer, select, not_yet {Anotado: todavía no. Nadie te lo reprocha; intenta encontrar un momento pronto.} other {Anotado: esta vez no os reunís. No cuenta como reunión perdida.}}',
  'meeting.howUseful': 'Qué bien que os reunisteis. ¿Qué tan útil fue, de 1 (poco) a 5 (mucho)? Opcional.',
  'meeting.usefulness': '{n}',
  'meeting.rated': 'Gracias: os reunisteis y fue útil {n} de 5.',
  'meeting.addNote': 'Añadir una nota',
  'meeting.noteForm.title': 'Tu reunión',
  'meeting.noteForm.submit': 'Guardar',
  'meeting.noteForm.note': 'Una nota para el equipo del programa (privada, nunca se muestra a tu pareja)',
  'meeting.noted': 'Gracias: tu nota está guardada.',
  'meeting.closedRound': 'Ese seguimiento está cerrado: ya se pidió uno más reciente.',
  'engagement.meetingsMissed':
    '{met} de {expected} {expected, plural, one {reunión prevista} other {reuniones previstas}}',

  // ---- outcome reports (HTML and CSV, for program admins) ----------------------------------------------
  'report.title': 'informe de resultados',
  'report.meta':
    'Informe de resultados · programa {program} (versión {version} de la configuración) · experimentos de {weeks} semanas, puntos de control en los días {days} · generado el {generated}',
  'report.privacyBadge': 'Privacidad: toda cifra sobre menos de {min} personas se oculta',
  'report.footer': 'informe de resultados de coachloop',
  'report.suppressed': 'oculto (n<5)',
  'report.suppressedTitle': 'Oculto: menos de 5 personas',
  'report.smallGroup': 'n<5',
  'report.noDataTitle': 'Aún no hay datos',
  'report.chart.noAnswers': 'Aún no hay respuestas',
  'report.chart.nothingDue': 'aún no vence nada',
  'report.chart.or': ' o ',
  'report.ofTotal': 'de {total}',
  'report.partOf': '{part} de {total}',
  'report.percentagePoints': '{n} pp',
  'report.day': 'Día {day}',
  'report.leaders': 'Líderes',
  'report.arm': '{arm, select, coached {Con coaching} control {Control} other {{arm}}}',
  'report.direction': '{direction, select, decrease {menos es mejor} other {más es mejor}}',
  'report.outcome':
    '{outcome, select, practice {frecuencia de práctica (1 = aún no, 5 = a diario)} other {% del camino del valor inicial del KPI a la meta}}',
  'report.points': '{n, plural, one {punto} other {puntos}}',
  'report.tiles.invited': 'Líderes invitados',
  'report.tiles.invitedStep': 'Invitados',
  'report.tiles.leadersInProgram': 'líderes del programa',
  'report.tiles.consented': 'Con consentimiento',
  'report.tiles.ofEveryoneInvited': 'de todas las personas invitadas',
  'report.tiles.consentedOfInvited': '{consented} de {invited} invitados',
  'report.tiles.answeredDay': 'Respondieron el día {day}',
  'report.tiles.ofSurveysSent': 'de {sent} encuestas enviadas',
  'report.tiles.noSurveySent': 'aún no se envió ninguna encuesta',
  'report.tiles.wayToTarget': 'Camino a la meta del KPI',
  'report.tiles.meanAtDay': 'media en el día {day}, líderes con coaching',
  'report.tiles.noKpiAnswers': 'aún no se muestran respuestas del KPI',
  'report.tiles.roi': 'ROI',
  'report.tiles.notComputed': 'sin calcular',
  'report.tiles.netReturn': '{percent} de retorno neto sobre el coste',
  'report.tiles.missing': 'falta: {missing}',
  'report.funnel.heading': '1. Embudo de participación',
  'report.funnel.lead':
    'De la invitación al último punto de control. Los porcentajes son sobre todas las personas invitadas; cada paso cuenta a los líderes que lo alcanzaron.',
  'report.funnel.chart': 'Embudo de participación',
  'report.funnel.experimentSet': 'Experimento definido',
  'report.funnel.consent': 'Consentimiento',
  'report.funnel.acceptedStillIn': 'Aceptado, sigue dentro',
  'report.funnel.acceptedOptedOut': 'Aceptado, se retiró después',
  'report.funnel.declined': 'Rechazado',
  'report.funnel.noAnswer': 'Aún sin respuesta',
  'report.funnel.medianDaysToConsent': 'Mediana de días, de la invitación al consentimiento',
  'report.funnel.notInFunnel':
    'Fuera del embudo: {count} mentores, curadores o administradores sin rol de líder.',
  'report.responses.heading': '2. Tasas de respuesta',
  'report.responses.lead':
    'Microencuestas de los puntos de control respondidas de las enviadas (ambos grupos), y respuestas a los recordatorios de los recordatorios entregados.',
  'report.responses.message': 'Mensaje',
  'report.responses.sent': 'Enviados',
  'report.responses.answered': 'Respondidos',
  'report.responses.rate': 'Tasa de respuesta',
  'report.responses.checkpoint': 'Punto de control del día {day}',
  'report.responses.nudgesAny': 'Recordatorios (cualquier respuesta)',
  'report.responses.nudgesDid': 'Recordatorios respondidos con «Lo hice»',
  'report.outcomes.heading':
    '3. Práctica y cambio del KPI{arms, select, yes { — líderes con coaching} other {}}',
  'report.outcomes.lead':
    '{people} líderes {arms, select, yes {con coaching } other {}}con consentimiento, {withExperiment} con un experimento. El cambio del KPI de cada líder se mide desde su propio valor inicial, teniendo en cuenta su sentido (una bajada es una mejora cuando menos es mejor), y se expresa como % del camino hacia su propia meta.',
  'report.outcomes.checkpoint': 'Punto de control',
  'report.outcomes.practice': 'Práctica (1–5)',
  'report.outcomes.wayMean': 'Camino a la meta, media',
  'report.outcomes.median': 'mediana',
  'report.outcomes.improved': 'KPI mejorado',
  'report.outcomes.reached': 'Meta alcanzada',
  'report.outcomes.baseline': 'Inicio',
  'report.outcomes.coachedLeaders': 'Líderes con coaching',
  'report.outcomes.progressChart':
    '% medio del camino del valor inicial del KPI a la meta, por punto de control',
  'report.outcomes.target': 'meta',
  'report.outcomes.practiceChart':
    'Frecuencia de práctica media (1 = aún no, 5 = a diario), por punto de control',
  'report.outcomes.wayCaption': 'Camino a la meta del KPI (% medio)',
  'report.outcomes.practiceCaption': 'Frecuencia de práctica (media, 1–5)',
  'report.outcomes.unitsHeading': 'Cambios del KPI por unidad',
  'report.outcomes.unitsLead':
    'Cambio en la unidad propia del KPI, del inicio a cada punto de control (positivo = mejor), para unidades que comparten al menos 5 líderes. Las flechas muestran el valor medio alcanzado.',
  'report.outcomes.noUnit': 'Aún ninguna unidad la comparten 5 o más líderes.',
  'report.outcomes.unit': 'Unidad',
  'report.outcomes.baselineToTarget': 'Inicio → meta (media)',
  'report.outcomes.otherUnits': 'Líderes con otras unidades: {count}.',
  'report.comparison.heading': '4. Con coaching frente a control',
  'report.comparison.noControl':
    'El roster no tiene grupo de control, así que no hay con qué comparar. Da a algunos líderes {code} en el roster: responden a los puntos de control pero no reciben recordatorios.',
  'report.comparison.lead':
    'Con coaching: {coached} líderes con consentimiento ({coachedWith} con un experimento). Control: {control} ({controlWith} con un experimento), medidos en los mismos puntos de control sin recordatorios. Diferencia = con coaching − control.',
  'report.comparison.wayChart': '% medio del camino a la meta, con coaching y control',
  'report.comparison.practiceChart': 'Frecuencia de práctica media, con coaching y control',
  'report.comparison.answered': 'Respondidos (con coaching / control)',
  'report.comparison.wayCoached': 'Camino a la meta, con coaching',
  'report.comparison.control': 'control',
  'report.comparison.difference': 'Diferencia',
  'report.comparison.practiceCoached': 'Práctica, con coaching',
  'report.mentoring.heading': '5. Parejas de mentoría',
  'report.mentoring.none': 'Aún no hay parejas de mentoría en este programa.',
  'report.mentoring.lead':
    '{people} personas en {pairs} parejas. Las cifras sobre menos de 5 de ellas (mentores y mentees juntos) se ocultan.',
  'report.mentoring.onTime': 'confirmados a tiempo',
  'report.mentoring.late': 'confirmados tarde',
  'report.mentoring.notConfirmed': 'sin confirmar',
  'report.mentoring.milestonesChart': 'Hitos vencidos: confirmados a tiempo, tarde, sin confirmar',
  'report.mentoring.pairs': 'Parejas activas · cerradas · reasignadas',
  'report.mentoring.charter': 'Acuerdo completado',
  'report.mentoring.charterSub': 'parejas de más de {days} días con un acuerdo confirmado',
  'report.mentoring.daysToCharter': 'Mediana de días hasta el acuerdo',
  'report.mentoring.daysToCharterSub': 'formación de la pareja → confirmación del mentor',
  'report.mentoring.milestones': 'Hitos confirmados a tiempo',
  'report.mentoring.milestonesSub': 'de los hitos vencidos; tarde: {late}, sin confirmar: {unconfirmed}',
  'report.mentoring.alerts': 'Alertas a curadores',
  'report.mentoring.alertsSub': 'atendidas: {actedOn}; esperando decisión: {awaiting}',
  'report.mentoring.hoursToAction': 'Mediana de horas, alerta → acción',
  'report.mentoring.hoursToActionSub': 'primera decisión de un curador',
  'report.mentoring.optOuts': 'Bajas entre personas en pareja',
  'report.mentoring.proposals': 'Propuestas de pareja aprobadas · cambiadas · rechazadas',
  'report.mentoring.proposalsSub': 'de {total}; aún abiertas: {open}',
  'report.mentoring.daysToPair': 'Mediana de días, alta → pareja',
  'report.mentoring.mentees': 'mentees',
  'report.mentoring.noFault': 'Salidas sin culpa',
  'report.mentoring.noFaultSub': 'parejas en las que alguien pidió otra pareja',
  'report.mentoring.rematched': 'Reasignadas en los 30 días siguientes a una alerta',
  'report.mentoring.meetings': 'Reuniones celebradas de las esperadas',
  'report.mentoring.meetingsSub': 'según los seguimientos de pareja; mediana por pareja: {median} %',
  'report.mentoring.milestonesCaption': 'Hitos vencidos hasta ahora',
  'report.budget.heading': '6. Carga de mensajes',
  'report.budget.lead':
    'Mensajes presupuestados (recordatorios, encuestas de los puntos de control y sus avisos, recordatorios a parejas, avisos de hitos) entregados por persona y semana local, frente al presupuesto semanal del programa. Las semanas sin mensajes no cuentan.',
  'report.budget.mean': 'Media por semana-persona',
  'report.budget.noMessages': 'aún no hay mensajes',
  'report.budget.messages': '{count} mensajes',
  'report.budget.weekly': 'Presupuesto semanal',
  'report.budget.chart': 'Mensajes presupuestados por semana-persona frente al presupuesto semanal',
  'report.budget.personWeeks': 'Semanas-persona',
  'report.budget.share': 'Parte media del presupuesto',
  'report.budget.atBudget': 'Semanas en el presupuesto',
  'report.budget.overBudget': 'Semanas por encima del presupuesto',
  'report.roi.heading': '7. Retorno de la inversión',
  'report.roi.lead':
    'Cuatro pasos visibles: inicio → diferencia → atribución → valor frente a coste. ROI = (valor atribuible − coste del programa) / coste del programa. Cada dato de abajo viene de la configuración {code} del programa.',
  'report.roi.needs': 'necesita {missing}',
  'report.roi.missing': 'falta',
  'report.roi.baseline': 'Inicio',
  'report.roi.baselineCalc': '{outcome} antes del programa; después: {after}',
  'report.roi.baselineNone': 'el resultado antes del programa',
  'report.roi.delta': 'Diferencia',
  'report.roi.deltaCalc': 'después − antes, {better}',
  'report.roi.deltaNone': 'después − antes, con signo para que positivo sea mejor',
  'report.roi.attribution': 'Atribución',
  'report.roi.attributionCalc': '{delta} × {percent} atribuido al programa',
  'report.roi.attributionShare': '{percent} de la diferencia atribuido al programa',
  'report.roi.attributionNone': 'parte de la diferencia atribuida al programa',
  'report.roi.value': 'Valor frente a coste',
  'report.roi.valueCalc': '{units} × {perUnit} por unidad; coste del programa {cost}',
  'report.roi.valuePending': '× {perUnit} por unidad; coste del programa {cost}',
  'report.roi.valueNone': 'valor por unidad; coste del programa',
  'report.roi.result': '({percent} de retorno neto sobre el coste del programa; valor neto {net})',
  'report.roi.none': 'Sin cifra de ROI.',
  'report.roi.assumptions': 'Supuestos, tal como los introdujo la administración del programa',
  'report.roi.outcome': 'Resultado valorado',
  'report.roi.direction': 'Sentido',
  'report.roi.before': 'Inicio (antes)',
  'report.roi.after': 'Actual (después)',
  'report.roi.why': 'Por qué esta atribución',
  'report.roi.notGiven': 'no indicado',
  'report.roi.perUnit': 'Valor por unidad',
  'report.roi.cost': 'Coste del programa',
  'report.roi.currency': 'Moneda',
  'report.verdict.none': 'Sin veredicto.',
  'report.verdict.word': '{verdict, select, go {Adelante} no_go {No seguir} other {No concluyente}}',
  'report.verdict.rule':
    'Regla de decisión: {outcome} en el día {day}; menor efecto que merece escalar {effect}; intervalo del {level}; al menos {min} líderes por grupo.',
  'report.verdict.deviations':
    '{count, plural, one {# desviación} other {# desviaciones}} de la regla fijada al inicio (ver la sección de evidencia).',
  'report.rule.outcomeAt': '{outcome} en el día {day}',
  'report.rule.primary': 'Resultado principal',
  'report.rule.smallestEffect': 'Menor efecto que merece escalar',
  'report.rule.effect': '{effect} (con coaching − control)',
  'report.rule.interval': 'Intervalo',
  'report.rule.intervalValue': '{level} (Welch)',
  'report.rule.minPerArm': 'Mínimo de líderes por grupo',
  'report.rule.minPerArmValue': '{min} con datos en el día {day}',
  'report.rule.secondary': 'Resultados secundarios',
  'report.rule.noSecondary': 'ninguno',
  'report.rule.arms': 'Grupos',
  'report.rule.method':
    '{method, select, roster {del roster} randomized {aleatorizados} staggered {escalonados} other {{method}}}',
  'report.rule.stratified': 'estratificados por {by}',
  'report.rule.control': '{percent} de control',
  'report.rule.seed': 'semilla {seed}',
  'report.evidence.heading': '{number}. Evidencia y veredicto',
  'report.evidence.noRule':
    'La sección indica el resultado principal, el menor efecto que merece escalar, el nivel del intervalo y el mínimo de líderes por grupo, fijados antes de la primera alta.',
  'report.evidence.lead':
    'La regla de decisión de abajo se fijó al dar de alta al primer líder{launched, select, other { ({launched})} none {}}. El efecto es la media del grupo con coaching menos la del grupo de control, con un intervalo del {level}: el rango de efectos compatibles con los datos. {go} exige todo el intervalo por encima del menor efecto que merece escalar; {noGo}, todo el intervalo por debajo; cualquier otra cosa es {inconclusive}.',
  'report.evidence.noDeviation':
    'Sin desviación: la regla es la fijada al inicio{launched, select, other { (primera alta el {launched})} none {}}.',
  'report.evidence.deviationOn': 'Desviación el {on}',
  'report.evidence.deviationVersion': 'Desviación el {on} (versión {version} del programa)',
  'report.evidence.notSet': 'sin definir',
  'report.evidence.underLaunchRule': 'Con la regla fijada al inicio el veredicto sería: {verdict}',
  'report.evidence.rule': 'Regla de decisión',
  'report.evidence.perArm': 'Líderes por grupo en el día {day}',
  'report.evidence.noControlArm': 'sin grupo de control',
  'report.evidence.effectHeading': 'Efecto del coaching (con coaching − control)',
  'report.evidence.intervalChart': 'Efecto {effect}, intervalo del {level} de {lower} a {upper}',
  'report.evidence.threshold': 'umbral {value}',
  'report.evidence.sdN': 'DE {sd}, n {n}',
  'report.evidence.range': '{lower} a {upper}',
  'report.evidence.size':
    '{size, select, negligible {despreciable} small {pequeño} medium {mediano} other {grande}}',
  'report.evidence.outcome': 'Resultado',
  'report.evidence.coachedMean': 'Media con coaching',
  'report.evidence.controlMean': 'Media control',
  'report.evidence.effect': 'Efecto',
  'report.evidence.interval': 'Intervalo del {level}',
  'report.evidence.hedges': 'g de Hedges',
  'report.evidence.secondaryNote':
    'Los resultados secundarios se muestran como contexto; solo decide el resultado principal. La g de Hedges es el efecto en desviaciones típicas (corregida para muestras pequeñas): en torno a 0,2 es pequeño, 0,5 mediano, 0,8 grande.',
  'report.evidence.missingData': 'Datos faltantes',
  'report.evidence.midReviewRun':
    'Revisión intermedia: hecha por primera vez el {on}{runs, plural, one {} other {, # veces en total}} (no muestra ningún efecto).',
  'report.evidence.midReviewNever': 'Revisión intermedia: nunca hecha.',
  'report.flow.enrolled': 'Dados de alta (asignados al grupo)',
  'report.flow.withData': 'Con datos en el punto de control principal',
  'report.flow.lost': 'Perdidos',
  'report.flow.noConsent': 'rechazaron el consentimiento o nunca respondieron',
  'report.flow.optedOut': 'se retiraron',
  'report.flow.noExperiment': 'no definieron experimento',
  'report.flow.missed': 'faltaron al punto de control',
  'report.flow.noValue': 'respondieron sin el valor',
  'report.flow.pending': 'Aún no toca o sigue abierto',
  'report.balance.heading': '{number}. Equilibrio entre grupos',
  'report.balance.fromRoster': 'Los grupos vienen de la columna {code} del roster.',
  'report.balance.drawn':
    'El bot sorteó el grupo de {count} líderes ({how}) con la semilla {seeds}: cualquiera puede repetir el sorteo con {command}.',
  'report.balance.waitlist': 'El grupo de control es una lista de espera, con coaching desde el {from}.',
  'report.balance.lead':
    'Los grupos deberían parecerse antes de que empiece el coaching; una gran diferencia aquí es motivo de cautela con el resultado.',
  'report.balance.enrolled': 'Líderes dados de alta',
  'report.balance.withExperiment': 'Con un experimento',
  'report.balance.ambition': 'Ambición de las metas (mediana del cambio previsto, % del inicio)',
  'report.timeline.heading': '{number}. Cronología',
  'report.timeline.lead':
    'Lo que pasó durante el piloto: sus puntos de control junto al registro de factores externos ({command}) — reorganizaciones, congelaciones de contratación y otros cambios que pueden explicar parte de una diferencia.',
  'report.timeline.chart': 'Cronología del piloto',
  'report.timeline.date': 'Fecha',
  'report.timeline.what': 'Qué',
  'report.timeline.kind':
    '{kind, select, launch {inicio} assignment {grupos} checkpoint {punto de control} waitlist {lista de espera} review {revisión} deviation {cambio de regla} note {factor externo} other {informe}}',
  'report.def.heading': 'Cómo leer este informe',
  'report.def.leaders': 'Líderes',
  'report.def.leadersText':
    'Personas del programa (nunca canales), salvo aquellas cuyos únicos roles son mentor, curador o administrador.',
  'report.def.invited': 'Invitados',
  'report.def.invitedText':
    'Cada líder del roster o que escribió al bot; la hora de invitación es la del roster o, si no, el primer contacto.',
  'report.def.consented': 'Con consentimiento',
  'report.def.consentedText':
    'Líderes que aceptaron, incluidos quienes se retiraron después (mostrados aparte).',
  'report.def.experiment': 'Experimento definido',
  'report.def.experimentText':
    'Líderes con al menos un experimento de comportamiento. Cada líder cuenta con un experimento: el que está en curso o, si no, el más reciente.',
  'report.def.answered': 'Respondieron el día N',
  'report.def.answeredText': 'Líderes que respondieron la encuesta del día N de ese experimento.',
  'report.def.responseRate': 'Tasa de respuesta',
  'report.def.responseRateText':
    'Encuestas respondidas de las enviadas; recordatorios respondidos (cualquier botón) de los entregados, y «Lo hice» de los entregados.',
  'report.def.practice': 'Práctica',
  'report.def.practiceText':
    'La primera respuesta del punto de control: 1 aún no, 2 una vez, 3 unas cuantas veces, 4 casi todos los días, 5 a diario.',
  'report.def.wayToTarget': 'Camino a la meta',
  'report.def.wayToTargetText':
    '(valor − inicio) / (meta − inicio) × 100 para cada líder: 0 % es el inicio, 100 % la meta y un número negativo un cambio en el sentido equivocado.',
  'report.def.improved': 'KPI mejorado',
  'report.def.improvedText': 'El cambio desde el inicio es una mejora una vez tenido en cuenta el sentido.',
  'report.def.outcomeFigures': 'Cifras de resultados',
  'report.def.outcomeFiguresText':
    'Líderes cuyo consentimiento sigue vigente; con grupo de control, solo el grupo con coaching (el control está en la sección 4).',
  'report.def.charter': 'Acuerdo completado',
  'report.def.charterText':
    'Parejas con al menos la antigüedad del plazo del acuerdo del programa cuyo mentor ha confirmado un acuerdo.',
  'report.def.milestones': 'Hitos a tiempo',
  'report.def.milestonesText':
    'Confirmados (cumplido, en parte o aún no) como muy tarde un día después del vencimiento, de los hitos vencidos mientras la pareja estaba activa.',
  'report.def.alertAction': 'Alerta → acción',
  'report.def.alertActionText':
    'Horas desde una alerta a curadores hasta la primera decisión de un curador (reasignar, preguntar, posponer o cerrar).',
  'report.def.budget': 'Uso del presupuesto',
  'report.def.budgetText':
    'Mensajes presupuestados entregados por persona y semana local, en las semanas con al menos uno.',
  'report.def.suppressed': 'Oculto (n<5)',
  'report.def.suppressedText':
    'Una cifra que describiría a menos de 5 personas se oculta: recuentos de 1 a 4 personas, medias y medianas sobre menos de 5 aportantes, y proporciones cuyo numerador o denominador abarca de 1 a 4 personas.',
  'report.mid.title': 'revisión intermedia',
  'report.mid.meta':
    'Revisión de gobernanza intermedia · programa {program} (versión {version} de la configuración) · primera vez el {firstRun}{runs} · generada el {generated}',
  'report.mid.runs': ', hecha {runs} veces',
  'report.mid.noEffect': 'Aquí no se muestra ningún efecto.',
  'report.mid.ruleHeading': '1. Regla de decisión',
  'report.mid.noRule':
    'No hay regla de decisión: añade una sección {code} al programa antes de que termine el piloto.',
  'report.mid.responsesLead':
    'Encuestas de los puntos de control respondidas de las enviadas, por grupo. Conviene actuar ahora ante una diferencia entre grupos: más adelante se convierte en datos faltantes.',
  'report.mid.quality': '3. Calidad de los datos',
  'report.mid.warning': '{leaders} líderes: {text}.',
  'report.mid.fewerThanFive': 'Menos de 5',
  'report.mid.noWarning': 'Ningún aviso de calidad de los datos.',
  'report.mid.footer': 'revisión intermedia de coachloop',
  'report.csv.pseudonym': 'Seudónimo',
  'report.csv.arm': 'Grupo',
  'report.csv.experiment_status': 'Estado del experimento',
  'report.csv.kpi_direction': 'Sentido del KPI',
  'report.csv.kpi_baseline': 'Inicio del KPI',
  'report.csv.kpi_target': 'Meta del KPI',
  'report.csv.checkpoint_day': 'Día del punto de control',
  'report.csv.survey_status': 'Estado de la encuesta',
  'report.csv.practice': 'Práctica',
  'report.csv.confidence': 'Confianza',
  'report.csv.kpi_value': 'Valor del KPI',
  'report.csv.kpi_improvement': 'Mejora del KPI',
  'report.csv.pct_of_target': '% del camino a la meta',
  'report.csv.section': 'Sección',
  'report.csv.metric': 'Indicador',
  'report.csv.group': 'Población',
  'report.csv.value': 'Valor',
  'report.csv.numerator': 'Numerador',
  'report.csv.denominator': 'Denominador',
  'report.csv.people': 'Personas',
  'report.csv.suppressed': 'Oculto',
} satisfies Partial<Catalog>;
