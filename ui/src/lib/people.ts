// The staff directory's drafts, roster columns, order and name suggestions (its search
// and filters are the backend's: `people_page`).
import type { Person } from './bindings/Person';
import type { PersonDraft } from './bindings/PersonDraft';
import type { RosterMapping } from './bindings/RosterMapping';

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
