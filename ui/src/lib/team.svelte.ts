// Team mode as the window sees it: the chip's words and Settings → Team's figures
// (written by the app's Rust side; shown here as they come), and a revision the open
// screen is rebuilt on when others' changes arrive — deferred while a person types.
import { api } from './api';
import { hasPendingSaves } from './autosave';
import type { TeamView } from './bindings/TeamView';
import { rollouts } from './rollouts.svelte';
import { typingIn } from './team-refresh';

/** How often the chip's "Synced 12 s ago" is read again while nothing else happens. */
const TICK_MS = 5000;

class TeamState {
  view = $state<TeamView | null>(null);
  /** Bumped when others' changes were written into the file: the open screen reloads. */
  revision = $state(0);
  private waiting = false;
  private started = false;

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.load();
    await api.onTeamStatus(() => void this.load()).catch(() => {});
    await api.onTeamChanged(() => this.refresh()).catch(() => {});
    setInterval(() => {
      if (this.view?.joined) void this.load();
    }, TICK_MS);
    document.addEventListener('focusout', () => {
      // Focus moves on after focusout: look once it has landed.
      if (this.waiting) setTimeout(() => this.refresh(), 0);
    });
  }

  async load(): Promise<void> {
    this.view = await api.teamStatus().catch(() => this.view);
  }

  /** Reloads the open screen's data now, or once no field is being typed in. */
  refresh(): void {
    const active = document.activeElement as HTMLElement | null;
    const focused =
      active && active !== document.body
        ? { tagName: active.tagName, isContentEditable: active.isContentEditable, type: (active as HTMLInputElement).type }
        : null;
    if (typingIn(focused, hasPendingSaves())) {
      this.waiting = true;
      return;
    }
    this.waiting = false;
    this.revision += 1;
    void rollouts.load();
    void this.load();
  }
}

export const team = new TeamState();
