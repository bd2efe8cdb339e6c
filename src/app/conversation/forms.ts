import type { MessageKey, Translator } from '../../core/catalog/index.js';
import type { FieldErrors, FormDefinition, RawFormValues } from '../../core/forms.js';
import type { Action, Block, FieldView, FormView } from '../../core/messages.js';

export interface FormViewOptions {
  /** What the flow needs back on submit; kept small, since it rides inside the form. */
  state: Record<string, string | number>;
  initial?: RawFormValues;
  errors?: FieldErrors;
  intro?: Block[];
  submitLabel?: MessageKey;
  back?: Action;
  /** A button that opens the form again (see FormView.opener); its label is the catalog's "Open the form". */
  opener?: Omit<Action, 'label'>;
  /** For `person` fields where the channel lists people itself: whom to leave out. */
  excludePeople?: string[];
}

/** A form definition in the reader's words, with its values, its errors and its continuation state. */
export function formView(t: Translator, form: FormDefinition, options: FormViewOptions): FormView {
  const errors = options.errors ?? {};
  const fieldIds = new Set(form.fields.map((f) => f.id));
  const fields = form.fields.map((field): FieldView => {
    const error = errors[field.id];
    const initial = options.initial?.[field.id];
    return {
      id: field.id,
      label: t(field.label),
      type: field.type,
      optional: Boolean(field.optional),
      ...(field.options
        ? { options: field.options.map((o) => ({ value: o.value, label: t.text(o.label) })) }
        : {}),
      ...(field.placeholder ? { placeholder: t(field.placeholder) } : {}),
      ...(field.hint ? { hint: t(field.hint) } : {}),
      ...(field.maxLength ? { maxLength: field.maxLength } : {}),
      ...(initial !== undefined && initial !== '' ? { initial } : {}),
      ...(error ? { error: t.text(error) } : {}),
      ...(field.type === 'person'
        ? {
            people: {
              exclude: options.excludePeople ?? [],
              noneText: t('alert.noPeople'),
              unavailableText: t('alert.peopleUnavailable'),
            },
          }
        : {}),
    };
  });
  return {
    formId: form.id,
    title: t(form.title),
    submitLabel: t(options.submitLabel ?? form.submitLabel),
    cancelLabel: t('common.cancel'),
    requiredText: t('validation.required'),
    intro: options.intro ?? [],
    fields,
    errors: Object.entries(errors)
      .filter(([id]) => !fieldIds.has(id))
      .map(([, error]) => t.text(error)),
    state: JSON.stringify(options.state),
    ...(options.back ? { back: options.back } : {}),
    ...(options.opener
      ? { opener: { ...options.opener, label: t('common.openForm'), style: 'primary' } }
      : {}),
  };
}
