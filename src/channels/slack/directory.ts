import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { DirectoryLookup } from '../../app/roster.js';

const lookupResult = z.object({
  user: z.object({ id: z.string(), team_id: z.string().optional(), deleted: z.boolean().optional() }),
});

/** Resolves roster emails to Slack users with `users.lookupByEmail` (scope users:read.email). */
export function slackDirectory(client: WebClient, fallbackTeamId: string): DirectoryLookup {
  return {
    platform: 'slack',
    lookupByEmail: async (email) => {
      try {
        const found = lookupResult.parse(await client.users.lookupByEmail({ email }));
        if (found.user.deleted) return null;
        return {
          platform: 'slack',
          workspaceId: found.user.team_id ?? fallbackTeamId,
          userId: found.user.id,
        };
      } catch (error) {
        if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
        throw error;
      }
    },
  };
}
