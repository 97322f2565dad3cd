import { describe, expect, it } from 'vitest';
import { undoKey } from './undo-keys';

const press = (key: string, more: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: true,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...more,
});

describe('undo keys', () => {
  it('reads Ctrl+Z as undo, Ctrl+Shift+Z and Ctrl+Y as redo', () => {
    expect(undoKey(press('z'), null)).toBe('undo');
    expect(undoKey(press('Z', { shiftKey: true }), null)).toBe('redo');
    expect(undoKey(press('y'), null)).toBe('redo');
    expect(undoKey(press('z', { ctrlKey: false, metaKey: true }), null), '⌘Z on a Mac').toBe('undo');
  });

  it('leaves other keys and Alt combinations alone', () => {
    expect(undoKey(press('z', { ctrlKey: false }), null)).toBeNull();
    expect(undoKey(press('z', { altKey: true }), null)).toBeNull();
    expect(undoKey(press('k'), null)).toBeNull();
  });

  it('leaves a field being typed in to the browser’s own undo', () => {
    expect(undoKey(press('z'), { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(undoKey(press('z'), { tagName: 'TEXTAREA' })).toBeNull();
    expect(undoKey(press('z'), { tagName: 'DIV', isContentEditable: true })).toBeNull();
    expect(undoKey(press('z'), { tagName: 'BUTTON' }), 'a button is no field').toBe('undo');
    expect(undoKey(press('z'), { tagName: 'INPUT', type: 'checkbox' })).toBe('undo');
  });
});
