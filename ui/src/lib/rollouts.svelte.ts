// The live rollouts, shared by the sidebar and Home. Updated from what each command
// returns, so the list never has to guess what the backend stored.
import { api, toCommandError, type CommandError } from './api';
import type { Rollout } from './bindings/Rollout';
import { withRollout } from './rollout-order';

class RolloutList {
  // Replaced whole on every change (`apply`), never changed in place: five hundred
  // rollouts are not worth watching field by field.
  items = $state.raw<Rollout[]>([]);
  loaded = $state(false);
  error = $state<CommandError | null>(null);

  async load(): Promise<void> {
    try {
      this.items = await api.listRollouts();
      this.error = null;
    } catch (error) {
      this.error = toCommandError(error);
    } finally {
      this.loaded = true;
    }
  }

  /** Records what the backend returned for a create, update, trash or restore. */
  apply(rollout: Rollout): void {
    this.items = withRollout(this.items, rollout);
  }

  find(id: string): Rollout | undefined {
    return this.items.find((r) => r.id === id);
  }
}

export const rollouts = new RolloutList();
