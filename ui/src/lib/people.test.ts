import { describe, expect, it } from 'vitest';
import type { Person } from './bindings/Person';
import { filterPeople, suggestNames, withPerson } from './people';

// Keys as the backend makes them: family name, then given name.
function key(name: string): string {
  const words = name.replace(/^Dr\.? /, '').split(' ');
  return `${words.at(-1)!.toLowerCase()}\u0001${words.slice(0, -1).join(' ').toLowerCase()}`;
}

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return {
    id, name, sort_key: key(name), role_id: null, role_name: null, department: '', email: '', super_user: false, active: true, external: false,
    created_at: '2026-11-25T10:00:00.000Z', updated_at: '2026-11-25T10:00:00.000Z', deleted_at: null,
    row_version: 1, ...extra,
  };
}

const staff = [
  person('1', 'Grace Kim', { role_id: 'rn', role_name: 'Registered nurse (RN)', department: 'Riverside' }),
  person('2', 'Luis Ortega', { role_id: 'ma', role_name: 'Medical assistant (MA)', email: 'luis@riverside.org' }),
  person('3', 'Brian Foster', { role_id: 'ma', role_name: 'Medical assistant (MA)', active: false }),
];

describe('filterPeople', () => {
  it('hides inactive people unless asked', () => {
    expect(filterPeople(staff, { query: '', roleId: null, includeInactive: false }).map((p) => p.id)).toEqual(['1', '2']);
    expect(filterPeople(staff, { query: '', roleId: null, includeInactive: true })).toHaveLength(3);
  });

  it('matches every word against name, email, department and role', () => {
    const find = (query: string) => filterPeople(staff, { query, roleId: null, includeInactive: true }).map((p) => p.id);
    expect(find('riverside')).toEqual(['1', '2']);
    expect(find('nurse kim')).toEqual(['1']);
    expect(find('  LUIS ')).toEqual(['2']);
    expect(find('nobody')).toEqual([]);
  });

  it('filters by role', () => {
    expect(filterPeople(staff, { query: '', roleId: 'ma', includeInactive: true }).map((p) => p.id)).toEqual(['2', '3']);
  });
});

describe('withPerson', () => {
  it('keeps the list sorted by family name and drops trashed people', () => {
    const added = withPerson(staff, person('4', 'Dr. Ana Adams'));
    expect(added.map((p) => p.name), 'a doctor files under the family name, not under D').toEqual([
      'Dr. Ana Adams', 'Brian Foster', 'Grace Kim', 'Luis Ortega',
    ]);
    expect(withPerson(added, { ...added[0]!, deleted_at: '2026-11-25T11:00:00.000Z' })).toHaveLength(3);
  });
});

describe('suggestNames', () => {
  const names = ['Grace Kim', 'Luis Ortega', "Mary O'Neil", 'Kim-Ly Tran', 'Dr. Ana Kimura'];
  it('offers the names with a word beginning with each typed word', () => {
    expect(suggestNames(names, 'kim')).toEqual(['Grace Kim', 'Kim-Ly Tran', 'Dr. Ana Kimura']);
    expect(suggestNames(names, 'GRACE k')).toEqual(['Grace Kim']);
    expect(suggestNames(names, 'neil')).toEqual(["Mary O'Neil"]);
    expect(suggestNames(names, 'ace')).toEqual([]);
  });
  it('offers a name two people share once', () => {
    expect(suggestNames(['Sam Lee', 'Sam Lee', 'Sam Long'], 'sam')).toEqual(['Sam Lee', 'Sam Long']);
  });
  it('offers the first names when nothing is typed, and never more than the limit', () => {
    expect(suggestNames(names, '  ', 2)).toEqual(['Grace Kim', 'Luis Ortega']);
    const many = Array.from({ length: 10_000 }, (_, i) => `Person ${i}`);
    expect(suggestNames(many, 'person')).toHaveLength(50);
  });
});
