// The staff directory's names, for the owner fields across a rollout's workspace.
// Loaded once and kept current when an owner field adds someone.
import { api } from './api';
import type { Person } from './bindings/Person';
import { byFamilyName, emptyPersonDraft } from './people';

class Directory {
  // Replaced whole, never changed in place: ten thousand people are not worth watching
  // one by one.
  people = $state.raw<Person[]>([]);
  private loading: Promise<void> | null = null;

  /** Active people's names, by family name: worked out once each time the list changes. */
  readonly names = $derived(this.people.filter((p) => p.active).sort(byFamilyName).map((p) => p.name));

  load(): Promise<void> {
    this.loading ??= api.listPeople(false).then(
      (people) => {
        this.people = people;
      },
      () => {
        this.loading = null;
      },
    );
    return this.loading;
  }

  /** Adds someone typed as an owner who is not in the directory yet. */
  async add(name: string): Promise<Person> {
    const person = await api.createPerson({ ...emptyPersonDraft(), name: name.trim() });
    this.people = [...this.people, person];
    return person;
  }
}

export const directory = new Directory();
