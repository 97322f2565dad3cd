// The staff directory's list logic: search and filters, and the roster columns.
import type { Person } from './bindings/Person';
import type { PersonDraft } from './bindings/PersonDraft';
import type { RosterMapping } from './bindings/RosterMapping';

/** Whom the directory lists: everyone, the clinic's staff, or external people (vendor staff). */
export type PeopleKind = 'everyone' | 'staff' | 'external';

export interface PeopleFilter {
  query: string;
  roleId: string | null;
  includeInactive: boolean;
  kind?: PeopleKind;
}

/** People matching a free-text query (name, email, department, role) and the filters. */
export function filterPeople(people: readonly Person[], filter: PeopleFilter): Person[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return people.filter((person) => {
    if (!filter.includeInactive && !person.active) return false;
    if (filter.roleId && person.role_id !== filter.roleId) return false;
    if (filter.kind === 'staff' && person.external) return false;
    if (filter.kind === 'external' && !person.external) return false;
    const haystack = [person.name, person.email, person.department, person.role_name ?? '']
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export function personDraftOf(person: Person): PersonDraft {
  return {
    name: person.name,
    role_id: person.role_id,
    department: person.department,
    email: person.email,
    super_user: person.super_user,
    active: person.active,
    external: person.external,
  };
}

export function emptyPersonDraft(): PersonDraft {
  return { name: '', role_id: null, department: '', email: '', super_user: false, active: true, external: false };
}

/** The roster fields a person can map a column to, in the order the dialog shows them. */
export const ROSTER_FIELDS: ReadonlyArray<{ key: keyof RosterMapping; label: string }> = [
  { key: 'name', label: 'Full name' },
  { key: 'first_name', label: 'First name' },
  { key: 'last_name', label: 'Last name' },
  { key: 'role', label: 'Role' },
  { key: 'department', label: 'Department / site' },
  { key: 'email', label: 'Email' },
  { key: 'super_user', label: 'Super-user (yes/no)' },
  { key: 'active', label: 'Active / status' },
];

/** The directory's order: by family name then given name, as the backend's sort key
 *  says (titles and credentials ignored), then by id. */
export function byFamilyName(a: Person, b: Person): number {
  if (a.sort_key !== b.sort_key) return a.sort_key < b.sort_key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Replaces the person in the list (or adds them), keeping the directory's order. */
export function withPerson(list: readonly Person[], person: Person): Person[] {
  const others = list.filter((p) => p.id !== person.id);
  if (person.deleted_at !== null) return others;
  return [...others, person].sort(byFamilyName);
}

/** How many names an owner field offers at once: enough to choose from, few enough that
 *  a directory of ten thousand people never puts ten thousand options on the page. */
export const NAME_SUGGESTIONS = 50;

/** The names to offer for what has been typed so far: those with a word beginning with
 *  each typed word (so "kim", "gra" and "grace k" all offer Grace Kim), in the
 *  directory's order, each once (two people may share a name), at most `limit` of them.
 *  Nothing typed offers the first names. */
export function suggestNames(names: readonly string[], typed: string, limit = NAME_SUGGESTIONS): string[] {
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
  const offered = new Set<string>();
  for (const name of names) {
    if (offered.size >= limit) break;
    const starts = name.toLowerCase().split(/[\s\-'.,()]+/);
    if (words.every((word) => starts.some((start) => start.startsWith(word)))) offered.add(name);
  }
  return [...offered];
}
