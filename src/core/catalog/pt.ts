import type { Catalog } from './index.js';

/** Brazilian Portuguese, addressing people with "você". Same keys and parameters as `en.ts`. */
export const pt = {
  // ---- everyday words ------------------------------------------------------------------------------
  'common.genericFailure': 'Algo deu errado do nosso lado; nada foi salvo. Tente de novo daqui a um minuto.',
  'common.notAllowed': 'Não cabe a você mudar isso.',
  'common.curatorsOnly': 'Só curadores podem fazer isso.',
  'common.buttonInvalid': 'Esse botão não vale mais.',
  'common.buttonOutdated': 'Esse botão está desatualizado.',
  'common.formOutdated': 'Esse formulário está desatualizado; abra-o de novo.',
  'common.formUnreadable': 'Não foi possível ler esse formulário; abra-o de novo.',
  'common.requestUnreadable': 'Não entendi esse pedido.',
  'common.alreadyDone': 'Já foi feito.',
  'common.cancel': 'Cancelar',
  'common.back': 'Voltar',
  'common.openForm': 'Abrir o formulário',
  'common.someone': 'alguém',
  'common.and': '{first} e {second}',

  // ---- validation --------------------------------------------------------------------------------------
  'validation.required': 'Preencha este campo.',
  'validation.invalid': 'Isso não cabe aqui.',
  'validation.number': 'Digite um número.',
  'validation.tooLong': 'Use menos de {max} caracteres.',
  'validation.date': 'Informe uma data no formato AAAA-MM-DD.',
  'validation.realDate': 'Essa data não existe no calendário.',
  'validation.choose': 'Escolha uma das opções.',
  'validation.experiment.behavior': 'Descreva o comportamento em poucas palavras.',
  'validation.experiment.hypothesis': 'Diga o que você espera que mude.',
  'validation.experiment.kpiName': 'Dê um nome ao indicador.',
  'validation.experiment.kpiUnit': 'Informe uma unidade, por ex. % ou pontos.',
  'validation.experiment.direction': 'Escolha se maior ou menor é melhor.',
  'validation.experiment.length': 'Um experimento dura de 8 a 16 semanas.',
  'validation.experiment.targetAbove': 'A meta precisa ficar acima do valor inicial quando maior é melhor.',
  'validation.experiment.targetBelow': 'A meta precisa ficar abaixo do valor inicial quando menor é melhor.',
  'validation.experiment.ended': 'Esse período já terminou; escolha uma data de início posterior.',
  'validation.survey.practice': 'Escolha com que frequência você praticou, de 1 a 5.',
  'validation.survey.confidence': 'Escolha sua confiança, de 1 a 5.',
  'validation.charter.fewWords': 'Algumas palavras, por favor.',
  'validation.charter.cadence': 'Escolha semanal, quinzenal ou mensal.',
  'validation.charter.confidentiality':
    'Vocês dois precisam concordar em manter sigilo sobre o que for dito.',
  'validation.charter.kpiNamesDiffer': 'Os dois indicadores precisam de nomes diferentes.',
  'validation.charter.milestoneOrder': 'O segundo marco precisa vir depois do primeiro.',
  'validation.charter.earlierPage': 'Página anterior: {problems}',
  'validation.charter.problem': '{field}: {message}',
  'validation.changes.comment': 'Diga o que deve mudar.',
  'validation.curator.mentor': 'Escolha o novo mentor.',
  'validation.curator.reason': 'Dê um motivo curto.',
  'validation.curator.note': 'Escreva uma nota curta.',
  'validation.curator.days': 'Escolha um número de dias.',
  'validation.curator.menteeSelf': 'O mentorado não pode ser o próprio mentor.',
  'validation.curator.sameMentor': 'Escolha alguém diferente do mentor atual.',

  // ---- consent ------------------------------------------------------------------------------------------
  'consent.intro':
    'Oi! Sou o companheiro de coaching do *{program}*. Antes de começar, veja o que eu guardo e quem vê.',
  'consent.collectLabel': 'O que eu guardo',
  'consent.collect':
    'Seu experimento, suas respostas nos check-ins e quando você me responde. Nunca leio suas outras conversas.',
  'consent.whoLabel': 'Quem vê',
  'consent.who':
    'Você. Seu mentor vê os itens do seu acordo. Curadores veem só sinais de engajamento. Admins veem totais de grupos de 5 pessoas ou mais.',
  'consent.howLongLabel': 'Por quanto tempo',
  'consent.howLong':
    'As notas que você digita são apagadas após {freeTextDays, plural, one {# dia} other {# dias}}; os totais ficam {aggregateMonths, plural, one {# mês} other {# meses}}.',
  'consent.stopAnyTime':
    'Você pode parar quando quiser com `/coach optout`, ou apagar seus dados com `/coach forget-me`.',
  'consent.accept': 'Aceitar',
  'consent.decline': 'Recusar',
  'consent.accepted':
    'Obrigado, você está dentro. Próximo passo: escolha um comportamento para experimentar.',
  'consent.acceptedShort': 'Obrigado, você está dentro.',
  'consent.startExperiment': 'Começar meu experimento',
  'consent.declined':
    'Entendido: não vou escrever para você sobre coaching. Nada mais sobre você é guardado.',
  'consent.declinedShort': 'Entendido: não vou escrever para você sobre coaching.',
  'consent.pendingFirst':
    'Primeiro aceite ou recuse a mensagem de consentimento (ela está nas nossas mensagens diretas).',
  'consent.stoppedOfferedAgain':
    'Você parou as mensagens de coaching. Enviei de novo a mensagem de consentimento; aceite para recomeçar.',

  // ---- first contact and installs ----------------------------------------------------------------------------
  'welcome.sentConsent':
    'Boas-vindas! Enviei uma mensagem direta sobre o que eu guardo e quem vê. Aceite lá e tente de novo.',
  'welcome.hello':
    'Oi{named, select, yes { {name}} other {}}! Sou seu companheiro de coaching. Primeiro, uma nota curta sobre o que eu guardo e quem vê; depois que você aceitar, pode montar seu experimento. Digite `/coach help` quando quiser.',
  'welcome.pending':
    'Oi{named, select, yes { {name}} other {}}! Sou seu companheiro de coaching. Você vai encontrar uma nota curta sobre o que eu guardo e quem vê; depois que você aceitar, começamos.',
  'welcome.back':
    'Que bom ter você de volta{named, select, yes {, {name}} other {}}! Digite `/coach status` para ver onde você está, ou `/coach help` para ver o que eu entendo.',
  'welcome.groupChat':
    'Eu trabalho numa conversa 1:1 com você e em canais de equipe para curadores. Mande uma mensagem direta para começar.',
  'enrol.notEnrolled':
    'Você ainda não está inscrito em um programa de coaching. Peça a quem administra seu programa para incluir você.',
  'enrol.notEnrolledYet': 'Você ainda não está inscrito. Mande qualquer mensagem para começar.',
  'enrol.programMissing':
    'O programa "{program}" ainda não foi configurado. Fale com quem administra seu programa.',
  'enrol.noSuchProgram': 'Não há programa chamado "{program}".',
  'enrol.nothingStored': 'Não tenho nada guardado sobre você.',

  // ---- commands ------------------------------------------------------------------------------------------------
  'help.title': '*Comandos de coaching*:',
  'help.start': '• `/coach start` — montar (ou editar) seu experimento de comportamento',
  'help.status': '• `/coach status` — seu experimento, a próxima mensagem e suas respostas',
  'help.checkin': '• `/coach checkin` — responder agora ao check-in atual',
  'help.pause': '• `/coach pause` / `/coach resume` — pausar ou retomar seu experimento',
  'help.snooze': '• `/coach snooze 7` — nenhuma mensagem por alguns dias; depois elas voltam sozinhas',
  'help.optout': '• `/coach optout` — parar todas as mensagens de coaching',
  'help.forget':
    '• `/coach forget-me` — apagar o que eu guardo sobre você (notas, experimento e acordo); totais anônimos ficam',
  'help.pair': '• `/coach pair @mentor @mentee` — formar uma dupla (curadores)',
  'command.unknown': 'Não conheço "{word}".',
  'command.snoozeInvalid': 'A pausa aceita de 1 a 60 dias, por ex. `/coach snooze 7`.',
  'command.paused': 'Pausado. Sem lembretes nem pesquisas até você digitar `/coach resume`.',
  'command.resumed': 'Retomado. Sua próxima mensagem está agendada; veja `/coach status`.',
  'command.snoozed':
    'Pausado por {days, plural, one {# dia} other {# dias}} (até {until, date, day}). As mensagens voltam sozinhas.',
  'command.optedOut':
    'Pronto: você não vai receber mais mensagens de coaching. Sua escolha sobre o consentimento está registrada.',
  'command.forgotten':
    'Pronto: apaguei seus dados pessoais e tudo o que você digitou (notas, experimento e acordo). Só ficam totais anônimos. Você não terá mais notícias minhas, a menos que me escreva.',
  'command.forgetUnavailable': 'Apagar não está disponível aqui; fale com quem administra seu programa.',
  'command.noCheckpointOpen': 'Nenhum check-in está aberto agora. Eu escrevo para você no próximo.',
  'command.pairUsage': 'Uso: `/coach pair @mentor @mentee` (mencione as duas pessoas).',
  'command.paired':
    '{mentor} (mentor) e {mentee} (mentorado) agora formam uma dupla.{waiting, select, yes { As apresentações saem assim que os dois aceitarem a mensagem de consentimento.} other {}}',
  'help.language':
    '• `/coach language de` — o idioma em que eu escrevo para você ({languages}); `/coach language auto` segue sua plataforma',
  'command.languageSet': 'Pronto: de agora em diante escrevo para você em {language}.',
  'command.languageAuto': 'Pronto: volto a seguir sua plataforma e seu programa; por enquanto é {language}.',
  'command.languageIs':
    'Escrevo para você em {language}. Mude com `/coach language de`, ou outro entre {languages}.',
  'command.languageUnknown': 'Ainda não falo "{word}". Escolha um entre {languages}.',

  // ---- experiment -------------------------------------------------------------------------------------------
  'experiment.form.title': 'Experimento de comportamento',
  'experiment.form.submit': 'Começar experimento',
  'experiment.form.submitEdit': 'Salvar alterações',
  'experiment.form.behavior': 'Comportamento a praticar',
  'experiment.form.behaviorPlaceholder': 'Perguntar antes de dizer nas 1:1',
  'experiment.form.hypothesis': 'Hipótese',
  'experiment.form.hypothesisPlaceholder':
    'Se eu perguntar primeiro, meu time vai trazer mais soluções próprias',
  'experiment.form.kpiName': 'Nome do indicador',
  'experiment.form.kpiNamePlaceholder': 'Ideias do time por semana',
  'experiment.form.kpiUnit': 'Unidade do indicador',
  'experiment.form.kpiUnitPlaceholder': 'ideias',
  'experiment.form.baseline': 'Valor inicial',
  'experiment.form.target': 'Meta',
  'experiment.form.direction': 'O que é melhor?',
  'experiment.form.higher': 'Maior é melhor',
  'experiment.form.lower': 'Menor é melhor',
  'experiment.form.startDate': 'Data de início',
  'experiment.form.length': 'Duração (semanas)',
  'experiment.form.weeks': '{weeks} semanas',
  'experiment.saved':
    'Seu experimento está pronto: *{behavior}*, de {start} a {end}.{hasNext, select, yes { Sua primeira mensagem chega {next}.} other {}}',
  'experiment.updated':
    'Seu experimento foi atualizado (versão {version}).{hasNext, select, yes { Sua primeira mensagem chega {next}.} other {}}',
  'experiment.savedHint': 'Digite `/coach status` para vê-lo, ou `/coach start` para editá-lo.',
  'experiment.staleForm':
    'Este formulário já foi salvo: *{behavior}* está na versão {version}. Digite `/coach start` para editar de novo.',
  'experiment.staleFormNew': 'Este formulário está desatualizado. Digite `/coach start` para abrir um novo.',
  'experiment.notRunning': 'Você não tem experimento em andamento. Comece um com `/coach start`.',
  'experiment.alreadyPaused': 'Seu experimento já está pausado. Retome com `/coach resume`.',
  'experiment.leadersOnly':
    'Experimentos de comportamento são para as lideranças deste programa; seu papel aqui é outro.',
  'experiment.snoozedWeek': 'Pausado por uma semana.',
  'experiment.start': 'Começar experimento',
  'experiment.edit': 'Editar experimento',
  'experiment.pause': 'Pausar',
  'experiment.resume': 'Retomar',
  'experiment.snoozeWeek': 'Pausar uma semana',

  // ---- status ------------------------------------------------------------------------------------------------
  'status.title': 'Seu experimento de coaching',
  'status.notEnrolled':
    'Você ainda não está inscrito em um programa de coaching. Mande uma mensagem para começar.',
  'status.consentPending':
    'Você ainda não respondeu à mensagem de consentimento; até lá, nada é guardado sobre você.',
  'status.consentStopped':
    'Você parou as mensagens de coaching. Enviei de novo a mensagem de consentimento, caso queira recomeçar.',
  'status.noExperiment':
    'Ainda não há experimento. Comece um com o botão *Começar experimento* ou `/coach start`.',
  'status.experiment':
    '*Experimento:* {behavior} ({status, select, active {ativo} paused {pausado} completed {concluído} abandoned {abandonado} other {{status}}})',
  'status.hypothesis': '*Hipótese:* {hypothesis}',
  'status.kpi': '*Indicador:* {name} em {unit}, {direction, select, increase {maior} other {menor}} é melhor',
  'status.window': '*Período:* de {start} a {end}',
  'status.trend': '*Evolução:* {trend}',
  'status.trendTarget': '{points} · meta {target}',
  'status.trendChange': '{points} · meta {target} · {change} {unit} em relação ao início',
  'status.checkpointAnswered':
    '• Dia {day}: prática {practice}/5{hasConfidence, select, yes {, confiança {confidence}/5} other {}}',
  'status.checkpointOther':
    '• Dia {day}: {status, select, open {aberto} reminded {lembrado} missed {perdido} other {{status}}}',
  'status.snoozed': '*Pausado* até {until, date, day}',
  'status.next':
    '*Próxima mensagem:* {kind, select, nudge {lembrete} checkpoint {check-in} checkpoint_reminder {lembrete do check-in} other {{kind}}} em {at, date, dayTime} ({zone})',
  'status.nextNone': '*Próxima mensagem:* nenhuma agendada',
  'status.nextWhen': '{at, date, dayTime} ({zone})',

  // ---- nudges -----------------------------------------------------------------------------------------------
  'nudge.did': 'Fiz',
  'nudge.skip': 'Não nesta semana',
  'nudge.snooze': 'Pausar uma semana',
  'nudge.answeredDid': 'Mandou bem — registrado como feito.',
  'nudge.answeredSkip': 'Anotado: não nesta semana. Sem julgamento; a próxima semana é um novo começo.',
  'nudge.answeredSnooze': 'Pausado até {until, date, day}; fico em silêncio até lá.',
  'nudge.alreadyAnswered': 'Você já respondeu a este.',
  'nudge.builtIn.first':
    'Seu experimento desta semana: *{behavior}*. Em que momento de hoje você pode experimentar?',
  'nudge.builtIn.second':
    'Uma pergunta rápida sobre *{behavior}*: o que você percebeu na última vez que tentou?',
  'nudge.builtIn.third':
    'Pequenas repetições contam. Uma chance de praticar *{behavior}* hoje, depois me conte como foi.',

  // ---- the wait-list of a staggered pilot -------------------------------------------------------------------
  'waitlist.coachingStarts':
    'O período de comparação do *{program}* terminou. Obrigado por responder aos check-ins: são eles que tornam confiável o resultado do piloto. A partir de hoje você recebe o coaching completo, como todo mundo: lembretes no seu horário entre os check-ins. {running, select, yes {Eles começam com seu experimento *{behavior}*.} other {Escolha um comportamento para praticar e digite `/coach start` para montar seu experimento.}}',

  // ---- checkpoints ------------------------------------------------------------------------------------------
  'survey.question':
    '{lead, select, reminder {Um lembrete gentil:} other {Hora de um check-in de dois cliques.}} Check-in do dia {day} para *{behavior}*: com que frequência você praticou nos últimos dias?',
  'survey.practice1': '1 · Ainda não',
  'survey.practice2': '2 · Uma vez',
  'survey.practice3': '3 · Algumas vezes',
  'survey.practice4': '4 · Quase todo dia',
  'survey.practice5': '5 · Todo dia',
  'survey.confidence1': '1 – inseguro',
  'survey.confidence2': '2',
  'survey.confidence3': '3',
  'survey.confidence4': '4',
  'survey.confidence5': '5 – muito seguro',
  'survey.thenDetails': 'Depois um passo curto: {kpi} de hoje e sua confiança.',
  'survey.practiceSaved': 'Check-in do dia {day}: prática {practice}/5 salva. Mais um passo:',
  'survey.addKpi': 'Adicionar {kpi}',
  'survey.kpiToday': '*{kpi}* hoje, em {unit}',
  'survey.heading': 'Check-in do dia {day}',
  'survey.checkinIntro': 'Check-in do dia {day} para *{behavior}*',
  'survey.answered':
    'Check-in do dia {day} salvo: prática {practice}/5{hasKpi, select, yes {, {kpi} {value} {unit} ({change} em relação ao início)} other {}}{hasConfidence, select, yes {, confiança {confidence}/5} other {}}. Obrigado!',
  'survey.changeAnswer': 'Mudar minha resposta',
  'survey.closed': 'O check-in do dia {day} foi encerrado.',
  'survey.closedShort': 'Este check-in foi encerrado.',
  'survey.form.title': 'Check-in',
  'survey.form.submit': 'Salvar',
  'survey.form.kpiValue': 'Valor do indicador hoje',
  'survey.form.confidence': 'Confiança de que vai manter',
  'survey.form.note': 'Algo a anotar? (só você e seu coach veem)',
  'checkin.form.title': 'Check-in',
  'checkin.form.practice': 'Com que frequência você praticou nos últimos dias?',

  // ---- the pairing charter ----------------------------------------------------------------------------------
  'charter.field.goals': 'Objetivos desta mentoria',
  'charter.field.kpi1Name': 'Indicador 1',
  'charter.field.kpi1Baseline': 'Indicador 1: valor inicial',
  'charter.field.kpi1Target': 'Indicador 1: meta',
  'charter.field.kpi2Name': 'Indicador 2',
  'charter.field.kpi2Baseline': 'Indicador 2: valor inicial',
  'charter.field.kpi2Target': 'Indicador 2: meta',
  'charter.field.milestone1': 'Primeiro marco',
  'charter.field.milestone1Due': 'Prazo do primeiro marco',
  'charter.field.milestone2': 'Segundo marco',
  'charter.field.milestone2Due': 'Prazo do segundo marco',
  'charter.field.cadence': 'Frequência dos encontros',
  'charter.field.confidentiality': 'Sigilo',
  'charter.field.mentorWill': 'O mentor vai…',
  'charter.field.mentorWillNot': 'O mentor não vai…',
  'charter.cadence.weekly': 'Semanal',
  'charter.cadence.biweekly': 'A cada duas semanas',
  'charter.cadence.monthly': 'Mensal',
  'charter.agree': 'O que conversamos fica entre nós',
  'charter.question.goals': 'O que você quer desta mentoria? Dois ou três objetivos, com suas palavras.',
  'charter.question.kpi1Name':
    'Dê nome ao primeiro indicador que você quer mudar (por ex. "alinhamento com stakeholders").',
  'charter.question.kpi1Baseline': 'Onde está o indicador 1 hoje? (um número)',
  'charter.question.kpi1Target': 'Onde o indicador 1 deve estar no fim? (um número)',
  'charter.question.kpi2Name': 'Dê nome ao segundo indicador.',
  'charter.question.kpi2Baseline': 'Onde está o indicador 2 hoje? (um número)',
  'charter.question.kpi2Target': 'Onde o indicador 2 deve estar no fim? (um número)',
  'charter.question.milestone1': 'Descreva seu primeiro marco (por volta de 90 dias).',
  'charter.question.milestone1Due': 'Qual é o prazo do primeiro marco? (AAAA-MM-DD)',
  'charter.question.milestone2': 'Descreva seu segundo marco (por volta de 180 dias).',
  'charter.question.milestone2Due': 'Qual é o prazo do segundo marco? (AAAA-MM-DD)',
  'charter.question.cadence': 'Com que frequência vocês vão se encontrar: weekly, biweekly ou monthly?',
  'charter.question.confidentiality':
    'Você concorda em manter entre vocês dois o que conversarem? Responda "agree".',
  'charter.question.mentorWill':
    'O que seu mentor vai fazer por você? (por ex. revisar meu plano, me apresentar a colegas)',
  'charter.question.mentorWillNot':
    'O que fica fora do papel do mentor? (por ex. não é meu gestor, não avalia meu desempenho)',
  'charter.page1': 'Acordo 1/3: objetivos',
  'charter.page2': 'Acordo 2/3: plano',
  'charter.page3': 'Acordo 3/3: papéis',
  'charter.next': 'Próximo',
  'charter.send': 'Enviar ao mentor',
  'charter.pageIntro': 'Suas respostas são salvas a cada página; você pode voltar quando quiser.',
  'charter.summary.goals': 'Objetivos',
  'charter.summary.kpi1': 'Indicador 1',
  'charter.summary.kpi2': 'Indicador 2',
  'charter.summary.kpi': '{name}: {baseline} → {target}',
  'charter.summary.milestones': 'Marcos',
  'charter.summary.milestone': '{description} (prazo {due})',
  'charter.summary.cadence': 'Frequência',
  'charter.summary.confidentiality': 'Sigilo',
  'charter.summary.agreed': 'Combinado: o que conversamos fica entre nós',
  'charter.summary.will': 'O mentor vai',
  'charter.summary.willNot': 'O mentor não vai',
  'charter.sentToMentor':
    'Seu acordo está a caminho do seu mentor. Aviso você quando ele confirmar ou pedir mudanças.',
  'charter.thanksSent': 'Obrigado! Seu acordo (versão {version}) está com {mentor} para confirmar.',
  'charter.withMentor': 'Seu acordo está com seu mentor agora; você pode editá-lo se ele pedir mudanças.',
  'charter.alreadyWithMentor': 'Seu acordo já está com seu mentor.',
  'charter.incomplete': 'O acordo ainda não está completo.',
  'charter.chatStart':
    'Vamos fazer seu acordo passo a passo. Responda "stop" quando quiser; suas respostas ficam salvas.',
  'charter.chatAllAnswered': 'Tudo respondido. Responda "send" para enviar o acordo ao seu mentor.',
  'charter.chatMovedHere': 'Vamos fazer pela conversa: já mandei a primeira pergunta.',
  'charter.chatPaused':
    'Pausado. Suas respostas estão salvas; continue de onde parou com o botão do acordo quando quiser.',
  'charter.chatSaved': 'Salvo. {question}',
  'charter.chatNoFit': 'Isso não serve: {error} {question}',
  'charter.chatAlmost': 'Quase lá, mas {error} {question}',
  'charter.chatFix': '{error} {question}',
  'charter.review': '*{mentee}* enviou o acordo de mentoria (versão {version}). Ele funciona para você?',
  'charter.confirm': 'Confirmar acordo',
  'charter.askChanges': 'Pedir mudanças',
  'charter.confirmed': 'Você confirmou o acordo (versão {version}). Ele está ativo agora.',
  'charter.alreadyConfirmed': 'Este acordo já foi confirmado.',
  'charter.notWaiting': 'Esta versão não está mais esperando por você.',
  'charter.activeForMentee':
    '{mentor} confirmou seu acordo. Ele está ativo; os marcos vencem em {first} e {second}.',
  'charter.changesRequested':
    '*{mentor}* pediu mudanças no seu acordo: "{comment}". Suas respostas anteriores ficam; edite o que precisar e envie de novo.',
  'charter.editForm': 'Editar num formulário',
  'charter.editChat': 'Editar passo a passo na conversa',
  'charter.changesSent': 'Você pediu mudanças na versão {version}. Já repassei seu comentário.',
  'changes.form.title': 'Pedir mudanças',
  'changes.form.submit': 'Enviar',
  'changes.form.comment': 'O que deve mudar?',

  // ---- pairs --------------------------------------------------------------------------------------------------
  'pair.introMentor':
    'Agora você é mentor de *{mentee}*. Essa pessoa vai rascunhar o acordo de vocês (objetivos, dois indicadores, marcos, frequência, limites); eu envio para você confirmar ou pedir mudanças.',
  'pair.introMentee':
    'Seu mentor é *{mentor}*. Primeiro passo: seu acordo — objetivos, dois indicadores, marcos aos 90 e 180 dias, com que frequência vocês se encontram, sigilo e o que seu mentor vai e não vai fazer. Suas respostas são salvas a cada passo.',
  'pair.fillForm': 'Preencher num formulário',
  'pair.fillChat': 'Responder passo a passo aqui',
  'pair.closed': 'Esta dupla foi encerrada.',
  'pair.selfMentor': 'Ninguém pode ser o próprio mentor.',
  'pair.alreadyPaired': 'Essas duas pessoas já formam uma dupla ativa.',
  'pair.nudge':
    'Um alô amigável: faz um tempo que você e *{other}* não atualizam a mentoria por aqui. Tem uma conversa marcada na agenda? Uma atualização rápida do acordo ou de um marco mantém tudo nos trilhos.',
  'pair.yourMentor': 'seu mentor',
  'pair.yourMentee': 'seu mentorado',
  'pair.yourPartner': 'sua dupla',
  'pair.mentor': 'mentor',
  'pair.mentee': 'mentorado',
  'pair.rematchedMentee':
    'A equipe do programa formou uma nova dupla para você, com {mentor}. Às vezes um novo olhar combina melhor com o momento que você vive; obrigado pelo trabalho até aqui. Seu novo acordo começa do zero.',
  'pair.rematchedMentor':
    'Obrigado por acompanhar {mentee}. A equipe do programa organizou uma nova dupla que combina melhor com os objetivos atuais; você não precisa fazer nada.',
  'pair.curatorNote': 'Uma nota da equipe do programa: {note}',
  'pair.closedMentee': 'Sua mentoria com {mentor} chegou ao fim. Obrigado pelo tempo que vocês dedicaram.',
  'pair.closedMentor': 'Sua mentoria com {mentee} chegou ao fim. Obrigado pelo tempo que você dedicou.',

  // ---- milestones -----------------------------------------------------------------------------------------------
  'milestone.reminder': 'Marco com *{mentee}* para {due}: "{description}". Como foi?',
  'milestone.met': 'Atingido',
  'milestone.partly': 'Em parte',
  'milestone.notYet': 'Ainda não',
  'milestone.answer':
    '{answer, select, met {atingido} partly {atingido em parte} not_yet {ainda não atingido} other {{answer}}}',
  'milestone.confirmed':
    'Marco "{description}" confirmado como *{answer, select, met {atingido} partly {atingido em parte} not_yet {ainda não atingido} other {{answer}}}*.{noted, select, yes { Nota adicionada.} other {}}',
  'milestone.addNote': 'Adicionar uma nota',
  'milestone.toMentee':
    '{mentor} marcou o marco "{description}" como {answer, select, met {atingido} partly {atingido em parte} not_yet {ainda não atingido} other {{answer}}}.',
  'milestone.noteToMentee': '{mentor} adicionou uma nota a "{description}": {note}',
  'milestone.noteIntro': 'Marco "{description}", para {due}.',
  'note.form.title': 'Nota do marco',
  'note.form.submit': 'Salvar',
  'note.form.note': 'Nota para seu mentorado (opcional)',

  // ---- engagement and curators ----------------------------------------------------------------------------------
  'engagement.charterUnfinished': 'acordo não concluído {days} dias depois de formar a dupla',
  'engagement.milestoneLate':
    'marco "{description}" {confirmed, select, yes {confirmado} other {não confirmado}} {days} dias após o prazo',
  'engagement.personQuiet':
    '{role, select, mentor {mentor} other {mentorado}} {name} não interage com o bot há {days} dias',
  'engagement.checkinMissed': 'o mentorado perdeu {count, plural, one {# check-in} other {# check-ins}}',
  'engagement.reason': '• {reason} (−{points})',
  'engagement.reasonPlain': '• {reason}',
  'engagement.noSignals': '• nenhum sinal',
  'alert.low':
    'O engajamento está baixo na dupla *{mentee}* (mentorado) e *{mentor}* (mentor): {score}/100, abaixo do limite de {threshold}.',
  'alert.afterNudge':
    'A dupla já recebeu um lembrete amigável e um período de carência. Nada muda até um curador decidir.',
  'alert.rematch': 'Trocar mentor',
  'alert.checkin': 'Falar com a dupla',
  'alert.snooze': 'Pausar este alerta',
  'alert.close': 'Encerrar a dupla',
  'alert.unreachable': '⚠ {people} não pode ser contatado na plataforma de chat (bloqueou ou removeu o app).',
  'alert.handled':
    'Dupla *{mentee}* (mentorado) e *{mentor}* (mentor), {score}/100: *{curator}* {action, select, rematch {trocou o mentor} checkin {falou com a dupla} snooze {pausou este alerta} close {encerrou a dupla} other {tratou este alerta}} em {at}.{hasDetail, select, yes { {detail}} other {}}',
  'alert.alreadyHandled': 'Este alerta já foi tratado.',
  'alert.alreadyHandledBy': 'Este alerta já foi tratado por {curator}.',
  'alert.anotherCurator': 'outro curador',
  'alert.aCurator': 'Um curador',
  'alert.summaryRematch': 'Novo mentor: {mentor}.',
  'alert.summaryCheckin': 'Uma nota foi para os dois.',
  'alert.summarySnooze': 'Nenhum alerta novo para esta dupla até {until}.',
  'alert.summaryClose': 'A dupla está encerrada.',
  'alert.noPeople':
    'Ninguém mais pode ser escolhido como novo mentor aqui. Adicione a pessoa à equipe primeiro.',
  'alert.peopleUnavailable': 'Não consegui ler os membros agora; tente de novo daqui a um minuto.',
  'alert.unreachablePerson':
    '*{person}* não pode mais ser contatado no {platform, select, teams {Teams} other {Slack}} ({reason}). As mensagens de coaching ficam paradas até a pessoa escrever de novo para o bot.',
  'alert.aParticipant': 'Um participante',
  'rematch.form.title': 'Trocar o mentor',
  'rematch.form.submit': 'Trocar',
  'rematch.form.mentor': 'Novo mentor',
  'rematch.form.reason': 'Motivo (fica no registro de auditoria, a dupla não vê)',
  'pairCheckin.form.title': 'Falar com a dupla',
  'pairCheckin.form.submit': 'Enviar aos dois',
  'pairCheckin.form.note': 'Uma nota curta para os dois',
  'snooze.form.title': 'Pausar este alerta',
  'snooze.form.submit': 'Pausar',
  'snooze.form.days': 'Por quanto tempo?',
  'snooze.form.option': '{days} dias',
  'close.form.title': 'Encerrar a dupla',
  'close.form.submit': 'Encerrar dupla',
  'close.form.reason': 'Motivo (fica no registro de auditoria)',

  // ---- curator channel ------------------------------------------------------------------------------------------
  'channel.help':
    'Sou o companheiro de coaching. Num canal de equipe faço uma coisa só: publico alertas sobre duplas de mentoria com engajamento baixo, com botões para trocar mentor, falar com a dupla, pausar ou encerrar (só curadores).\n• `/coach claim` — um curador torna este canal o lugar dos alertas\n• `/coach pair @mentor @mentee` — um curador forma uma dupla\n• `/coach help` — esta mensagem\nPara o seu próprio coaching, fale comigo numa conversa 1:1.',
  'channel.unknown':
    'Num canal de equipe eu entendo `/coach claim`, `/coach pair` e `/coach help`. Para o seu próprio coaching, fale comigo numa conversa 1:1.',
  'channel.claimElsewhere':
    'Isso funciona num canal de equipe: me adicione ao canal onde os curadores querem os alertas e digite `/coach claim` lá (me mencionando).',
  'channel.claimNotCurator':
    'Só curadores podem reservar um canal para os alertas. Peça a quem administra seu programa para incluir você em CURATORS como {platform}:{user}.',
  'channel.claimConfigured':
    'Os alertas vão para o canal definido na configuração; mude essa configuração para trazê-los para cá.',
  'channel.claimed': 'Pronto: os alertas desta organização agora chegam a este canal ({channel}).',
  'channel.helloCurators':
    'Oi! Os alertas sobre duplas de mentoria vão chegar neste canal. Só curadores podem agir sobre eles.',
  'channel.hello':
    'Oi! Sou o companheiro de coaching. Para o seu próprio coaching, fale comigo numa conversa 1:1.',
  'channel.helloClaim':
    'Oi! Sou o companheiro de coaching. Um curador pode me mencionar com `/coach claim` no canal que deve receber os alertas. Para o seu próprio coaching, fale comigo numa conversa 1:1.',

  // ---- matching (proposals for curators) -------------------------------------------------------------------------
  'match.reason.topics':
    'compartilha {count, plural, one {# de {wanted} temas} other {# de {wanted} temas}}: {topics} (+{points})',
  'match.reason.department':
    '{same, select, yes {mesma área, {mentor}} other {outra área: {mentor}, não {mentee}}} (+{points})',
  'match.reason.level':
    '{gap, plural, =0 {o mesmo nível} one {um nível acima} other {# níveis acima}} (+{points})',
  'match.reason.timezone': '{hours, number} horas de trabalho em comum por dia (+{points})',
  'match.unmatched':
    'sem proposta: {constraint, select, no_mentors {não há mentores} capacity {todos os mentores que combinam estão ocupados} reporting_line {só mentores da linha hierárquica} not_with {só mentores com quem alguém pediu para não formar dupla} closed_before {só mentores com quem já houve dupla} overlap {poucas horas de trabalho em comum} language {nenhum idioma em comum} other {nenhum mentor combina}} ({detail})',
  'match.blocker':
    '{constraint, select, no_mentors {sem mentores} capacity {lotado} reporting_line {linha hierárquica} not_with {não com} closed_before {já foram dupla} overlap {horário de trabalho} language {idioma} other {outro}}: {mentors, plural, one {# mentor} other {# mentores}}',
  'match.review.title':
    'Propostas de duplas para *{program}*: {count, plural, one {# proposta} other {# propostas}}, {open} ainda por decidir. Nenhuma dupla é formada sem a aprovação de um curador; as duplas aprovadas são apresentadas quando as duas pessoas tiverem aceitado.',
  'match.review.proposal': '*{mentee}* com o mentor *{mentor}* (afinidade {fit})',
  'match.review.candidate': '*{mentor}* (afinidade {fit})',
  'match.review.reasonLine': '• {reason}',
  'match.review.approve': 'Aprovar',
  'match.review.another': 'Escolher outra pessoa',
  'match.review.reject': 'Recusar',
  'match.review.pick': 'Formar dupla com {mentor}',
  'match.review.noAlternatives': 'Nenhum outro mentor cumpre todas as condições e tem vaga livre.',
  'match.review.decided':
    '{status, select, approved {Aprovada por *{curator}* em {at}.} changed {*{curator}* escolheu *{mentor}* no lugar em {at}.} other {Recusada por *{curator}* em {at}.}}',
  'match.review.alreadyDecided': 'Um curador já decidiu sobre esta proposta.',
  'match.review.notAlternative': 'Esse mentor não é mais uma das alternativas.',
  'match.review.mentorFull': '{mentor} não tem mais vaga livre; escolha outro mentor.',
  'match.review.menteePaired': '{mentee} já tem mentor.',

  // ---- the pair's voice --------------------------------------------------------------------------------------------
  'help.pairStatus':
    '• `/coach pair status` — a pontuação de engajamento da sua dupla de mentoria e os motivos',
  'help.notWith':
    '• `/coach notwith @person` — em particular, nunca formar dupla com alguém (`/coach notwith` mostra a lista)',
  'pairStatus.none': 'Você não está em nenhuma dupla de mentoria ativa agora.',
  'pairStatus.pair':
    'Sua dupla com *{other}* ({role, select, mentor {seu mentorado} other {seu mentor}}): *{score}/100*. {low, select, yes {Está abaixo de {threshold}: primeiro vocês dois recebem um lembrete gentil e, se continuar baixo depois de um prazo, os curadores são chamados para olhar.} other {Os curadores só são chamados para olhar se cair abaixo de {threshold} e continuar assim depois de um lembrete gentil.}}',
  'pairStatus.reasons': 'O que o bot vê (nunca as suas conversas):',
  'notWith.added':
    'Anotado, em particular: não vou propor {people} como sua dupla. Ninguém mais vê esta lista, e as pessoas nela não ficam sabendo. `/coach notwith` mostra a lista; `/coach notwith remove @person` tira alguém.',
  'notWith.removed': 'Retirado da sua lista “não com”: {people}.',
  'notWith.notListed': 'Essa pessoa não estava na sua lista “não com”.',
  'notWith.list': 'Sua lista particular “não com” (só você vê): {people}.',
  'notWith.empty':
    'Sua lista particular “não com” está vazia. `/coach notwith @person` impede que o pareamento proponha essa pessoa para você; ninguém mais vê a lista.',
  'notWith.self': 'Essa pessoa é você. Mencione quem você prefere não ter como dupla.',
  'notWith.answeredInChat': 'Respondi para você na nossa conversa 1:1.',
  'notWith.unknownEmail': 'Não conheço ninguém no programa com esse e-mail.',
  'rematch.suggestions': 'Sugestões do pareamento (um ponto de partida; escolha quem quiser abaixo):',
  'rematch.noSuggestions':
    'O pareamento não tem sugestão: nenhum outro mentor cumpre todas as condições e tem vaga livre.',
  'voice.fine': 'Está tudo bem, nos falamos fora daqui',
  'voice.newMatch': 'Quero uma nova dupla',
  'voice.fineForm.title': 'Está tudo bem',
  'voice.fineForm.submit': 'Enviar',
  'voice.fineForm.note': 'Algo a acrescentar? (opcional, só para a equipe do programa)',
  'voice.fineThanks': 'Obrigado! Anotado que vocês se falam fora daqui.',
  'voice.newMatchSent':
    'Enviado em particular aos curadores do programa: você quer uma nova dupla. Não é culpa de ninguém, e {other} não fica sabendo. Um curador vai falar com você.',
  'voice.newMatchAlready': 'Seu pedido de nova dupla já está com os curadores.',
  'alert.matchRequested':
    'Na dupla *{mentee}* (mentorado) e *{mentor}* (mentor), alguém pediu uma nova dupla: um pedido sem culpa, que a outra pessoa não vê. Engajamento {score}/100.',
  'engagement.matchRequested':
    '{role, select, mentor {o mentor} other {o mentorado}} {name} pediu uma nova dupla (sem culpa)',
  // ---- pair check-ins on the charter's cadence
  'meeting.ask':
    'Check-in da dupla: você e *{other}* se encontraram desde {since, date, day}? Só a equipe do programa vê as respostas.',
  'meeting.yes': 'Sim',
  'meeting.notYet': 'Ainda não',
  'meeting.skip': 'Desta vez vamos pular',
  'meeting.answered':
    '{answer, select, not_yet {Anotado: ainda não. Ninguém vai cobrar você por isso — tente achar um horário em breve.} other {Anotado: vocês pulam este encontro. Ele não conta como encontro perdido.}}',
  'meeting.howUseful': 'Que bom que se encontraram. Quão útil foi, de 1 (pouco) a 5 (muito)? Opcional.',
  'meeting.usefulness': '{n}',
  'meeting.rated': 'Obrigado: vocês se encontraram e foi útil {n} de 5.',
  'meeting.addNote': 'Adicionar uma nota',
  'meeting.noteForm.title': 'Seu encontro',
  'meeting.noteForm.submit': 'Salvar',
  'meeting.noteForm.note': 'Uma nota para a equipe do programa (privada, nunca mostrada à sua dupla)',
  'meeting.noted': 'Obrigado — sua nota foi salva.',
  'meeting.closedRound': 'Esse check-in está encerrado: um mais recente já foi enviado.',
  'engagement.meetingsMissed':
    '{met} de {expected} {expected, plural, one {encontro previsto} other {encontros previstos}}',

  // ---- outcome reports (HTML and CSV, for program admins) ----------------------------------------------
  'report.title': 'relatório de resultados',
  'report.meta':
    'Relatório de resultados · programa {program} (versão {version} das configurações) · experimentos de {weeks} semanas, pontos de verificação nos dias {days} · gerado em {generated}',
  'report.privacyBadge': 'Privacidade: todo número sobre menos de {min} pessoas é ocultado',
  'report.footer': 'relatório de resultados do coachloop',
  'report.suppressed': 'ocultado (n<5)',
  'report.suppressedTitle': 'Ocultado: menos de 5 pessoas',
  'report.smallGroup': 'n<5',
  'report.noDataTitle': 'Ainda sem dados',
  'report.chart.noAnswers': 'Ainda sem respostas',
  'report.chart.nothingDue': 'nada vencido ainda',
  'report.chart.or': ' ou ',
  'report.ofTotal': 'de {total}',
  'report.partOf': '{part} de {total}',
  'report.percentagePoints': '{n} p.p.',
  'report.day': 'Dia {day}',
  'report.leaders': 'Líderes',
  'report.arm': '{arm, select, coached {Com coaching} control {Controle} other {{arm}}}',
  'report.direction': '{direction, select, decrease {menor é melhor} other {maior é melhor}}',
  'report.outcome':
    '{outcome, select, practice {frequência de prática (1 = ainda não, 5 = todo dia)} other {% do caminho do valor inicial do KPI até a meta}}',
  'report.points': '{n, plural, one {ponto} other {pontos}}',
  'report.tiles.invited': 'Líderes convidados',
  'report.tiles.invitedStep': 'Convidados',
  'report.tiles.leadersInProgram': 'líderes no programa',
  'report.tiles.consented': 'Com consentimento',
  'report.tiles.ofEveryoneInvited': 'de todas as pessoas convidadas',
  'report.tiles.consentedOfInvited': '{consented} de {invited} convidados',
  'report.tiles.answeredDay': 'Responderam no dia {day}',
  'report.tiles.ofSurveysSent': 'de {sent} pesquisas enviadas',
  'report.tiles.noSurveySent': 'nenhuma pesquisa enviada ainda',
  'report.tiles.wayToTarget': 'Caminho até a meta do KPI',
  'report.tiles.meanAtDay': 'média no dia {day}, líderes com coaching',
  'report.tiles.noKpiAnswers': 'nenhuma resposta de KPI mostrada ainda',
  'report.tiles.roi': 'ROI',
  'report.tiles.notComputed': 'não calculado',
  'report.tiles.netReturn': '{percent} de retorno líquido sobre o custo',
  'report.tiles.missing': 'faltando: {missing}',
  'report.funnel.heading': '1. Funil de participação',
  'report.funnel.lead':
    'Do convite ao último ponto de verificação. As porcentagens são sobre todas as pessoas convidadas; cada etapa conta os líderes que chegaram a ela.',
  'report.funnel.chart': 'Funil de participação',
  'report.funnel.experimentSet': 'Experimento definido',
  'report.funnel.consent': 'Consentimento',
  'report.funnel.acceptedStillIn': 'Aceitou, continua',
  'report.funnel.acceptedOptedOut': 'Aceitou, saiu depois',
  'report.funnel.declined': 'Recusou',
  'report.funnel.noAnswer': 'Ainda sem resposta',
  'report.funnel.medianDaysToConsent': 'Mediana de dias, do convite ao consentimento',
  'report.funnel.notInFunnel': 'Fora do funil: {count} mentores, curadores ou admins sem papel de líder.',
  'report.responses.heading': '2. Taxas de resposta',
  'report.responses.lead':
    'Micropesquisas dos pontos de verificação respondidas das enviadas (os dois grupos), e respostas aos lembretes dos lembretes entregues.',
  'report.responses.message': 'Mensagem',
  'report.responses.sent': 'Enviadas',
  'report.responses.answered': 'Respondidas',
  'report.responses.rate': 'Taxa de resposta',
  'report.responses.checkpoint': 'Ponto de verificação do dia {day}',
  'report.responses.nudgesAny': 'Lembretes (qualquer resposta)',
  'report.responses.nudgesDid': 'Lembretes respondidos com “Fiz”',
  'report.outcomes.heading':
    '3. Prática e mudança do KPI{arms, select, yes { — líderes com coaching} other {}}',
  'report.outcomes.lead':
    '{people} líderes {arms, select, yes {com coaching } other {}}com consentimento, {withExperiment} com um experimento. A mudança do KPI de cada líder é medida a partir do seu próprio valor inicial, levando em conta a direção (uma queda é uma melhora quando menor é melhor), e expressa como % do caminho até a sua própria meta.',
  'report.outcomes.checkpoint': 'Ponto de verificação',
  'report.outcomes.practice': 'Prática (1–5)',
  'report.outcomes.wayMean': 'Caminho até a meta, média',
  'report.outcomes.median': 'mediana',
  'report.outcomes.improved': 'KPI melhorou',
  'report.outcomes.reached': 'Meta atingida',
  'report.outcomes.baseline': 'Início',
  'report.outcomes.coachedLeaders': 'Líderes com coaching',
  'report.outcomes.progressChart':
    '% médio do caminho do valor inicial do KPI até a meta, por ponto de verificação',
  'report.outcomes.target': 'meta',
  'report.outcomes.practiceChart':
    'Frequência média de prática (1 = ainda não, 5 = todo dia), por ponto de verificação',
  'report.outcomes.wayCaption': 'Caminho até a meta do KPI (% médio)',
  'report.outcomes.practiceCaption': 'Frequência de prática (média, 1–5)',
  'report.outcomes.unitsHeading': 'Mudanças do KPI por unidade',
  'report.outcomes.unitsLead':
    'Mudança na unidade própria do KPI, do início a cada ponto de verificação (positivo = melhor), para unidades compartilhadas por pelo menos 5 líderes. As setas mostram o valor médio alcançado.',
  'report.outcomes.noUnit': 'Nenhuma unidade é compartilhada por 5 ou mais líderes ainda.',
  'report.outcomes.unit': 'Unidade',
  'report.outcomes.baselineToTarget': 'Início → meta (média)',
  'report.outcomes.otherUnits': 'Líderes com outras unidades: {count}.',
  'report.comparison.heading': '4. Com coaching contra controle',
  'report.comparison.noControl':
    'O roster não tem grupo de controle, então não há com o que comparar. Dê {code} a alguns líderes no roster: eles respondem aos pontos de verificação mas não recebem lembretes.',
  'report.comparison.lead':
    'Com coaching: {coached} líderes com consentimento ({coachedWith} com um experimento). Controle: {control} ({controlWith} com um experimento), medidos nos mesmos pontos de verificação sem lembretes. Diferença = com coaching − controle.',
  'report.comparison.wayChart': '% médio do caminho até a meta, com coaching e controle',
  'report.comparison.practiceChart': 'Frequência média de prática, com coaching e controle',
  'report.comparison.answered': 'Respondidas (com coaching / controle)',
  'report.comparison.wayCoached': 'Caminho até a meta, com coaching',
  'report.comparison.control': 'controle',
  'report.comparison.difference': 'Diferença',
  'report.comparison.practiceCoached': 'Prática, com coaching',
  'report.mentoring.heading': '5. Duplas de mentoria',
  'report.mentoring.none': 'Ainda não há duplas de mentoria neste programa.',
  'report.mentoring.lead':
    '{people} pessoas em {pairs} duplas. Números sobre menos de 5 delas (mentores e mentorados juntos) são ocultados.',
  'report.mentoring.onTime': 'confirmados no prazo',
  'report.mentoring.late': 'confirmados com atraso',
  'report.mentoring.notConfirmed': 'não confirmados',
  'report.mentoring.milestonesChart': 'Marcos vencidos: confirmados no prazo, com atraso, não confirmados',
  'report.mentoring.pairs': 'Duplas ativas · encerradas · refeitas',
  'report.mentoring.charter': 'Acordo concluído',
  'report.mentoring.charterSub': 'duplas com mais de {days} dias e um acordo confirmado',
  'report.mentoring.daysToCharter': 'Mediana de dias até o acordo',
  'report.mentoring.daysToCharterSub': 'formação da dupla → confirmação do mentor',
  'report.mentoring.milestones': 'Marcos confirmados no prazo',
  'report.mentoring.milestonesSub': 'dos marcos vencidos; com atraso: {late}, não confirmados: {unconfirmed}',
  'report.mentoring.alerts': 'Alertas aos curadores',
  'report.mentoring.alertsSub': 'tratados: {actedOn}; aguardando decisão: {awaiting}',
  'report.mentoring.hoursToAction': 'Mediana de horas, alerta → ação',
  'report.mentoring.hoursToActionSub': 'primeira decisão de um curador',
  'report.mentoring.optOuts': 'Saídas entre pessoas em dupla',
  'report.mentoring.proposals': 'Propostas de dupla aprovadas · alteradas · rejeitadas',
  'report.mentoring.proposalsSub': 'de {total}; ainda abertas: {open}',
  'report.mentoring.daysToPair': 'Mediana de dias, inscrição → dupla',
  'report.mentoring.mentees': 'mentorados',
  'report.mentoring.noFault': 'Saídas sem culpa',
  'report.mentoring.noFaultSub': 'duplas em que alguém pediu uma nova dupla',
  'report.mentoring.rematched': 'Refeitas em até 30 dias após um alerta',
  'report.mentoring.meetings': 'Encontros realizados dos esperados',
  'report.mentoring.meetingsSub': 'pelos acompanhamentos das duplas; mediana por dupla: {median} %',
  'report.mentoring.milestonesCaption': 'Marcos vencidos até agora',
  'report.budget.heading': '6. Carga de mensagens',
  'report.budget.lead':
    'Mensagens do orçamento (lembretes, pesquisas dos pontos de verificação e seus avisos, lembretes às duplas, avisos de marcos) entregues por pessoa e semana local, contra o orçamento semanal do programa. Semanas sem mensagem não contam.',
  'report.budget.mean': 'Média por semana-pessoa',
  'report.budget.noMessages': 'ainda sem mensagens',
  'report.budget.messages': '{count} mensagens',
  'report.budget.weekly': 'Orçamento semanal',
  'report.budget.chart': 'Mensagens do orçamento por semana-pessoa contra o orçamento semanal',
  'report.budget.personWeeks': 'Semanas-pessoa',
  'report.budget.share': 'Parcela média do orçamento',
  'report.budget.atBudget': 'Semanas no orçamento',
  'report.budget.overBudget': 'Semanas acima do orçamento',
  'report.roi.heading': '7. Retorno sobre o investimento',
  'report.roi.lead':
    'Quatro etapas visíveis: início → diferença → atribuição → valor contra custo. ROI = (valor atribuível − custo do programa) / custo do programa. Cada dado abaixo vem das configurações {code} do programa.',
  'report.roi.needs': 'precisa de {missing}',
  'report.roi.missing': 'faltando',
  'report.roi.baseline': 'Início',
  'report.roi.baselineCalc': '{outcome} antes do programa; depois: {after}',
  'report.roi.baselineNone': 'o resultado antes do programa',
  'report.roi.delta': 'Diferença',
  'report.roi.deltaCalc': 'depois − antes, {better}',
  'report.roi.deltaNone': 'depois − antes, com sinal para que positivo seja melhor',
  'report.roi.attribution': 'Atribuição',
  'report.roi.attributionCalc': '{delta} × {percent} atribuído ao programa',
  'report.roi.attributionShare': '{percent} da diferença atribuído ao programa',
  'report.roi.attributionNone': 'parcela da diferença atribuída ao programa',
  'report.roi.value': 'Valor contra custo',
  'report.roi.valueCalc': '{units} × {perUnit} por unidade; custo do programa {cost}',
  'report.roi.valuePending': '× {perUnit} por unidade; custo do programa {cost}',
  'report.roi.valueNone': 'valor por unidade; custo do programa',
  'report.roi.result': '({percent} de retorno líquido sobre o custo do programa; valor líquido {net})',
  'report.roi.none': 'Sem número de ROI.',
  'report.roi.assumptions': 'Premissas, como informadas pela administração do programa',
  'report.roi.outcome': 'Resultado valorado',
  'report.roi.direction': 'Direção',
  'report.roi.before': 'Início (antes)',
  'report.roi.after': 'Atual (depois)',
  'report.roi.why': 'Por que esta atribuição',
  'report.roi.notGiven': 'não informado',
  'report.roi.perUnit': 'Valor por unidade',
  'report.roi.cost': 'Custo do programa',
  'report.roi.currency': 'Moeda',
  'report.verdict.none': 'Sem veredito.',
  'report.verdict.word': '{verdict, select, go {Seguir} no_go {Não seguir} other {Inconclusivo}}',
  'report.verdict.rule':
    'Regra de decisão: {outcome} no dia {day}; menor efeito que vale escalar {effect}; intervalo de {level}; pelo menos {min} líderes por grupo.',
  'report.verdict.deviations':
    '{count, plural, one {# desvio} other {# desvios}} da regra fixada no lançamento (veja a seção de evidências).',
  'report.rule.outcomeAt': '{outcome} no dia {day}',
  'report.rule.primary': 'Resultado principal',
  'report.rule.smallestEffect': 'Menor efeito que vale escalar',
  'report.rule.effect': '{effect} (com coaching − controle)',
  'report.rule.interval': 'Intervalo',
  'report.rule.intervalValue': '{level} (Welch)',
  'report.rule.minPerArm': 'Mínimo de líderes por grupo',
  'report.rule.minPerArmValue': '{min} com dados no dia {day}',
  'report.rule.secondary': 'Resultados secundários',
  'report.rule.noSecondary': 'nenhum',
  'report.rule.arms': 'Grupos',
  'report.rule.method':
    '{method, select, roster {do roster} randomized {sorteados} staggered {escalonados} other {{method}}}',
  'report.rule.stratified': 'estratificados por {by}',
  'report.rule.control': '{percent} no controle',
  'report.rule.seed': 'semente {seed}',
  'report.evidence.heading': '{number}. Evidências e veredito',
  'report.evidence.noRule':
    'A seção mostra o resultado principal, o menor efeito que vale escalar, o nível do intervalo e o mínimo de líderes por grupo, fixados antes da primeira inscrição.',
  'report.evidence.lead':
    'A regra de decisão abaixo foi fixada quando o primeiro líder foi inscrito{launched, select, other { ({launched})} none {}}. O efeito é a média do grupo com coaching menos a do grupo de controle, com um intervalo de {level}: a faixa de efeitos compatíveis com os dados. {go} exige o intervalo inteiro acima do menor efeito que vale escalar; {noGo}, o intervalo inteiro abaixo dele; qualquer outra coisa é {inconclusive}.',
  'report.evidence.noDeviation':
    'Nenhum desvio: a regra é a fixada no lançamento{launched, select, other { (primeira inscrição em {launched})} none {}}.',
  'report.evidence.deviationOn': 'Desvio em {on}',
  'report.evidence.deviationVersion': 'Desvio em {on} (versão {version} do programa)',
  'report.evidence.notSet': 'não definido',
  'report.evidence.underLaunchRule': 'Pela regra fixada no lançamento o veredito seria: {verdict}',
  'report.evidence.rule': 'Regra de decisão',
  'report.evidence.perArm': 'Líderes por grupo no dia {day}',
  'report.evidence.noControlArm': 'sem grupo de controle',
  'report.evidence.effectHeading': 'Efeito do coaching (com coaching − controle)',
  'report.evidence.intervalChart': 'Efeito {effect}, intervalo de {level} de {lower} a {upper}',
  'report.evidence.threshold': 'limiar {value}',
  'report.evidence.sdN': 'DP {sd}, n {n}',
  'report.evidence.range': '{lower} a {upper}',
  'report.evidence.size':
    '{size, select, negligible {desprezível} small {pequeno} medium {médio} other {grande}}',
  'report.evidence.outcome': 'Resultado',
  'report.evidence.coachedMean': 'Média com coaching',
  'report.evidence.controlMean': 'Média controle',
  'report.evidence.effect': 'Efeito',
  'report.evidence.interval': 'Intervalo de {level}',
  'report.evidence.hedges': 'g de Hedges',
  'report.evidence.secondaryNote':
    'Os resultados secundários aparecem como contexto; só o resultado principal decide. O g de Hedges é o efeito em desvios-padrão (corrigido para amostras pequenas): cerca de 0,2 é pequeno, 0,5 médio, 0,8 grande.',
  'report.evidence.missingData': 'Dados faltantes',
  'report.evidence.midReviewRun':
    'Revisão intermediária: feita pela primeira vez em {on}{runs, plural, one {} other {, # vezes no total}} (ela não mostra efeito).',
  'report.evidence.midReviewNever': 'Revisão intermediária: nunca feita.',
  'report.flow.enrolled': 'Inscritos (atribuídos ao grupo)',
  'report.flow.withData': 'Com dados no ponto de verificação principal',
  'report.flow.lost': 'Perdidos',
  'report.flow.noConsent': 'recusaram ou nunca responderam ao consentimento',
  'report.flow.optedOut': 'saíram',
  'report.flow.noExperiment': 'não definiram experimento',
  'report.flow.missed': 'perderam o ponto de verificação',
  'report.flow.noValue': 'responderam sem o valor',
  'report.flow.pending': 'Ainda não venceu ou segue aberto',
  'report.balance.heading': '{number}. Equilíbrio entre grupos',
  'report.balance.fromRoster': 'Os grupos vêm da coluna {code} do roster.',
  'report.balance.drawn':
    'O bot sorteou o grupo de {count} líderes ({how}) com a semente {seeds}: qualquer pessoa pode refazer o sorteio com {command}.',
  'report.balance.waitlist': 'O grupo de controle é uma lista de espera, com coaching a partir de {from}.',
  'report.balance.lead':
    'Os grupos deveriam ser parecidos antes de o coaching começar; uma diferença grande aqui pede cautela com o resultado.',
  'report.balance.enrolled': 'Líderes inscritos',
  'report.balance.withExperiment': 'Com um experimento',
  'report.balance.ambition': 'Ambição das metas (mediana da mudança planejada, % do início)',
  'report.timeline.heading': '{number}. Linha do tempo',
  'report.timeline.lead':
    'O que aconteceu durante o piloto: seus pontos de verificação ao lado do registro de fatores externos ({command}) — reorganizações, congelamento de contratações e outras mudanças que podem explicar parte de uma diferença.',
  'report.timeline.chart': 'Linha do tempo do piloto',
  'report.timeline.date': 'Data',
  'report.timeline.what': 'O quê',
  'report.timeline.kind':
    '{kind, select, launch {lançamento} assignment {grupos} checkpoint {ponto de verificação} waitlist {lista de espera} review {revisão} deviation {mudança de regra} note {fator externo} other {relatório}}',
  'report.def.heading': 'Como ler este relatório',
  'report.def.leaders': 'Líderes',
  'report.def.leadersText':
    'Pessoas do programa (nunca canais), exceto aquelas cujos únicos papéis são mentor, curador ou admin.',
  'report.def.invited': 'Convidados',
  'report.def.invitedText':
    'Cada líder do roster ou que escreveu ao bot; a hora do convite é a do roster ou, se não houver, o primeiro contato.',
  'report.def.consented': 'Com consentimento',
  'report.def.consentedText': 'Líderes que aceitaram, inclusive os que saíram depois (mostrados à parte).',
  'report.def.experiment': 'Experimento definido',
  'report.def.experimentText':
    'Líderes com pelo menos um experimento de comportamento. Cada líder conta com um experimento: o que está em andamento ou, se não houver, o mais recente.',
  'report.def.answered': 'Responderam no dia N',
  'report.def.answeredText': 'Líderes que responderam à pesquisa do dia N daquele experimento.',
  'report.def.responseRate': 'Taxa de resposta',
  'report.def.responseRateText':
    'Pesquisas respondidas das enviadas; lembretes respondidos (qualquer botão) dos entregues, e “Fiz” dos entregues.',
  'report.def.practice': 'Prática',
  'report.def.practiceText':
    'A primeira resposta do ponto de verificação: 1 ainda não, 2 uma vez, 3 algumas vezes, 4 na maioria dos dias, 5 todo dia.',
  'report.def.wayToTarget': 'Caminho até a meta',
  'report.def.wayToTargetText':
    '(valor − início) / (meta − início) × 100 para cada líder: 0 % é o início, 100 % a meta, e um número negativo uma mudança na direção errada.',
  'report.def.improved': 'KPI melhorou',
  'report.def.improvedText': 'A mudança desde o início é uma melhora, considerada a direção.',
  'report.def.outcomeFigures': 'Números de resultado',
  'report.def.outcomeFiguresText':
    'Líderes cujo consentimento continua válido; com grupo de controle, só o grupo com coaching (o controle está na seção 4).',
  'report.def.charter': 'Acordo concluído',
  'report.def.charterText':
    'Duplas com pelo menos a idade do prazo do acordo do programa cujo mentor confirmou um acordo.',
  'report.def.milestones': 'Marcos no prazo',
  'report.def.milestonesText':
    'Confirmados (atingido, em parte ou ainda não) até um dia depois do vencimento, dos marcos que venceram enquanto a dupla estava ativa.',
  'report.def.alertAction': 'Alerta → ação',
  'report.def.alertActionText':
    'Horas entre um alerta aos curadores e a primeira decisão de um curador (refazer a dupla, conversar, adiar ou encerrar).',
  'report.def.budget': 'Uso do orçamento',
  'report.def.budgetText':
    'Mensagens do orçamento entregues por pessoa e semana local, nas semanas com pelo menos uma.',
  'report.def.suppressed': 'Ocultado (n<5)',
  'report.def.suppressedText':
    'Um número que descreveria menos de 5 pessoas é ocultado: contagens de 1 a 4 pessoas, médias e medianas de menos de 5 contribuintes, e parcelas cujo numerador ou denominador abrange de 1 a 4 pessoas.',
  'report.mid.title': 'revisão intermediária',
  'report.mid.meta':
    'Revisão de governança intermediária · programa {program} (versão {version} das configurações) · primeira vez em {firstRun}{runs} · gerada em {generated}',
  'report.mid.runs': ', feita {runs} vezes',
  'report.mid.noEffect': 'Nenhum efeito é mostrado aqui.',
  'report.mid.ruleHeading': '1. Regra de decisão',
  'report.mid.noRule':
    'Não há regra de decisão: adicione uma seção {code} ao programa antes de o piloto terminar.',
  'report.mid.responsesLead':
    'Pesquisas dos pontos de verificação respondidas das enviadas, por grupo. Vale agir agora diante de uma diferença entre os grupos: depois ela vira dados faltantes.',
  'report.mid.quality': '3. Qualidade dos dados',
  'report.mid.warning': '{leaders} líderes: {text}.',
  'report.mid.fewerThanFive': 'Menos de 5',
  'report.mid.noWarning': 'Nenhum alerta de qualidade dos dados.',
  'report.mid.footer': 'revisão intermediária do coachloop',
  'report.csv.pseudonym': 'Pseudônimo',
  'report.csv.arm': 'Grupo',
  'report.csv.experiment_status': 'Situação do experimento',
  'report.csv.kpi_direction': 'Direção do KPI',
  'report.csv.kpi_baseline': 'Início do KPI',
  'report.csv.kpi_target': 'Meta do KPI',
  'report.csv.checkpoint_day': 'Dia do ponto de verificação',
  'report.csv.survey_status': 'Situação da pesquisa',
  'report.csv.practice': 'Prática',
  'report.csv.confidence': 'Confiança',
  'report.csv.kpi_value': 'Valor do KPI',
  'report.csv.kpi_improvement': 'Melhora do KPI',
  'report.csv.pct_of_target': '% do caminho até a meta',
  'report.csv.section': 'Seção',
  'report.csv.metric': 'Indicador',
  'report.csv.group': 'População',
  'report.csv.value': 'Valor',
  'report.csv.numerator': 'Numerador',
  'report.csv.denominator': 'Denominador',
  'report.csv.people': 'Pessoas',
  'report.csv.suppressed': 'Ocultado',
} satisfies Partial<Catalog>;
