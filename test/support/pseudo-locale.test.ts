import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/catalog/index.js';
import { labelProblems } from './drivers/pseudo-locale.js';

describe('the pseudo-locale label check', () => {
  const pseudo = translator({ locale: 'en-XA', timeZone: 'UTC' });
  const button = (text: string) => ({
    blocks: [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text } }] }],
  });

  it('passes whole labels and labels cut with an ellipsis', () => {
    const label = pseudo('consent.startExperiment');
    expect(labelProblems(button(label), 'slack')).toEqual([]);
    expect(labelProblems(button(`${label.slice(0, 10)}…`), 'slack')).toEqual([]);
    expect(
      labelProblems({ title: { type: 'plain_text', text: pseudo('survey.form.title') } }, 'slack'),
    ).toEqual([]);
  });

  it('reports a label cut without an ellipsis and one over the platform’s limit', () => {
    const label = pseudo('consent.startExperiment');
    expect(labelProblems(button(label.slice(0, 10)), 'slack')).toEqual([
      `button "${label.slice(0, 10)}" is cut without an ellipsis`,
    ]);
    const long = pseudo('charter.question.goals');
    expect(labelProblems({ title: { type: 'plain_text', text: long } }, 'slack')[0]).toMatch(/over 24$/);
    const card = { type: 'AdaptiveCard', actions: [{ type: 'Action.Execute', title: long }] };
    expect(labelProblems(card, 'teams')[0]).toMatch(/^Action.Execute ".*" is \d+ characters, over 60$/);
    const choices = { type: 'Input.ChoiceSet', choices: [{ title: label.slice(0, 8), value: 'x' }] };
    expect(labelProblems(choices, 'teams')).toEqual([
      `choice "${label.slice(0, 8)}" is cut without an ellipsis`,
    ]);
  });
});
