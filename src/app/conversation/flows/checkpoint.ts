import { z } from 'zod';
import type { Survey } from '../../../core/checkpoint.js';
import {
  checkinForm as checkinFormDefinition,
  practiceSavedMessage,
  surveyAnsweredMessage,
  surveyDetailsForm,
} from '../../../core/coaching.js';
import type { Experiment } from '../../../core/experiment.js';
import type { RawFormValues } from '../../../core/forms.js';
import type { ActionName, Block, FormView } from '../../../core/messages.js';
import { NotAllowedError, UserFacingError } from '../../errors.js';
import { type ActionFlow, alreadyAnswered, answer, me, type SubmitFlow, type Turn } from '../conversation.js';
import { formView } from '../forms.js';
import { safeJson } from './experiment.js';

const surveyState = z.object({ s: z.string().min(1).max(200) });

function detailsForm(
  turn: Turn,
  survey: Survey,
  experiment: Experiment,
  values?: { initial: RawFormValues; errors?: Parameters<typeof formView>[2]['errors'] },
): FormView {
  const { t } = turn;
  const intro: Block[] = [
    { type: 'context', text: t('survey.kpiToday', { kpi: experiment.kpiName, unit: experiment.kpiUnit }) },
  ];
  return formView(t, surveyDetailsForm, {
    state: { s: survey.id },
    intro,
    ...(values ? { initial: values.initial, ...(values.errors ? { errors: values.errors } : {}) } : {}),
  });
}

/** The whole check-in in one form: the open checkpoint (or the given one), prefilled with any answers so far. */
export async function checkinForm(
  turn: Turn,
  survey?: { survey: Survey; experiment: Experiment },
  values?: { initial: RawFormValues; errors?: Parameters<typeof formView>[2]['errors'] },
): Promise<FormView | null> {
  const { t, deps, event } = turn;
  const current = survey ?? (await deps.coaching.currentSurvey(event.actor.identity));
  if (!current) return null;
  const answered: RawFormValues = {
    ...(current.survey.practice !== null ? { practice: String(current.survey.practice) } : {}),
    ...(current.survey.kpiValue !== null ? { kpiValue: String(current.survey.kpiValue) } : {}),
    ...(current.survey.confidence !== null ? { confidence: String(current.survey.confidence) } : {}),
    ...(current.survey.note ? { note: current.survey.note } : {}),
  };
  return formView(t, checkinFormDefinition, {
    state: { s: current.survey.id },
    opener: { action: 'survey.checkin', ref: current.survey.id },
    intro: [
      {
        type: 'text',
        text: t('survey.checkinIntro', {
          day: current.survey.checkpointDay,
          behavior: current.experiment.behavior,
        }),
      },
    ],
    initial: values?.initial ?? answered,
    ...(values?.errors ? { errors: values.errors } : {}),
  });
}

/** The person's own survey, or a refusal: a button's reference is never proof of permission. */
async function ownSurvey(turn: Turn, surveyId: string): Promise<{ survey: Survey; experiment: Experiment }> {
  const person = await me(turn);
  const store = turn.deps.coaching.store;
  const survey = await store.surveys.get(surveyId);
  if (!survey || !person || survey.participantId !== person.id) throw new NotAllowedError();
  const experiment = await store.experiments.get(survey.experimentId);
  if (!experiment) throw new NotAllowedError();
  return { survey, experiment };
}

/** First click: practice 1–5. It counts once; the message then asks for the one step left. */
const answerPractice: ActionFlow = async (turn) => {
  const { event, deps, t } = turn;
  const { survey, experiment } = await ownSurvey(turn, event.ref);
  if (survey.practice !== null || !(await deps.coaching.firstTime(`practice:${survey.id}`))) {
    return alreadyAnswered(turn, { kind: 'update', message: surveyAnsweredMessage(t, experiment, survey) });
  }
  const saved = await deps.coaching.answerPractice(event.actor.identity, survey.id, event.value);
  return answer(
    {
      kind: 'update',
      message: practiceSavedMessage(t, saved.experiment, saved.survey),
      andOpen: detailsForm(turn, saved.survey, saved.experiment),
    },
    { statusChanged: true },
  );
};

const openDetails: ActionFlow = async (turn) => {
  const { survey, experiment } = await ownSurvey(turn, turn.event.ref);
  if (survey.status === 'missed') throw new UserFacingError('survey.closed', { day: survey.checkpointDay });
  return answer({ kind: 'form', form: detailsForm(turn, survey, experiment) });
};

/** "Change my answer" (or the check-in opened from a button): the whole check-in, prefilled. */
const openCheckin: ActionFlow = async (turn) => {
  const owned = await ownSurvey(turn, turn.event.ref);
  if (owned.survey.status === 'missed')
    throw new UserFacingError('survey.closed', { day: owned.survey.checkpointDay });
  const form = await checkinForm(turn, owned);
  return form ? answer({ kind: 'form', form }) : answer({ kind: 'say', text: turn.t('survey.closedShort') });
};

function surveyFrom(turn: Turn<Parameters<SubmitFlow>[0]['event']>): string {
  const state = surveyState.safeParse(safeJson(turn.event.state));
  if (!state.success) throw new UserFacingError('common.formOutdated');
  return state.data.s;
}

const saveDetails: SubmitFlow = async (turn) => {
  const { event, deps, t } = turn;
  const surveyId = surveyFrom(turn);
  const owned = await ownSurvey(turn, surveyId);
  const result = await deps.coaching.answerSurveyDetails(event.actor.identity, surveyId, event.values);
  if (!result.ok) {
    return answer({
      kind: 'invalid',
      form: detailsForm(turn, owned.survey, owned.experiment, {
        initial: event.values,
        errors: result.errors,
      }),
    });
  }
  return answer(
    { kind: 'done', outcome: surveyAnsweredMessage(t, result.value.experiment, result.value.survey) },
    { statusChanged: true },
  );
};

const saveCheckin: SubmitFlow = async (turn) => {
  const { event, deps, t } = turn;
  const surveyId = surveyFrom(turn);
  const owned = await ownSurvey(turn, surveyId);
  const result = await deps.coaching.answerCheckin(event.actor.identity, surveyId, event.values);
  if (!result.ok) {
    const form = await checkinForm(turn, owned, { initial: event.values, errors: result.errors });
    return form ? answer({ kind: 'invalid', form }) : answer({ kind: 'say', text: t('survey.closedShort') });
  }
  return answer(
    { kind: 'done', outcome: surveyAnsweredMessage(t, result.value.experiment, result.value.survey) },
    { statusChanged: true },
  );
};

export const checkpointActions: Partial<Record<ActionName, ActionFlow>> = {
  'survey.practice': answerPractice,
  'survey.details': openDetails,
  'survey.checkin': openCheckin,
};

export const checkpointForms: Record<string, SubmitFlow> = {
  [surveyDetailsForm.id]: saveDetails,
  [checkinFormDefinition.id]: saveCheckin,
};
