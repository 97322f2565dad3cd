// When others' changes arrive from the team, the open screen reloads its data — but
// never under a person's fingers: while a field has focus or an edit is still waiting to
// be saved, the reload waits until they leave the field.

/** What the refresh looks at of the element with focus. */
export interface Focused {
  tagName: string;
  isContentEditable?: boolean;
  type?: string;
}

const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'checkbox', 'radio']);

/** Whether reloading now could disturb a field being typed in. */
export function typingIn(focused: Focused | null, savesPending: boolean): boolean {
  if (savesPending) return true;
  if (!focused) return false;
  if (focused.isContentEditable) return true;
  const tag = focused.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !BUTTON_TYPES.has((focused.type ?? 'text').toLowerCase());
}
