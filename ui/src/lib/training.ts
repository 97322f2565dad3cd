// How training reads on screen: each matrix cell has a symbol and a word as well as a
// colour, so status never depends on colour alone.
import type { MatrixCell } from './bindings/MatrixCell';
import type { RecordStatus } from './bindings/RecordStatus';
import type { RoleCompletion } from './bindings/RoleCompletion';
import type { TrainingFormat } from './bindings/TrainingFormat';
import { RECORD_STATUS_LABELS, TRAINING_FORMAT_LABELS } from './generated/labels';

export { TRAINING_FORMAT_LABELS as FORMAT_LABELS, RECORD_STATUS_LABELS as STATUS_LABELS };
export const FORMATS = Object.keys(TRAINING_FORMAT_LABELS) as TrainingFormat[];
export const STATUSES = Object.keys(RECORD_STATUS_LABELS) as RecordStatus[];

export type CellTone = 'done' | 'waived' | 'progress' | 'todo' | 'overdue';

export interface CellLook {
  symbol: string;
  text: string;
  tone: CellTone;
}

/** The symbol, words and tone of one matrix cell. */
export function cellLook(cell: MatrixCell): CellLook {
  if (cell.status === 'completed') return { symbol: '✓', text: 'Completed', tone: 'done' };
  if (cell.status === 'waived') return { symbol: '–', text: 'Waived', tone: 'waived' };
  if (cell.overdue) return { symbol: '!', text: 'Overdue', tone: 'overdue' };
  if (cell.status === 'in_progress') return { symbol: '◐', text: 'In progress', tone: 'progress' };
  return { symbol: '○', text: 'Assigned', tone: 'todo' };
}

/** "14 of 18 fully trained (78%); 4 overdue" — the percent as the core computes it. */
export function completionText(role: RoleCompletion): string {
  const base = `${role.trained} of ${role.people} fully trained (${role.percent}%)`;
  return role.overdue > 0 ? `${base}; ${role.overdue} overdue` : base;
}

/** "People 101–200 of 1,000" for a page of the matrix. */
export function pageText(offset: number, shown: number, total: number): string {
  if (total === 0) return 'No one';
  const first = offset + 1;
  const last = offset + shown;
  return first === 1 && last === total ? `${total} people` : `People ${first}–${last} of ${total.toLocaleString('en-US')}`;
}


/** Same name ignoring case, as the core matches a site to a department. */
function sameSite(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The places a requirement can be limited to: the rollout's sites first, then the
 * directory's other departments, each once (ignoring case), blanks left out.
 */
export function siteChoices(rolloutSites: string[], departments: string[]): string[] {
  const choices: string[] = [];
  // Ten thousand people work in a few dozen departments: the names are made distinct
  // before they are sorted, not after.
  const distinct = [...new Set(departments)].sort((a, b) => a.localeCompare(b));
  for (const name of [...rolloutSites, ...distinct]) {
    const site = name.trim();
    if (site && !choices.some((c) => sameSite(c, site))) choices.push(site);
  }
  return choices;
}

/** Where a requirement applies, in words: its own sites, else the rollout's, else everyone. */
export function whereText(sites: string[], rolloutSites: string[]): string {
  if (sites.length > 0) return sites.join(', ');
  return rolloutSites.length > 0 ? 'All sites' : 'Everyone in the role';
}

/** What ticking no site means, for the hint under the choice. */
export function noSitesMeaning(rolloutSites: string[]): string {
  return rolloutSites.length > 0
    ? `None ticked: at all of this rollout's sites (${rolloutSites.join(', ')}).`
    : 'None ticked: everyone in the role, wherever they work.';
}
