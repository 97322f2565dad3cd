import { describe, expect, it } from 'vitest';
import { typingIn } from './team-refresh';

describe('team refresh', () => {
  it('waits while a field has focus or an edit waits to be saved', () => {
    expect(typingIn({ tagName: 'INPUT', type: 'text' }, false)).toBe(true);
    expect(typingIn({ tagName: 'textarea' }, false)).toBe(true);
    expect(typingIn({ tagName: 'DIV', isContentEditable: true }, false)).toBe(true);
    expect(typingIn({ tagName: 'BODY' }, true)).toBe(true);
  });

  it('reloads at once when nothing is being typed', () => {
    expect(typingIn(null, false)).toBe(false);
    expect(typingIn({ tagName: 'BODY' }, false)).toBe(false);
    expect(typingIn({ tagName: 'INPUT', type: 'checkbox' }, false)).toBe(false);
    expect(typingIn({ tagName: 'BUTTON' }, false)).toBe(false);
  });
});
