// A task's links as the screens say them: the lag ("+2 days", as the core writes it,
// checked against its samples), a link in a line ("waits for 'Build' (start-to-start,
// +2 days)", as the history reads), and the check of a lag typed in the task dialog.
import type { TaskLink } from './bindings/TaskLink';
import { LINK_TYPE_LABELS, MAX_LAG_DAYS } from './generated/labels';

/** A lag as the core writes it: `+2 days`, `-1 day`, `no lag`. */
export function lagText(lag: number): string {
  const plural = Math.abs(lag) === 1 ? '' : 's';
  if (lag === 0) return 'no lag';
  return `${lag > 0 ? '+' : ''}${lag} day${plural}`;
}

/** A lag where there is little room, as the exported timeline labels its arrows: `+2d`, `-1d`. */
export function lagShort(lag: number): string {
  return `${lag > 0 ? '+' : ''}${lag}d`;
}

/** The task waited for as the history writes it: its title alone for the plain link,
 * else with the type and lag — "Build (start-to-start, +2 days)". */
export function linkTitle(link: TaskLink, title: string): string {
  if (link.link_type === 'FS' && link.lag_days === 0) return title;
  return `${title} (${LINK_TYPE_LABELS[link.link_type]}, ${lagText(link.lag_days)})`;
}

/** What a link says, after the waiting task's name: "waits for 'Build'" for the plain
 * link, else with its type and lag. */
export function linkText(link: TaskLink, title: string): string {
  return `waits for ${linkTitle(link, `'${title}'`)}`;
}

/** A lag typed in days: the whole number, or why it is not one the plan can keep. */
export function parseLag(text: string): { days: number } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { days: 0 };
  if (!/^[+-]?\d+$/.test(trimmed)) return { problem: 'Give a whole number of days, such as 2 or -1.' };
  const days = Number(trimmed);
  if (Math.abs(days) > MAX_LAG_DAYS) {
    return { problem: `Keep the lag within ${MAX_LAG_DAYS} days either way; for a longer wait, give the task its own dates.` };
  }
  return { days };
}
