// Which key press asks for an undo or a redo: Ctrl+Z, and Ctrl+Shift+Z or Ctrl+Y (⌘ on
// a Mac) — except in a field being typed in, where the browser's own undo of the text
// applies.
import { typingIn, type Focused } from './team-refresh';

/** What a key press asks for, as the window reads it. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function undoKey(press: KeyPress, focused: Focused | null): 'undo' | 'redo' | null {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return null;
  const key = press.key.toLowerCase();
  if (key !== 'z' && key !== 'y') return null;
  if (typingIn(focused, false)) return null;
  return key === 'y' || press.shiftKey ? 'redo' : 'undo';
}
