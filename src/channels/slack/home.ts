import type { StatusView } from '../../app/service.js';
import { experimentControls, statusLines } from '../../app/status.js';
import { renderBlocks, type SlackBlock } from './render.js';

/** The App Home tab: the experiment, the next message, checkpoint answers with the KPI trend, and controls. */
export function renderHome(view: StatusView | null, notice?: string): SlackBlock {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Your coaching experiment', emoji: true } },
  ];
  if (notice) blocks.push(...renderBlocks([{ type: 'context', text: notice }]));
  if (!view) {
    blocks.push(
      ...renderBlocks([
        {
          type: 'text',
          text: "You're not enrolled in a coaching program yet. Send me a message to get started.",
        },
      ]),
    );
    return { type: 'home', blocks };
  }
  blocks.push(...renderBlocks([{ type: 'text', text: statusLines(view).join('\n') }]));
  const actions = experimentControls(view);
  if (actions.length > 0) blocks.push({ type: 'divider' }, ...renderBlocks([{ type: 'actions', actions }]));
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
