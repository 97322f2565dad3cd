import { describe, expect, it, vi } from 'vitest';
import type { MatrixRow } from './bindings/MatrixRow';
import type { TrainingMatrix } from './bindings/TrainingMatrix';
import type { TrainingModule } from './bindings/TrainingModule';
import { MATRIX_PAGE, MatrixReader, PEOPLE_AT_ONCE } from './matrix-reader.svelte';

const module = (id: string): TrainingModule => ({
  id,
  title: id,
  format: 'classroom',
  duration_minutes: 30,
  description: '',
  row_version: 1,
});

/** A directory the core pages as it would: `people` in order, `modules` as columns;
 *  both can be changed between reads. */
function core(count: number) {
  const directory = {
    people: Array.from({ length: count }, (_, i) => `p${String(i).padStart(4, '0')}`),
    modules: [module('m1'), module('m2')],
  };
  const row = (person_id: string): MatrixRow => ({ person_id, name: person_id, role_name: null, department: '', cells: [null, null] });
  const read = vi.fn(async (offset: number, limit: number): Promise<TrainingMatrix> => ({
    modules: directory.modules,
    rows: directory.people.slice(offset, offset + limit).map(row),
    people: directory.people.length,
    required: 0,
    done: 0,
    overdue: 0,
    progress: { people: 0, trained: 0, overdue: 0, percent: 0, summary: '' },
  }));
  return { directory, read };
}

const ids = (reader: MatrixReader) => reader.matrix?.rows.map((r) => r.person_id) ?? [];

describe('MatrixReader', () => {
  it('reads the first people of a page, more as they are reached, never past the page', async () => {
    const { directory, read } = core(250);
    const reader = new MatrixReader(read);
    await reader.start(0);
    expect(read).toHaveBeenLastCalledWith(0, PEOPLE_AT_ONCE);
    expect(reader.unread).toBe(MATRIX_PAGE - PEOPLE_AT_ONCE);

    await reader.reach(45);
    expect(ids(reader)).toEqual(directory.people.slice(0, 60));
    expect(read).toHaveBeenLastCalledWith(30, PEOPLE_AT_ONCE);

    await reader.reach(1000);
    expect(ids(reader)).toEqual(directory.people.slice(0, MATRIX_PAGE));
    expect(reader.unread).toBe(0);
    expect(read).toHaveBeenLastCalledWith(90, 10);
  });

  it('reads the last page only as far as it goes', async () => {
    const { directory, read } = core(250);
    const reader = new MatrixReader(read);
    await reader.start(200);
    expect(reader.pageLength).toBe(50);
    await reader.reach(100);
    expect(ids(reader)).toEqual(directory.people.slice(200));
    expect(reader.unread).toBe(0);
  });

  it('reads again as far as was read when asked to keep the rows', async () => {
    const { read } = core(250);
    const reader = new MatrixReader(read);
    await reader.start(0);
    await reader.reach(70);
    await reader.start(0, reader.matrix?.rows.length);
    expect(read).toHaveBeenLastCalledWith(0, 90);
    expect(reader.matrix?.rows).toHaveLength(90);
  });

  it('asks once while a reading is under way', async () => {
    const { read } = core(250);
    const reader = new MatrixReader(read);
    await reader.start(0);
    await Promise.all([reader.reach(40), reader.reach(40), reader.reach(40)]);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('drops an older reading that answers after a newer one', async () => {
    const { read } = core(250);
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const reader = new MatrixReader(async (offset, limit) => {
      if (offset === 0) await slow;
      return read(offset, limit);
    });
    const older = reader.start(0);
    expect(await reader.start(100)).toBe(true);
    release();
    expect(await older).toBe(false);
    expect(ids(reader)[0]).toBe('p0100');
  });

  it('reads the stretch again whole when someone joins in between, so no one is drawn twice', async () => {
    const { directory, read } = core(250);
    const reader = new MatrixReader(read);
    await reader.start(0);
    directory.people.unshift('p-new');
    await reader.reach(40);
    expect(ids(reader)).toEqual(directory.people.slice(0, 60));
    expect(new Set(ids(reader)).size).toBe(60);
  });

  it('reads the stretch again whole when the modules change in between', async () => {
    const { directory, read } = core(250);
    const reader = new MatrixReader(read);
    await reader.start(0);
    directory.modules = [module('m1'), module('m3')];
    await reader.reach(40);
    expect(read).toHaveBeenLastCalledWith(0, 60);
    expect(reader.matrix?.modules.map((m) => m.id)).toEqual(['m1', 'm3']);
  });

  it('stops when nothing more comes (people left meanwhile)', async () => {
    const { directory, read } = core(250);
    const reader = new MatrixReader(read);
    await reader.start(0);
    directory.people.splice(30);
    await reader.reach(60);
    expect(ids(reader)).toHaveLength(30);
  });
});
