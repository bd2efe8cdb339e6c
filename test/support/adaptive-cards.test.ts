import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems, validateAdaptiveCard } from './adaptive-cards.js';

const card = (body: unknown[], actions: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  actions,
  ...extra,
});

describe('validateAdaptiveCard (Teams, Adaptive Cards 1.5)', () => {
  it('accepts a valid 1.5 card with inputs, a table and both submit styles', () => {
    const valid = card(
      [
        {
          type: 'TextBlock',
          text: 'How did your experiment go this week?',
          wrap: true,
          weight: 'Bolder',
          size: 'Medium',
        },
        {
          type: 'Input.ChoiceSet',
          id: 'rating',
          label: 'Rating',
          isRequired: true,
          errorMessage: 'Pick one',
          style: 'expanded',
          choices: [
            { title: 'Not at all', value: '1' },
            { title: 'Somewhat', value: '2' },
            { title: 'A lot', value: '3' },
          ],
        },
        { type: 'Input.Text', id: 'note', label: 'Anything to add?', isMultiline: true, maxLength: 500 },
        {
          type: 'Table',
          columns: [{ width: 1 }, { width: 2 }],
          rows: [
            {
              type: 'TableRow',
              cells: [
                { type: 'TableCell', items: [{ type: 'TextBlock', text: 'Week', wrap: true }] },
                { type: 'TableCell', items: [{ type: 'TextBlock', text: '3', wrap: true }] },
              ],
            },
          ],
        },
      ],
      [
        { type: 'Action.Submit', title: 'Send', data: { action: 'checkpoint', checkpointId: 'cp-1' } },
        { type: 'Action.Execute', title: 'Snooze', verb: 'snooze', data: { days: 7 } },
      ],
      { msteams: { width: 'Full' } },
    );
    expect(validateAdaptiveCard(valid)).toEqual([]);
  });

  it('reports a 1.6-only element and 1.6-only properties', () => {
    const problems = validateAdaptiveCard(
      card(
        [
          { type: 'Carousel', pages: [{ type: 'CarouselPage', items: [{ type: 'TextBlock', text: 'x' }] }] },
          { type: 'Input.Text', id: 'name', label: 'Name', labelPosition: 'inline' },
        ],
        [{ type: 'Action.Submit', title: 'Go', role: 'button' }],
      ),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/Unknown element type "Carousel".*needs Adaptive Cards 1\.6/);
    expect(problems[1]).toMatch(/^Input\.Text#name: Property "labelPosition" is supported in version 1\.6/);
    expect(problems[2]).toMatch(
      /^Action\.Submit: Property "role" is supported in version 1\.6.*\[UnsupportedProperty\]$/,
    );
  });

  it('reports a card version above 1.5 and a missing version', () => {
    expect(validateAdaptiveCard({ ...card([{ type: 'TextBlock', text: 'x' }]), version: '1.6' })).toEqual([
      'AdaptiveCard: Card version 1.6 is above 1.5, the highest Teams renders. [Version]',
    ]);
    const { version: _omitted, ...noVersion } = card([{ type: 'TextBlock', text: 'x' }]);
    expect(validateAdaptiveCard(noVersion)[0]).toMatch(/no "version"/);
  });

  it('reports unknown elements and actions', () => {
    const problems = adaptiveCardProblems(
      card(
        [
          { type: 'TextBlock', text: 'ok' },
          { type: 'FancyGauge', value: 3 },
        ],
        [{ type: 'Action.Teleport', title: 'Go' }],
      ),
    );
    expect(problems.map((p) => p.event)).toEqual(['UnknownElementType', 'UnknownActionType']);
    expect(problems[0]?.message).toContain('"FancyGauge"');
    expect(problems[1]?.message).toContain('"Action.Teleport"');
  });

  it('reports duplicate input ids', () => {
    const problems = validateAdaptiveCard(
      card([
        { type: 'Input.Text', id: 'answer', label: 'First' },
        { type: 'Container', items: [{ type: 'Input.Number', id: 'answer', label: 'Second' }] },
      ]),
    );
    expect(problems).toEqual(['Input.Number#answer: Duplicate Id "answer". [DuplicateId]']);
  });

  it('reports invalid values, empty choice sets, unlabeled required inputs and a wrong card type', () => {
    expect(validateAdaptiveCard(card([{ type: 'TextBlock', text: 'x', size: 'gigantic' }]))[0]).toMatch(
      /Invalid value "gigantic" for property "size"/,
    );
    const events = adaptiveCardProblems(
      card([
        { type: 'Input.ChoiceSet', id: 'c', label: 'C', choices: [] },
        { type: 'Input.Text', id: 't', isRequired: true },
      ]),
    ).map((p) => p.event);
    expect(events).toEqual([
      'CollectionCantBeEmpty',
      'RequiredInputsShouldHaveLabel',
      'RequiredInputsShouldHaveErrorMessage',
    ]);
    expect(adaptiveCardProblems({ type: 'Card' }).map((p) => p.event)).toContain('MissingCardType');
  });
});
