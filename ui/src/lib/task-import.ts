// The task import dialog's logic: the choice a person makes for each owner name the
// directory does not settle, as the select shows it and as the backend receives it, and
// the sentence saying what the import will do.
import type { OwnerChoice } from './bindings/OwnerChoice';
import type { OwnerToResolve } from './bindings/OwnerToResolve';
import type { TaskImportOptions } from './bindings/TaskImportOptions';
import type { TaskImportReport } from './bindings/TaskImportReport';

/** A select's value for a choice: '' (not chosen yet), 'add', 'unassigned' or 'person:<id>'. */
export type ChoiceValue = string;

export function choiceValue(choice: OwnerChoice | null): ChoiceValue {
  if (choice === null) return '';
  if (choice.kind === 'person') return `person:${choice.person_id}`;
  return choice.kind === 'add_external' ? 'add' : 'unassigned';
}

export function choiceOf(value: ChoiceValue): OwnerChoice | null {
  if (value === 'add') return { kind: 'add_external' };
  if (value === 'unassigned') return { kind: 'unassigned' };
  if (value.startsWith('person:')) return { kind: 'person', person_id: value.slice('person:'.length) };
  return null;
}

/** The options for the backend: each name's choice; a name not chosen yet stays unsettled. */
export function importOptions(choices: Record<string, ChoiceValue>): TaskImportOptions {
  const owners = Object.entries(choices).flatMap(([name, value]) => {
    const choice = choiceOf(value);
    return choice ? [{ name, choice }] : [];
  });
  return { owners, other_owners: 'refuse' };
}

/** "2 tasks" / "1 task". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Rows as a person reads them: "row 4", "rows 2, 5". */
export function rowsText(owner: OwnerToResolve): string {
  const shown = owner.rows.slice(0, 8).join(', ');
  const more = owner.rows.length > 8 ? ` and ${owner.rows.length - 8} more` : '';
  return `${owner.rows.length === 1 ? 'row' : 'rows'} ${shown}${more}`;
}

/** What importing would do, in one or two sentences. */
export function importSummary(report: TaskImportReport): string {
  let text =
    `${count(report.tasks_added, 'task', 'tasks')} and ` +
    `${count(report.dependencies_added, 'dependency', 'dependencies')} will be added` +
    (report.new_phases.length > 0 ? `, with new phases: ${report.new_phases.join(', ')}.` : '.');
  const effects: string[] = [];
  if (report.people_added.length > 0)
    effects.push(`adds ${count(report.people_added.length, 'external person', 'external people')} to People`);
  if (report.tasks_unassigned > 0)
    effects.push(`leaves ${count(report.tasks_unassigned, 'task', 'tasks')} unassigned`);
  if (effects.length > 0) {
    const sentence = effects.join(', ');
    text += ` It ${sentence}.`;
  }
  // What the file held that the plan does not keep (a Microsoft Project plan's constraints).
  for (const note of report.notes) text += ` ${note}`;
  return text;
}

/** What still stops the import, for the line above the buttons; empty when nothing does. */
export function waitingFor(report: TaskImportReport): string {
  const unsettled = report.owners.filter((o) => o.resolution === null).length;
  const problems = report.problems.length + report.more_problems;
  const parts: string[] = [];
  if (unsettled > 0) parts.push(`choose what to do for ${count(unsettled, 'owner', 'owners')}`);
  if (problems > 0) parts.push(`fix ${count(problems, 'problem', 'problems')} in the file`);
  return parts.length > 0 ? `To import, ${parts.join(' and ')}.` : '';
}
