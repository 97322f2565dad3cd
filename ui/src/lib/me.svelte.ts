// Who "me" is in the open database: the person whose week Home and *My week* show.
// Kept in the settings file per database (so each laptop of a team remembers its own).
import { api } from './api';

class Me {
  personId = $state<string | null>(null);
  loaded = $state(false);
  private loading: Promise<void> | null = null;

  load(): Promise<void> {
    this.loading ??= api.myPerson().then(
      (id) => {
        this.personId = id;
        this.loaded = true;
      },
      () => {
        this.loaded = true;
        this.loading = null;
      },
    );
    return this.loading;
  }

  /** Remembers `personId` as me (`null` forgets). */
  async choose(personId: string | null): Promise<void> {
    await api.chooseMyPerson(personId);
    this.personId = personId;
    this.loaded = true;
  }
}

export const me = new Me();
