// The plan as a grid, the way Smartsheet and MS Project users work a plan: what each
// column shows and copies, how a typed or pasted cell becomes a change to the task, the
// columns a person chose for a rollout, and tab-separated text to and from a
// spreadsheet. Pure functions of their arguments, so every rule is tested without a
// window; `PlanGrid.svelte` draws and listens.
import type { GridEdit } from './bindings/GridEdit';
import type { PlanPhase } from './bindings/PlanPhase';
import type { Task } from './bindings/Task';
import type { TaskDraft } from './bindings/TaskDraft';
import type { TaskLink } from './bindings/TaskLink';
import type { TaskStatus } from './bindings/TaskStatus';
import { addDays, isoOf, parseTypedDate, type DayOrder } from './dates';
import { formatDay } from './format';
import { TASK_STATUS_LABELS } from './generated/labels';
import { emptyTaskDraft, taskDraftOf } from './plan';

export type ColumnKey = 'number' | 'title' | 'phase' | 'owner' | 'start' | 'due' | 'duration' | 'status' | 'percent' | 'after' | 'variance';

export interface Column {
  key: ColumnKey;
  label: string;
  /** Width in pixels until the person drags it. */
  width: number;
  /** Typed into in place; the others open the task (or cannot change). */
  editable: boolean;
  /** Kept on screen however the columns are chosen. */
  fixed?: boolean;
}

export const COLUMNS: readonly Column[] = [
  { key: 'number', label: 'ID', width: 52, editable: false, fixed: true },
  { key: 'title', label: 'Task', width: 320, editable: true, fixed: true },
  { key: 'phase', label: 'Phase', width: 130, editable: true },
  { key: 'owner', label: 'Owner', width: 150, editable: true },
  { key: 'start', label: 'Start', width: 118, editable: true },
  { key: 'due', label: 'Due', width: 118, editable: true },
  { key: 'duration', label: 'Duration', width: 90, editable: true },
  { key: 'status', label: 'Status', width: 104, editable: true },
  { key: 'percent', label: '% done', width: 76, editable: true },
  { key: 'after', label: 'Waits for', width: 130, editable: true },
  { key: 'variance', label: 'vs baseline', width: 100, editable: false },
];

const COLUMN_OF = new Map(COLUMNS.map((c) => [c.key, c]));

export function columnOf(key: ColumnKey): Column {
  return COLUMN_OF.get(key)!;
}

/** The columns a person arranged for one rollout: their order, which are hidden, widths. */
export interface GridLayout {
  order: ColumnKey[];
  hidden: ColumnKey[];
  widths: Partial<Record<ColumnKey, number>>;
}

export const MIN_WIDTH = 44;
export const MAX_WIDTH = 800;

export function defaultLayout(): GridLayout {
  return { order: COLUMNS.map((c) => c.key), hidden: [], widths: {} };
}

/** A stored layout, tolerant of what an older or damaged copy kept: unknown columns are
 * dropped, missing ones come back at their usual place, widths are kept in bounds. */
export function readLayout(stored: string | null): GridLayout {
  let raw: Partial<GridLayout> = {};
  try {
    raw = stored ? (JSON.parse(stored) as Partial<GridLayout>) : {};
  } catch {
    raw = {};
  }
  const known = (k: unknown): k is ColumnKey => typeof k === 'string' && COLUMN_OF.has(k as ColumnKey);
  const order = Array.isArray(raw.order) ? [...new Set(raw.order.filter(known))] : [];
  for (const column of COLUMNS) {
    if (!order.includes(column.key)) order.splice(Math.min(COLUMNS.indexOf(column), order.length), 0, column.key);
  }
  const hidden = Array.isArray(raw.hidden) ? raw.hidden.filter((k) => known(k) && !COLUMN_OF.get(k)!.fixed) : [];
  const widths: Partial<Record<ColumnKey, number>> = {};
  for (const [key, width] of Object.entries(raw.widths ?? {})) {
    if (known(key) && typeof width === 'number' && Number.isFinite(width)) widths[key] = clampWidth(width);
  }
  return { order, hidden: [...new Set(hidden)], widths };
}

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

/** The columns drawn: those the person did not hide, and the baseline's variance only
 * when the rollout compares with a baseline. */
export function visibleColumns(layout: GridLayout, hasBaseline = false): Column[] {
  return layout.order.filter((k) => !layout.hidden.includes(k) && (k !== 'variance' || hasBaseline)).map((k) => {
    const column = columnOf(k);
    return { ...column, width: layout.widths[k] ?? column.width };
  });
}

/** The layout with `key` moved `by` places (negative: left), within the row. */
export function moveColumn(layout: GridLayout, key: ColumnKey, by: number): GridLayout {
  const order = [...layout.order];
  const from = order.indexOf(key);
  const to = Math.max(0, Math.min(order.length - 1, from + by));
  order.splice(from, 1);
  order.splice(to, 0, key);
  return { ...layout, order };
}

export function toggleColumn(layout: GridLayout, key: ColumnKey): GridLayout {
  if (columnOf(key).fixed) return layout;
  const hidden = layout.hidden.includes(key) ? layout.hidden.filter((k) => k !== key) : [...layout.hidden, key];
  return { ...layout, hidden };
}

const DAY_MS = 86_400_000;

function dayOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Calendar days from start to due, both counted; a milestone takes none. */
export function durationDays(task: Pick<Task, 'kind' | 'start_date' | 'due_date'>): number | null {
  if (task.kind === 'milestone') return 0;
  if (!task.start_date || !task.due_date) return null;
  return Math.round((dayOf(task.due_date).getTime() - dayOf(task.start_date).getTime()) / DAY_MS) + 1;
}

export function durationText(days: number | null): string {
  if (days === null) return '';
  return days === 1 ? '1 day' : `${days} days`;
}

/** What the task waits for, by number, as MS Project's predecessors read: "3, 7SS+2d". */
export function waitsForText(task: Task, numberOf: ReadonlyMap<string, number>): string {
  return task.depends_on
    .flatMap((link) => {
      const number = numberOf.get(link.depends_on_id);
      if (number === undefined) return [];
      const type = link.link_type === 'FS' && link.lag_days === 0 ? '' : link.link_type;
      const lag = link.lag_days === 0 ? '' : `${link.lag_days > 0 ? '+' : ''}${link.lag_days}d`;
      return [`${number}${type}${lag}`];
    })
    .join(', ');
}

/** What the grid knows beside the tasks: their numbers, and each task's variance from the
 * chosen baseline in days (computed by the core; absent without a baseline). */
export interface RowFacts {
  numberOf: ReadonlyMap<string, number>;
  varianceOf?: ReadonlyMap<string, number | null>;
}

/** A task's due against the baseline's: "+7 days", "−3 days", "on time"; '' when there
 * is no baseline date to compare with. */
export function varianceText(days: number | null | undefined): string {
  if (days === null || days === undefined) return '';
  if (days === 0) return 'on time';
  const size = Math.abs(days) === 1 ? '1 day' : `${Math.abs(days)} days`;
  return days > 0 ? `+${size}` : `−${size}`;
}

/** A cell as text: what is copied, and (for most columns) what is shown. */
export function cellText(task: Task, key: ColumnKey, facts: RowFacts): string {
  const { numberOf } = facts;
  switch (key) {
    case 'number':
      return String(task.number);
    case 'title':
      return task.title;
    case 'phase':
      return task.phase_name;
    case 'owner':
      return task.owner_name;
    case 'start':
      return task.kind === 'milestone' ? '' : (task.start_date ?? '');
    case 'due':
      return task.due_date ?? '';
    case 'duration':
      return durationText(durationDays(task));
    case 'status':
      return TASK_STATUS_LABELS[task.status];
    case 'percent':
      return `${task.percent_complete}%`;
    case 'after':
      return waitsForText(task, numberOf);
    case 'variance':
      return varianceText(facts.varianceOf?.get(task.id));
  }
}

/** A cell as the grid shows it (dates spelled as people read them). */
export function cellDisplay(task: Task, key: ColumnKey, facts: RowFacts): string {
  if (key === 'start' || key === 'due') {
    const iso = cellText(task, key, facts);
    return iso ? formatDay(iso) : '';
  }
  return cellText(task, key, facts);
}

/** The text an editor opens with: dates as typed, not spelled out. */
export function editText(task: Task, key: ColumnKey, facts: RowFacts): string {
  if (key === 'duration') return String(durationDays(task) ?? '');
  if (key === 'percent') return String(task.percent_complete);
  return cellText(task, key, facts);
}

export type CellWrite = { change: Partial<TaskDraft> } | { problem: string };

export interface CellContext {
  phases: readonly PlanPhase[];
  /** Today, a UTC calendar day, for dates typed as "next fri" or "+2w". */
  today: Date;
  order: DayOrder;
}

function statusOf(text: string): TaskStatus | null {
  const wanted = text.trim().toLowerCase();
  for (const [code, label] of Object.entries(TASK_STATUS_LABELS) as [TaskStatus, string][]) {
    if (wanted === code || wanted === label.toLowerCase()) return code;
  }
  const aliases: Record<string, TaskStatus> = {
    'not started': 'todo', 'to-do': 'todo', 'in progress': 'doing', started: 'doing', complete: 'done',
    completed: 'done', finished: 'done', waiting: 'blocked', 'on hold': 'blocked',
  };
  return aliases[wanted] ?? null;
}

/** What typing or pasting `text` into `key` of `draft` changes, or why it cannot. */
export function parseCell(key: ColumnKey, text: string, draft: TaskDraft, context: CellContext): CellWrite {
  const value = text.trim();
  switch (key) {
    case 'title':
      return value ? { change: { title: value } } : { problem: 'A task needs a title; press Escape to keep the old one.' };
    case 'phase': {
      if (!value) return { change: { phase_id: null } };
      const phase = context.phases.find((p) => p.name.toLowerCase() === value.toLowerCase());
      return phase
        ? { change: { phase_id: phase.id } }
        : { problem: `This plan has no phase called “${value}”. Add it with Add phase first.` };
    }
    case 'owner':
      return { change: { owner: value } };
    case 'start':
    case 'due': {
      const typed = parseTypedDate(value, context.today, context.order);
      if (typed.kind === 'invalid') return { problem: typed.message };
      const iso = typed.kind === 'date' ? typed.iso : null;
      if (draft.kind === 'milestone') return { change: { start_date: iso, due_date: iso } };
      return { change: key === 'start' ? { start_date: iso } : { due_date: iso } };
    }
    case 'duration': {
      if (!value) return { change: {} };
      const days = Number(value.replace(/\s*(d|days?)$/i, ''));
      if (!Number.isInteger(days) || days < 1 || days > 3650) {
        return { problem: `Give the duration as a whole number of days, such as 5 (not “${value}”).` };
      }
      if (draft.kind === 'milestone') return { problem: 'A milestone is a single day; change its date instead.' };
      if (draft.start_date) return { change: { due_date: isoOf(addDays(dayOf(draft.start_date), days - 1)) } };
      if (draft.due_date) return { change: { start_date: isoOf(addDays(dayOf(draft.due_date), 1 - days)) } };
      return { problem: 'Give the task a start or a due date first; the duration counts from it.' };
    }
    case 'status': {
      const status = statusOf(value || 'todo');
      return status ? { change: { status } } : { problem: `Status is one of ${Object.values(TASK_STATUS_LABELS).join(', ')}.` };
    }
    case 'percent': {
      const percent = Number((value || '0').replace(/\s*%$/, ''));
      return Number.isInteger(percent) && percent >= 0 && percent <= 100
        ? { change: { percent_complete: percent } }
        : { problem: `Give how far along it is as a whole percentage from 0 to 100 (not “${value}”).` };
    }
    case 'number':
    case 'after':
    case 'variance':
      return { change: {} };
  }
}

const LINK_ITEM = /^(\d+)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+)\s*(?:d|days?)?)?$/i;

/** What "3, 7SS+2d" in the *Waits for* cell means: the tasks by number, each with its
 * link type (finish-to-start unless given) and lag in days; or why it cannot be read. */
export function parseWaitsFor(text: string, idOfNumber: ReadonlyMap<number, string>, selfId: string): { links: TaskLink[] } | { problem: string } {
  const links: TaskLink[] = [];
  for (const item of text.split(/[,;]/).map((part) => part.trim()).filter(Boolean)) {
    const match = LINK_ITEM.exec(item);
    if (!match) return { problem: `Rollplan can't read “${item}”: list task numbers such as 3, 7SS or 12FS+2d.` };
    const id = idOfNumber.get(Number(match[1]));
    if (!id) return { problem: `This plan has no task ${match[1]}.` };
    if (id === selfId) return { problem: 'A task cannot wait for itself.' };
    const lag = match[4] ? Number(match[4]) * (match[3] === '-' ? -1 : 1) : 0;
    const link_type = (match[2]?.toUpperCase() ?? 'FS') as TaskLink['link_type'];
    if (!links.some((l) => l.depends_on_id === id)) links.push({ depends_on_id: id, link_type, lag_days: lag });
  }
  return { links };
}

/** Rows of cells as a spreadsheet puts them on the clipboard: tabs between cells, a
 * line per row, a cell with a tab, line break or quote wrapped in quotes. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => row.map(cell).join('\t')).join('\n');
}

/** The cells of tab-separated text from Excel, Numbers, Google Sheets or another grid. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const source = text.replace(/\r\n?/g, '\n');
  while (i < source.length) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A rectangle of cells: rows and columns by index into what the grid shows. */
export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function rangeOf(a: { row: number; col: number }, b: { row: number; col: number }): CellRange {
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.col, b.col),
    right: Math.max(a.col, b.col),
  };
}

/** Where a paste lands: the rows and columns shown, the selected range and active cell. */
export interface PasteTarget {
  rows: readonly Task[];
  columns: readonly Column[];
  range: CellRange;
  active: { row: number; col: number };
}

/** The edits pasting `cells` makes: from the active cell right and down, rows past the
 * end of the plan becoming new tasks (which need a title); one cell pasted on a
 * selection fills it. Or why it cannot, naming the row and column. */
export function pastedEdits(cells: readonly string[][], target: PasteTarget, context: CellContext): { edits: GridEdit[]; what: string } | { problem: string } {
  const { rows, columns, range, active } = target;
  const single = cells.length === 1 && cells[0]!.length === 1;
  const height = single ? range.bottom - range.top + 1 : cells.length;
  const top = single ? range.top : active.row;
  const left = single ? range.left : active.col;
  const width = single ? range.right - range.left + 1 : Math.max(0, ...cells.map((r) => r.length));
  const edits: GridEdit[] = [];
  let added = 0;
  for (let i = 0; i < height; i += 1) {
    const task = rows[top + i];
    let draft: TaskDraft = task ? taskDraftOf(task) : { ...emptyTaskDraft(), phase_id: rows.at(-1)?.phase_id ?? null };
    const line = single ? Array<string>(width).fill(cells[0]![0]!) : cells[i]!;
    for (let j = 0; j < Math.min(width, line.length); j += 1) {
      const column = columns[left + j];
      if (!column?.editable) continue;
      const parsed = parseCell(column.key, line[j]!, draft, context);
      if ('problem' in parsed) return { problem: `${task ? `Row ${task.number}` : `New row ${i + 1}`}, ${column.label}: ${parsed.problem}` };
      draft = { ...draft, ...parsed.change };
    }
    if (task) {
      edits.push({ task_id: task.id, row_version: task.row_version, draft });
    } else if (!draft.title.trim()) {
      return { problem: `Pasted row ${i + 1} would be a new task without a title: paste the Task column too.` };
    } else {
      added += 1;
      edits.push({ task_id: null, row_version: 0, draft });
    }
  }
  return { edits, what: added > 0 ? `Pasted ${edits.length - added} rows and added ${added}` : `Pasted ${edits.length} rows` };
}

/** What *Change N tasks…* asks: an owner, a status code, a phase id (`none` for no
 * phase) and days to move the dates by; an empty field keeps each task's own. */
export interface BulkChange {
  owner: string;
  status: string;
  phase: string;
  shift: string;
}

/** The edits a bulk change makes to `tasks`, or why it cannot. */
export function bulkEdits(tasks: readonly Task[], change: BulkChange): { edits: GridEdit[] } | { problem: string } {
  const shift = change.shift.trim() === '' ? 0 : Number(change.shift);
  if (!Number.isInteger(shift)) {
    return { problem: `Move the dates by a whole number of days, such as 7 or -3 (not “${change.shift}”).` };
  }
  const moveDay = (iso: string | null) => (iso && shift ? isoOf(addDays(dayOf(iso), shift)) : iso);
  const edits = tasks.map((task) => {
    const draft = taskDraftOf(task);
    return {
      task_id: task.id,
      row_version: task.row_version,
      draft: {
        ...draft,
        owner: change.owner.trim() === '' ? draft.owner : change.owner.trim(),
        status: change.status === '' ? draft.status : (change.status as TaskStatus),
        phase_id: change.phase === '' ? draft.phase_id : change.phase === 'none' ? null : change.phase,
        start_date: moveDay(draft.start_date),
        due_date: moveDay(draft.due_date),
      },
    };
  });
  return { edits };
}

/** The phase "indent" puts a task under: the phase of the nearest row above with one. */
export function phaseAbove(rows: readonly Task[], index: number): string | null {
  for (let i = index - 1; i >= 0; i -= 1) {
    const phase = rows[i]!.phase_id;
    if (phase) return phase;
  }
  return null;
}

/** Which rows to draw: those in view and a few around them, so 2,000 rows scroll smoothly. */
export function windowOf(scrollTop: number, viewHeight: number, rowHeight: number, total: number, spare = 8): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - spare);
  const last = Math.min(total, Math.ceil((scrollTop + viewHeight) / rowHeight) + spare);
  return { first, last };
}

export { dayOf as gridDay, DAY_MS };
