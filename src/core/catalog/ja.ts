import type { Catalog } from './index.js';

/** Japanese, in the polite です/ます style used at work. Same keys and parameters as `en.ts`. */
export const ja = {
  // ---- everyday words ------------------------------------------------------------------------------
  'common.genericFailure':
    'こちら側で問題が起きました。何も保存されていません。1分ほどしてからもう一度お試しください。',
  'common.notAllowed': 'これはあなたが変更できるものではありません。',
  'common.curatorsOnly': 'この操作はキュレーターのみが行えます。',
  'common.buttonInvalid': 'このボタンはもう使えません。',
  'common.buttonOutdated': 'このボタンは古くなっています。',
  'common.formOutdated': 'このフォームは古くなっています。もう一度開いてください。',
  'common.formUnreadable': 'このフォームを読み取れませんでした。もう一度開いてください。',
  'common.requestUnreadable': 'このリクエストを理解できませんでした。',
  'common.alreadyDone': 'すでに完了しています。',
  'common.cancel': 'キャンセル',
  'common.back': '戻る',
  'common.openForm': 'フォームを開く',
  'common.someone': 'どなたか',
  'common.and': '{first}と{second}',

  // ---- validation --------------------------------------------------------------------------------------
  'validation.required': '入力してください。',
  'validation.invalid': 'この値はここでは使えません。',
  'validation.number': '数値を入力してください。',
  'validation.tooLong': '{max}文字以内で入力してください。',
  'validation.date': '日付は YYYY-MM-DD の形式で入力してください。',
  'validation.realDate': 'カレンダーに存在しない日付です。',
  'validation.choose': '選択肢から1つ選んでください。',
  'validation.experiment.behavior': '行動を短い言葉で書いてください。',
  'validation.experiment.hypothesis': '何が変わると思うかを書いてください。',
  'validation.experiment.kpiName': 'KPI の名前を入力してください。',
  'validation.experiment.kpiUnit': '単位を入力してください（例：% やポイント）。',
  'validation.experiment.direction': '高いほうが良いか低いほうが良いかを選んでください。',
  'validation.experiment.length': '実験の期間は8〜16週間です。',
  'validation.experiment.targetAbove': '高いほうが良い場合、目標は開始値より上にしてください。',
  'validation.experiment.targetBelow': '低いほうが良い場合、目標は開始値より下にしてください。',
  'validation.experiment.ended': 'この期間はすでに終わっています。もっと後の開始日を選んでください。',
  'validation.survey.practice': '実践した頻度を1〜5で選んでください。',
  'validation.survey.confidence': '自信の度合いを1〜5で選んでください。',
  'validation.charter.fewWords': '少し言葉を添えてください。',
  'validation.charter.cadence': '毎週・隔週・毎月から選んでください。',
  'validation.charter.confidentiality': '話した内容を口外しないことに、お二人とも同意する必要があります。',
  'validation.charter.kpiNamesDiffer': '2つの KPI には別々の名前を付けてください。',
  'validation.charter.milestoneOrder': '2つ目のマイルストーンは1つ目より後にしてください。',
  'validation.charter.earlierPage': '前のページ：{problems}',
  'validation.charter.problem': '{field}：{message}',
  'validation.changes.comment': '何を変えてほしいかを書いてください。',
  'validation.curator.mentor': '新しいメンターを選んでください。',
  'validation.curator.reason': '理由を簡単に書いてください。',
  'validation.curator.note': '短いメモを書いてください。',
  'validation.curator.days': '日数を選んでください。',
  'validation.curator.menteeSelf': 'メンティー本人をメンターにすることはできません。',
  'validation.curator.sameMentor': '現在のメンター以外の方を選んでください。',

  // ---- consent ------------------------------------------------------------------------------------------
  'consent.intro':
    'こんにちは。*{program}* のコーチングアシスタントです。始める前に、保存する内容と閲覧できる人をお知らせします。',
  'consent.collectLabel': '保存する内容',
  'consent.collect':
    'あなたの実験、チェックインへの回答、返信した日時です。ほかのチャットを読むことはありません。',
  'consent.whoLabel': '閲覧できる人',
  'consent.who':
    'あなた。メンターはあなたの合意書の項目を見られます。キュレーターはエンゲージメントの兆候のみ、管理者は5人以上のグループの合計のみを見られます。',
  'consent.howLongLabel': '保存期間',
  'consent.howLong':
    '入力したメモは{freeTextDays, plural, other {#日}}後に削除され、合計は{aggregateMonths, plural, other {#か月}}保存されます。',
  'consent.stopAnyTime': '`/coach optout` でいつでも停止でき、`/coach forget-me` でデータを削除できます。',
  'consent.accept': '同意する',
  'consent.decline': '同意しない',
  'consent.accepted': 'ありがとうございます。参加が完了しました。次は、試してみたい行動を1つ選びましょう。',
  'consent.acceptedShort': 'ありがとうございます。参加が完了しました。',
  'consent.startExperiment': '実験を始める',
  'consent.declined':
    '承知しました。コーチングのご連絡はしません。あなたについてほかに保存するものはありません。',
  'consent.declinedShort': '承知しました。コーチングのご連絡はしません。',
  'consent.pendingFirst':
    '先に同意のメッセージ（ダイレクトメッセージにあります）に同意するか、同意しないかを選んでください。',
  'consent.stoppedOfferedAgain':
    'コーチングのメッセージは停止中です。同意のメッセージをもう一度お送りしました。再開するには同意してください。',

  // ---- first contact and installs ----------------------------------------------------------------------------
  'welcome.sentConsent':
    'ようこそ。保存する内容と閲覧できる人について、ダイレクトメッセージをお送りしました。そちらで同意してから、もう一度お試しください。',
  'welcome.hello':
    'こんにちは{named, select, yes {、{name}さん} other {}}。コーチングアシスタントです。まず、保存する内容と閲覧できる人について短くお知らせします。同意いただくと実験を設定できます。`/coach help` でいつでも使い方を確認できます。',
  'welcome.pending':
    'こんにちは{named, select, yes {、{name}さん} other {}}。コーチングアシスタントです。保存する内容と閲覧できる人についての短いお知らせがあります。同意いただいたら始めましょう。',
  'welcome.back':
    'おかえりなさい{named, select, yes {、{name}さん} other {}}。`/coach status` で現在の状況を、`/coach help` で使えるコマンドを確認できます。',
  'welcome.groupChat':
    '私はあなたとの1対1のチャットと、キュレーター用のチームチャネルで動作します。始めるには直接メッセージを送ってください。',
  'enrol.notEnrolled':
    'まだコーチングプログラムに登録されていません。プログラム管理者に追加を依頼してください。',
  'enrol.notEnrolledYet': 'まだ登録されていません。何かメッセージを送ると始まります。',
  'enrol.programMissing':
    'プログラム「{program}」はまだ設定されていません。プログラム管理者にお問い合わせください。',
  'enrol.noSuchProgram': '「{program}」という名前のプログラムはありません。',
  'enrol.nothingStored': 'あなたについて保存しているものはありません。',

  // ---- commands ------------------------------------------------------------------------------------------------
  'help.title': '*コーチングのコマンド*：',
  'help.start': '• `/coach start` — 行動実験を設定（または編集）する',
  'help.status': '• `/coach status` — 実験、次のメッセージ、チェックインの回答',
  'help.checkin': '• `/coach checkin` — 今のチェックインにすぐ回答する',
  'help.pause': '• `/coach pause` / `/coach resume` — 実験を一時停止・再開する',
  'help.snooze': '• `/coach snooze 7` — 指定した日数だけメッセージを止め、その後は自動で再開する',
  'help.optout': '• `/coach optout` — コーチングのメッセージをすべて停止する',
  'help.forget':
    '• `/coach forget-me` — 保存している内容（メモ、実験、合意書）を削除する。匿名の合計は残ります',
  'help.pair': '• `/coach pair @mentor @mentee` — 2人をペアにする（キュレーター）',
  'command.unknown': '「{word}」は分かりません。',
  'command.snoozeInvalid': 'スヌーズは1〜60日で指定してください（例：`/coach snooze 7`）。',
  'command.paused': '一時停止しました。`/coach resume` まで、ナッジもアンケートも送りません。',
  'command.resumed': '再開しました。次のメッセージは予定済みです。`/coach status` で確認できます。',
  'command.snoozed':
    '{days, plural, other {#日間}}スヌーズしました（{until, date, day}まで）。その後は自動で再開します。',
  'command.optedOut':
    '完了しました。今後コーチングのメッセージは届きません。同意についての選択は記録されています。',
  'command.forgotten':
    '完了しました。個人データと、入力された内容（メモ、実験、合意書）をすべて削除しました。残るのは匿名の合計だけです。あなたから連絡がない限り、こちらから連絡することはありません。',
  'command.forgetUnavailable': 'ここでは削除できません。プログラム管理者にお問い合わせください。',
  'command.noCheckpointOpen': '今開いているチェックインはありません。次のチェックインでお知らせします。',
  'command.pairUsage': '使い方：`/coach pair @mentor @mentee`（2人ともメンションしてください）。',
  'command.paired':
    '{mentor}さん（メンター）と{mentee}さん（メンティー）をペアにしました。{waiting, select, yes {お二人が同意のメッセージに同意した時点で紹介を送ります。} other {}}',
  'help.language':
    '• `/coach language de` — メッセージの言語（{languages}）。`/coach language auto` でプラットフォームの設定に従います',
  'command.languageSet': '完了しました。これからは{language}でお送りします。',
  'command.languageAuto':
    '完了しました。プラットフォームとプログラムの設定に戻しました。現在は{language}です。',
  'command.languageIs':
    '現在は{language}でお送りしています。`/coach language de` など（{languages}）で変更できます。',
  'command.languageUnknown': '「{word}」にはまだ対応していません。{languages}から選んでください。',

  // ---- experiment -------------------------------------------------------------------------------------------
  'experiment.form.title': '行動実験',
  'experiment.form.submit': '実験を始める',
  'experiment.form.submitEdit': '変更を保存',
  'experiment.form.behavior': '実践する行動',
  'experiment.form.behaviorPlaceholder': '1on1 では伝える前にまず質問する',
  'experiment.form.hypothesis': '仮説',
  'experiment.form.hypothesisPlaceholder': '先に質問すれば、チームが自分たちの解決策をもっと出すようになる',
  'experiment.form.kpiName': 'KPI の名前',
  'experiment.form.kpiNamePlaceholder': 'チームから出た週あたりのアイデア数',
  'experiment.form.kpiUnit': 'KPI の単位',
  'experiment.form.kpiUnitPlaceholder': '件',
  'experiment.form.baseline': '開始値',
  'experiment.form.target': '目標',
  'experiment.form.direction': 'どちらが良い？',
  'experiment.form.higher': '高いほうが良い',
  'experiment.form.lower': '低いほうが良い',
  'experiment.form.startDate': '開始日',
  'experiment.form.length': '期間（週）',
  'experiment.form.weeks': '{weeks}週間',
  'experiment.saved':
    '実験を設定しました：*{behavior}*、{start}〜{end}。{hasNext, select, yes {最初のメッセージは{next}に届きます。} other {}}',
  'experiment.updated':
    '実験を更新しました（バージョン {version}）。{hasNext, select, yes {最初のメッセージは{next}に届きます。} other {}}',
  'experiment.savedHint': '`/coach status` でいつでも確認でき、`/coach start` で編集できます。',
  'experiment.staleForm':
    'このフォームはすでに保存されています。*{behavior}* はバージョン {version} です。もう一度編集するには `/coach start` と入力してください。',
  'experiment.staleFormNew':
    'このフォームは古くなっています。`/coach start` で新しいフォームを開いてください。',
  'experiment.notRunning': '進行中の実験はありません。`/coach start` で始めましょう。',
  'experiment.alreadyPaused': '実験はすでに一時停止中です。`/coach resume` で再開できます。',
  'experiment.leadersOnly': '行動実験はこのプログラムのリーダー向けです。あなたの役割は異なります。',
  'experiment.snoozedWeek': '1週間スヌーズしました。',
  'experiment.start': '実験を始める',
  'experiment.edit': '実験を編集',
  'experiment.pause': '一時停止',
  'experiment.resume': '再開',
  'experiment.snoozeWeek': '1週間スヌーズ',

  // ---- status ------------------------------------------------------------------------------------------------
  'status.title': 'あなたのコーチング実験',
  'status.notEnrolled': 'まだコーチングプログラムに登録されていません。メッセージを送ると始まります。',
  'status.consentPending':
    '同意のメッセージにまだ回答していません。回答するまで、あなたについて何も保存しません。',
  'status.consentStopped':
    'コーチングのメッセージは停止中です。再開したい場合に備えて、同意のメッセージをもう一度お送りしました。',
  'status.noExperiment': 'まだ実験はありません。*実験を始める* ボタンか `/coach start` で始めましょう。',
  'status.experiment':
    '*実験：* {behavior}（{status, select, active {進行中} paused {一時停止中} completed {完了} abandoned {中止} other {{status}}}）',
  'status.hypothesis': '*仮説：* {hypothesis}',
  'status.kpi': '*KPI：* {name}（{unit}）、{direction, select, increase {高い} other {低い}}ほうが良い',
  'status.window': '*期間：* {start}〜{end}',
  'status.trend': '*KPI の推移：* {trend}',
  'status.trendTarget': '{points} · 目標 {target}',
  'status.trendChange': '{points} · 目標 {target} · 開始値から {change} {unit}',
  'status.checkpointAnswered':
    '• {day}日目：実践 {practice}/5{hasConfidence, select, yes {、自信 {confidence}/5} other {}}',
  'status.checkpointOther':
    '• {day}日目：{status, select, open {受付中} reminded {リマインド済み} missed {未回答} other {{status}}}',
  'status.snoozed': '{until, date, day}まで *スヌーズ中*。',
  'status.next':
    '*次のメッセージ：* {at, date, dayTime}（{zone}）の{kind, select, nudge {ナッジ} checkpoint {チェックイン} checkpoint_reminder {チェックインのリマインド} other {{kind}}}',
  'status.nextNone': '*次のメッセージ：* 予定なし',
  'status.nextWhen': '{at, date, dayTime}（{zone}）',

  // ---- nudges -----------------------------------------------------------------------------------------------
  'nudge.did': 'できた',
  'nudge.skip': '今週は見送り',
  'nudge.snooze': '1週間スヌーズ',
  'nudge.answeredDid': 'お見事です。実施済みとして記録しました。',
  'nudge.answeredSkip': '今週は見送りと記録しました。気にしなくて大丈夫です。来週はまた新しいスタートです。',
  'nudge.answeredSnooze': '{until, date, day}までスヌーズしました。それまではお知らせしません。',
  'nudge.alreadyAnswered': 'これにはすでに回答済みです。',

  // ---- the wait-list of a staggered pilot -------------------------------------------------------------------
  'waitlist.coachingStarts':
    '*{program}* の比較期間が終わりました。チェックインへの回答ありがとうございました。おかげでパイロットの結果が信頼できるものになります。今日からは皆さんと同じく、チェックインの合間にあなたの時間帯でナッジが届く、フルのコーチングが始まります。{running, select, yes {まずはあなたの実験 *{behavior}* から始まります。} other {実践したい行動を1つ選び、`/coach start` と入力して実験を設定してください。}}',

  // ---- checkpoints ------------------------------------------------------------------------------------------
  'survey.question':
    '{lead, select, reminder {リマインドです。} other {2クリックのチェックインの時間です。}}*{behavior}* の{day}日目のチェックイン：最近どのくらい実践しましたか？',
  'survey.practice1': '1 · まだ',
  'survey.practice2': '2 · 1回',
  'survey.practice3': '3 · 数回',
  'survey.practice4': '4 · ほぼ毎日',
  'survey.practice5': '5 · 毎日',
  'survey.confidence1': '1 – 自信がない',
  'survey.confidence2': '2',
  'survey.confidence3': '3',
  'survey.confidence4': '4',
  'survey.confidence5': '5 – とても自信がある',
  'survey.thenDetails': '続いてもう一つ：今日の{kpi}と自信の度合いです。',
  'survey.practiceSaved': '{day}日目のチェックイン：実践 {practice}/5 を保存しました。あと一つです：',
  'survey.addKpi': '{kpi}を入力',
  'survey.kpiToday': '今日の *{kpi}*（{unit}）',
  'survey.heading': '{day}日目のチェックイン',
  'survey.checkinIntro': '*{behavior}* の{day}日目のチェックイン',
  'survey.answered':
    '{day}日目のチェックインを保存しました：実践 {practice}/5{hasKpi, select, yes {、{kpi} {value} {unit}（開始値から {change}）} other {}}{hasConfidence, select, yes {、自信 {confidence}/5} other {}}。ありがとうございます。',
  'survey.changeAnswer': '回答を変更',
  'survey.closed': '{day}日目のチェックインは締め切られました。',
  'survey.closedShort': 'このチェックインは締め切られました。',
  'survey.form.title': 'チェックイン',
  'survey.form.submit': '保存',
  'survey.form.kpiValue': '今日の KPI の値',
  'survey.form.confidence': '続けられる自信',
  'survey.form.note': 'メモはありますか？（あなたとコーチだけが見られます）',
  'checkin.form.title': 'チェックイン',
  'checkin.form.practice': '最近どのくらい実践しましたか？',

  // ---- the pairing charter ----------------------------------------------------------------------------------
  'charter.field.goals': 'このメンタリングの目標',
  'charter.field.kpi1Name': 'KPI 1',
  'charter.field.kpi1Baseline': 'KPI 1 の開始値',
  'charter.field.kpi1Target': 'KPI 1 の目標',
  'charter.field.kpi2Name': 'KPI 2',
  'charter.field.kpi2Baseline': 'KPI 2 の開始値',
  'charter.field.kpi2Target': 'KPI 2 の目標',
  'charter.field.milestone1': '1つ目のマイルストーン',
  'charter.field.milestone1Due': '1つ目のマイルストーンの期日',
  'charter.field.milestone2': '2つ目のマイルストーン',
  'charter.field.milestone2Due': '2つ目のマイルストーンの期日',
  'charter.field.cadence': '面談の頻度',
  'charter.field.confidentiality': '守秘',
  'charter.field.mentorWill': 'メンターが行うこと…',
  'charter.field.mentorWillNot': 'メンターが行わないこと…',
  'charter.cadence.weekly': '毎週',
  'charter.cadence.biweekly': '隔週',
  'charter.cadence.monthly': '毎月',
  'charter.agree': '話した内容は二人の間にとどめます',
  'charter.question.goals': 'このメンタリングで何を得たいですか？ 目標を2〜3個、ご自分の言葉でどうぞ。',
  'charter.question.kpi1Name': '動かしたい1つ目の KPI の名前を教えてください（例：「関係者との合意度」）。',
  'charter.question.kpi1Baseline': 'KPI 1 の現在の値は？（数値）',
  'charter.question.kpi1Target': '最後に KPI 1 をどこまで上げたいですか？（数値）',
  'charter.question.kpi2Name': '2つ目の KPI の名前を教えてください。',
  'charter.question.kpi2Baseline': 'KPI 2 の現在の値は？（数値）',
  'charter.question.kpi2Target': '最後に KPI 2 をどこまで上げたいですか？（数値）',
  'charter.question.milestone1': '1つ目のマイルストーン（約90日後）を書いてください。',
  'charter.question.milestone1Due': '1つ目のマイルストーンの期日は？（YYYY-MM-DD）',
  'charter.question.milestone2': '2つ目のマイルストーン（約180日後）を書いてください。',
  'charter.question.milestone2Due': '2つ目のマイルストーンの期日は？（YYYY-MM-DD）',
  'charter.question.cadence': 'どのくらいの頻度で会いますか：weekly、biweekly、monthly？',
  'charter.question.confidentiality':
    '話した内容を二人の間にとどめることに同意しますか？「agree」と答えてください。',
  'charter.question.mentorWill': 'メンターにしてほしいことは？（例：計画を見てもらう、同僚を紹介してもらう）',
  'charter.question.mentorWillNot': 'メンターの役割に含まれないことは？（例：上司ではない、評価はしない）',
  'charter.page1': '合意書 1/3：目標',
  'charter.page2': '合意書 2/3：計画',
  'charter.page3': '合意書 3/3：役割',
  'charter.next': '次へ',
  'charter.send': 'メンターに送る',
  'charter.pageIntro': '回答はページごとに保存されます。いつでも戻ってこられます。',
  'charter.summary.goals': '目標',
  'charter.summary.kpi1': 'KPI 1',
  'charter.summary.kpi2': 'KPI 2',
  'charter.summary.kpi': '{name}：{baseline} → {target}',
  'charter.summary.milestones': 'マイルストーン',
  'charter.summary.milestone': '{description}（期日 {due}）',
  'charter.summary.cadence': '頻度',
  'charter.summary.confidentiality': '守秘',
  'charter.summary.agreed': '合意済み：話した内容は二人の間にとどめます',
  'charter.summary.will': 'メンターが行うこと',
  'charter.summary.willNot': 'メンターが行わないこと',
  'charter.sentToMentor':
    '合意書をメンターに送りました。メンターが確認するか変更を依頼したら、お知らせします。',
  'charter.thanksSent': 'ありがとうございます。合意書（バージョン {version}）は{mentor}さんの確認待ちです。',
  'charter.withMentor': '合意書は現在メンターのもとにあります。変更を依頼されたら編集できます。',
  'charter.alreadyWithMentor': '合意書はすでにメンターのもとにあります。',
  'charter.incomplete': '合意書はまだ完成していません。',
  'charter.chatStart':
    '合意書を一つずつ進めましょう。いつでも「stop」と返信すれば中断でき、回答は保存されます。',
  'charter.chatAllAnswered': 'すべて回答済みです。「send」と返信すると、合意書をメンターに送ります。',
  'charter.chatMovedHere': 'チャットで進めましょう。最初の質問をお送りしました。',
  'charter.chatPaused':
    '中断しました。回答は保存されています。合意書のボタンからいつでも続きを始められます。',
  'charter.chatSaved': '保存しました。{question}',
  'charter.chatNoFit': 'この回答は使えません：{error} {question}',
  'charter.chatAlmost': 'あと少しですが、{error} {question}',
  'charter.chatFix': '{error} {question}',
  'charter.review':
    '*{mentee}* さんからメンタリングの合意書（バージョン {version}）が届きました。この内容でよいですか？',
  'charter.confirm': '合意書を確定',
  'charter.askChanges': '変更を依頼',
  'charter.confirmed': '合意書（バージョン {version}）を確定しました。今から有効です。',
  'charter.alreadyConfirmed': 'この合意書はすでに確定しています。',
  'charter.notWaiting': 'このバージョンはもうあなたの確認を待っていません。',
  'charter.activeForMentee':
    '{mentor}さんが合意書を確定しました。今から有効です。マイルストーンの期日は{first}と{second}です。',
  'charter.changesRequested':
    '*{mentor}* さんから合意書への変更依頼：「{comment}」。これまでの回答は残っています。必要なところを直して、もう一度送ってください。',
  'charter.editForm': 'フォームで編集',
  'charter.editChat': 'チャットで一つずつ編集',
  'charter.changesSent': 'バージョン {version} への変更を依頼しました。コメントをお伝えしました。',
  'changes.form.title': '変更を依頼',
  'changes.form.submit': '送信',
  'changes.form.comment': '何を変えてほしいですか？',

  // ---- pairs --------------------------------------------------------------------------------------------------
  'pair.introMentor':
    '*{mentee}* さんのメンターになりました。合意書（目標、2つの KPI、マイルストーン、面談頻度、役割の範囲）はメンティーが作成し、確定または変更依頼のためにあなたにお送りします。',
  'pair.introMentee':
    'あなたのメンターは *{mentor}* さんです。最初のステップは合意書です。目標、2つの KPI、90日後と180日後のマイルストーン、面談の頻度、守秘、メンターが行うこと・行わないことを決めます。回答はステップごとに保存されます。',
  'pair.fillForm': 'フォームで入力',
  'pair.fillChat': 'チャットで一つずつ回答',
  'pair.closed': 'このペアは終了しました。',
  'pair.selfMentor': '本人を自分のメンターにすることはできません。',
  'pair.alreadyPaired': 'この2人はすでに有効なペアです。',
  'pair.nudge':
    'ちょっとした確認です。しばらく *{other}* さんとのメンタリングの更新がありません。面談の予定は入っていますか？ 合意書やマイルストーンを少し更新するだけでも、順調に進められます。',
  'pair.yourMentor': 'あなたのメンター',
  'pair.yourMentee': 'あなたのメンティー',
  'pair.yourPartner': 'あなたのペア',
  'pair.mentor': 'メンター',
  'pair.mentee': 'メンティー',
  'pair.rematchedMentee':
    'プログラムチームが新しいメンター、{mentor}さんとのペアを組みました。今の時期には新しい視点が合うこともあります。これまでの取り組みに感謝します。新しい合意書は白紙から始まります。',
  'pair.rematchedMentor':
    '{mentee}さんのメンタリングをありがとうございました。プログラムチームが、今の目標により合った新しいペアを用意しました。あなたの対応は必要ありません。',
  'pair.curatorNote': 'プログラムチームからのメモ：{note}',
  'pair.closedMentee': '{mentor}さんとのメンタリングは終了しました。お二人が費やした時間に感謝します。',
  'pair.closedMentor': '{mentee}さんとのメンタリングは終了しました。費やしていただいた時間に感謝します。',

  // ---- milestones -----------------------------------------------------------------------------------------------
  'milestone.reminder':
    '*{mentee}* さんとのマイルストーン（期日 {due}）：「{description}」。いかがでしたか？',
  'milestone.met': '達成',
  'milestone.partly': '一部達成',
  'milestone.notYet': 'まだ',
  'milestone.answer': '{answer, select, met {達成} partly {一部達成} not_yet {未達成} other {{answer}}}',
  'milestone.confirmed':
    'マイルストーン「{description}」を *{answer, select, met {達成} partly {一部達成} not_yet {未達成} other {{answer}}}* として確定しました。{noted, select, yes {メモを追加しました。} other {}}',
  'milestone.addNote': 'メモを追加',
  'milestone.toMentee':
    '{mentor}さんがマイルストーン「{description}」を{answer, select, met {達成} partly {一部達成} not_yet {未達成} other {{answer}}}としました。',
  'milestone.noteToMentee': '{mentor}さんが「{description}」にメモを追加しました：{note}',
  'milestone.noteIntro': 'マイルストーン「{description}」、期日 {due}。',
  'note.form.title': 'マイルストーンのメモ',
  'note.form.submit': '保存',
  'note.form.note': 'メンティーへのメモ（任意）',

  // ---- engagement and curators ----------------------------------------------------------------------------------
  'engagement.charterUnfinished': 'ペア成立から{days}日経っても合意書が未完成',
  'engagement.milestoneLate':
    'マイルストーン「{description}」が期日から{days}日経って{confirmed, select, yes {確定済み} other {未確定}}',
  'engagement.personQuiet':
    '{role, select, mentor {メンター} other {メンティー}}の{name}さんが{days}日間ボットとやり取りしていない',
  'engagement.checkinMissed': 'メンティーが{count, plural, other {#回}}のチェックインに未回答',
  'engagement.reason': '• {reason}（−{points}）',
  'engagement.reasonPlain': '• {reason}',
  'engagement.noSignals': '• 兆候なし',
  'alert.low':
    '*{mentee}*（メンティー）と *{mentor}*（メンター）のペアのエンゲージメントが低下しています：{score}/100、しきい値 {threshold} を下回っています。',
  'alert.afterNudge':
    'このペアにはすでに声かけと猶予期間がありました。キュレーターが判断するまで何も変わりません。',
  'alert.rematch': 'メンターを変更',
  'alert.checkin': 'ペアに声をかける',
  'alert.snooze': 'このアラートをスヌーズ',
  'alert.close': 'ペアを終了',
  'alert.unreachable': '⚠ {people}にチャットで連絡できません（アプリをブロックまたは削除しています）。',
  'alert.handled':
    '*{mentee}*（メンティー）と *{mentor}*（メンター）のペア、{score}/100：*{curator}* が{at}に{action, select, rematch {メンターを変更しました} checkin {ペアに声をかけました} snooze {このアラートをスヌーズしました} close {ペアを終了しました} other {このアラートに対応しました}}。{hasDetail, select, yes {{detail}} other {}}',
  'alert.alreadyHandled': 'このアラートはすでに対応済みです。',
  'alert.alreadyHandledBy': 'このアラートは{curator}が対応済みです。',
  'alert.anotherCurator': '別のキュレーター',
  'alert.aCurator': 'キュレーター',
  'alert.summaryRematch': '新しいメンター：{mentor}。',
  'alert.summaryCheckin': '二人にメモを送りました。',
  'alert.summarySnooze': '{until}まで、このペアの新しいアラートは出しません。',
  'alert.summaryClose': 'ペアは終了しました。',
  'alert.noPeople': 'ここでは新しいメンターとして選べる人がいません。先にチームに追加してください。',
  'alert.peopleUnavailable': '今はメンバーを読み込めませんでした。1分ほどしてからもう一度お試しください。',
  'alert.unreachablePerson':
    '*{person}* さんに {platform, select, teams {Teams} other {Slack}} で連絡できなくなりました（{reason}）。ご本人がボットに再びメッセージを送るまで、コーチングのメッセージは止まります。',
  'alert.aParticipant': '参加者',
  'rematch.form.title': 'メンティーのメンターを変更',
  'rematch.form.submit': '変更',
  'rematch.form.mentor': '新しいメンター',
  'rematch.form.reason': '理由（監査ログに残り、ペアには表示されません）',
  'pairCheckin.form.title': 'ペアに声をかける',
  'pairCheckin.form.submit': '二人に送る',
  'pairCheckin.form.note': '二人への短いメモ',
  'snooze.form.title': 'このアラートをスヌーズ',
  'snooze.form.submit': 'スヌーズ',
  'snooze.form.days': '期間は？',
  'snooze.form.option': '{days}日',
  'close.form.title': 'ペアを終了',
  'close.form.submit': 'ペアを終了',
  'close.form.reason': '理由（監査ログに残ります）',

  // ---- curator channel ------------------------------------------------------------------------------------------
  'channel.help':
    'コーチングアシスタントです。チームチャネルでの役割は一つだけです。エンゲージメントが下がったメンターペアについてアラートを投稿し、メンター変更・声かけ・スヌーズ・終了のボタンを添えます（キュレーターのみ）。\n• `/coach claim` — キュレーターがこのチャネルをアラートの投稿先にする\n• `/coach pair @mentor @mentee` — キュレーターが2人をペアにする\n• `/coach help` — このメッセージ\nご自身のコーチングは、1対1のチャットでどうぞ。',
  'channel.unknown':
    'チームチャネルで使えるのは `/coach claim`、`/coach pair`、`/coach help` です。ご自身のコーチングは、1対1のチャットでどうぞ。',
  'channel.claimElsewhere':
    'これはチームチャネルで行います。キュレーターがアラートを受け取りたいチャネルに私を追加し、そこで `/coach claim` と入力してください（私をメンションしてください）。',
  'channel.claimNotCurator':
    'アラート用のチャネルを設定できるのはキュレーターだけです。プログラム管理者に、CURATORS へ {platform}:{user} として追加するよう依頼してください。',
  'channel.claimConfigured':
    'アラートは設定ファイルで指定されたチャネルに届きます。ここに移すには、その設定を変更してください。',
  'channel.claimed': '完了しました。この組織のアラートは今後このチャネル（{channel}）に届きます。',
  'channel.helloCurators':
    'こんにちは。メンターペアに関するアラートはこのチャネルに届きます。対応できるのはキュレーターだけです。',
  'channel.hello': 'こんにちは。コーチングアシスタントです。ご自身のコーチングは、1対1のチャットでどうぞ。',
  'channel.helloClaim':
    'こんにちは。コーチングアシスタントです。キュレーターが、アラートを受け取るチャネルで `/coach claim` と私をメンションしてください。ご自身のコーチングは、1対1のチャットでどうぞ。',

  // ---- matching (proposals for curators) -------------------------------------------------------------------------
  'match.reason.topics':
    '{count, plural, one {{wanted}件中#件のテーマが共通} other {{wanted}件中#件のテーマが共通}}：{topics}（+{points}）',
  'match.reason.department':
    '{same, select, yes {同じ部署（{mentor}）} other {別の部署：{mentor}（{mentee}ではない）}}（+{points}）',
  'match.reason.level': '{gap, plural, =0 {同じレベル} one {1レベル上} other {#レベル上}}（+{points}）',
  'match.reason.timezone': '1日に共通する勤務時間 {hours, number} 時間（+{points}）',
  'match.unmatched':
    '候補なし：{constraint, select, no_mentors {メンターがいません} capacity {条件に合うメンターはすべて埋まっています} reporting_line {レポートラインにいるメンターしかいません} not_with {「組まない」と指定されたメンターしかいません} closed_before {以前にペアだったメンターしかいません} overlap {共通の勤務時間が足りません} language {共通の言語がありません} other {条件に合うメンターがいません}}（{detail}）',
  'match.blocker':
    '{constraint, select, no_mentors {メンターなし} capacity {満員} reporting_line {レポートライン} not_with {組まない指定} closed_before {以前のペア} overlap {勤務時間} language {言語} other {その他}}：{mentors, plural, one {メンター#人} other {メンター#人}}',
  'match.review.title':
    '*{program}* のマッチング案：{count, plural, one {#件} other {#件}}、未決定 {open} 件。キュレーターが承認するまでペアは作られません。承認されたペアは、お二人が同意した時点で紹介されます。',
  'match.review.proposal': '*{mentee}* さんとメンター *{mentor}* さん（適合度 {fit}）',
  'match.review.candidate': '*{mentor}* さん（適合度 {fit}）',
  'match.review.reasonLine': '• {reason}',
  'match.review.approve': '承認',
  'match.review.another': '別の人を選ぶ',
  'match.review.reject': '却下',
  'match.review.pick': '{mentor}さんとペアにする',
  'match.review.noAlternatives': 'すべての条件を満たし、空きのある他のメンターはいません。',
  'match.review.decided':
    '{status, select, approved {*{curator}* さんが {at} に承認しました。} changed {*{curator}* さんが {at} に代わりに *{mentor}* さんを選びました。} other {*{curator}* さんが {at} に却下しました。}}',
  'match.review.alreadyDecided': 'この案はすでにキュレーターが決定しています。',
  'match.review.notAlternative': 'そのメンターはもう候補に含まれていません。',
  'match.review.mentorFull': '{mentor}さんにはもう空きがありません。別のメンターを選んでください。',
  'match.review.menteePaired': '{mentee}さんにはすでにメンターがいます。',

  // ---- the pair's voice --------------------------------------------------------------------------------------------
  'help.pairStatus': '• `/coach pair status` — メンタリングペアのエンゲージメントスコアとその理由',
  'help.notWith':
    '• `/coach notwith @person` — 特定の人と組まないよう非公開で指定する（`/coach notwith` で一覧を表示）',
  'pairStatus.none': '現在、有効なメンタリングペアはありません。',
  'pairStatus.pair':
    '*{other}* さん（{role, select, mentor {あなたのメンティー} other {あなたのメンター}}）とのペア：*{score}/100*。{low, select, yes {{threshold} を下回っています。まずお二人に軽いリマインダーが届き、猶予期間の後も低いままならキュレーターに確認を依頼します。} other {{threshold} を下回り、軽いリマインダーの後もそのままの場合にのみ、キュレーターに確認を依頼します。}}',
  'pairStatus.reasons': 'ボットが把握している内容（会話の中身は見ません）：',
  'notWith.added':
    '非公開で記録しました。{people}さんをあなたのペア候補として提案しません。このリストは他の誰にも見えず、リストに載った人にも知らされません。`/coach notwith` で一覧を表示し、`/coach notwith remove @person` で外せます。',
  'notWith.removed': '「組まない」リストから外しました：{people}。',
  'notWith.notListed': 'その人は「組まない」リストに載っていませんでした。',
  'notWith.list': 'あなたの非公開の「組まない」リスト（あなたにしか見えません）：{people}。',
  'notWith.empty':
    '非公開の「組まない」リストは空です。`/coach notwith @person` で、その人がペア候補として提案されないようにできます。リストは他の誰にも見えません。',
  'notWith.self': 'それはあなた自身です。組みたくない人をメンションしてください。',
  'notWith.answeredInChat': '1対1のチャットでお返事しました。',
  'notWith.unknownEmail': 'そのメールアドレスのメンバーはプログラムにいません。',
  'rematch.suggestions': 'マッチングによる候補（参考です。下から誰でも選べます）：',
  'rematch.noSuggestions':
    'マッチングの候補はありません。すべての条件を満たし、空きのある他のメンターはいません。',
  'voice.fine': '問題ありません。オフラインで会っています',
  'voice.newMatch': '新しいペアを希望します',
  'voice.fineForm.title': '問題ありません',
  'voice.fineForm.submit': '送信',
  'voice.fineForm.note': '補足があればどうぞ（任意、プログラムチームだけが見ます）',
  'voice.fineThanks': 'ありがとうございます。オフラインで会っていると記録しました。',
  'voice.newMatchSent':
    '新しいペアの希望を、プログラムのキュレーターに非公開で送りました。誰のせいでもありません。{other}さんには知らされません。キュレーターから連絡があります。',
  'voice.newMatchAlready': '新しいペアの希望は、すでにキュレーターに届いています。',
  'alert.matchRequested':
    '*{mentee}*（メンティー）と *{mentor}*（メンター）のペアで新しいペアが希望されました。誰の責任も問わない希望で、相手には表示されません。エンゲージメント {score}/100。',
  'engagement.matchRequested':
    '{role, select, mentor {メンター} other {メンティー}}の{name}さんが新しいペアを希望しました（責任は問いません）',
  // ---- pair check-ins on the charter's cadence
  'meeting.ask':
    'ペアの確認：{since, date, day}以降、*{other}*さんと会いましたか？回答はプログラムチームだけが見ます。',
  'meeting.yes': 'はい',
  'meeting.notYet': 'まだです',
  'meeting.skip': '今回は見送ります',
  'meeting.answered':
    '{answer, select, not_yet {承知しました：まだですね。責める人はいません。近いうちに時間を見つけてください。} other {承知しました：今回は見送りですね。会えなかった回には数えません。}}',
  'meeting.howUseful':
    '会えてよかったです。どのくらい役に立ちましたか？1（あまり）から5（とても）でお答えください。任意です。',
  'meeting.usefulness': '{n}',
  'meeting.rated': 'ありがとうございます：会って、役立ち度は5段階中{n}でした。',
  'meeting.addNote': 'メモを追加',
  'meeting.noteForm.title': '今回の面談',
  'meeting.noteForm.submit': '保存',
  'meeting.noteForm.note': 'プログラムチームへのメモ（非公開で、相手には表示されません）',
  'meeting.noted': 'ありがとうございます。メモを保存しました。',
  'meeting.closedRound': 'この確認は締め切られました。新しい確認が届いています。',
  'engagement.meetingsMissed': '予定{expected}回中{met}回{expected, plural, other {会いました}}',
} satisfies Partial<Catalog>;
