// What a form checks before it saves: a date field whose text is not (yet) a kept date
// marks its input invalid, and saving then would silently keep the old date.

/** The first date field in `form` whose typed text is not a kept date, or null. */
export function firstUnreadDate(form: HTMLFormElement | null | undefined): HTMLInputElement | null {
  return form?.querySelector<HTMLInputElement>('.date-field input:invalid') ?? null;
}

/** Refuses a submit while a date is unread: focuses that field and says so. */
export function datesReady(event: Event): boolean {
  const unread = firstUnreadDate(event.currentTarget as HTMLFormElement | null);
  if (!unread) return true;
  event.preventDefault();
  unread.focus();
  return false;
}
