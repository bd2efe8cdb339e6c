import type { Clock } from '../core/clock.js';
import type { Platform } from '../core/participant.js';
import type { Store } from '../store/types.js';
import type { ChannelState } from './ports.js';

/** One platform's view of the store's channel state. */
export function channelStateFor(store: Store, platform: Platform, clock: Clock): ChannelState {
  return {
    get: (key) => store.channelState.get(platform, key),
    set: (key, value, owner) => store.channelState.set(platform, key, value, owner ?? null, clock.now()),
    delete: (key) => store.channelState.delete(platform, key),
    setMany: (entries) =>
      store.channelState.setMany(
        platform,
        entries.map(({ key, value, owner }) => ({ key, value, owner: owner ?? null })),
        clock.now(),
      ),
  };
}
