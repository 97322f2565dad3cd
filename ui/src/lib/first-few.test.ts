import { describe, expect, it } from 'vitest';
import { FIRST_FEW, firstFew, showAllLabel } from './first-few';

describe('firstFew', () => {
  const many = Array.from({ length: 30 }, (_, i) => i);

  it('shows the first few of a long list until expanded', () => {
    expect(firstFew(many, false)).toEqual(many.slice(0, FIRST_FEW));
    expect(firstFew(many, true)).toHaveLength(30);
  });

  it('offers the rest only when there is more to show', () => {
    expect(showAllLabel(FIRST_FEW, false)).toBeNull();
    expect(showAllLabel(30, false)).toBe('Show all 30');
    expect(showAllLabel(30, true)).toBe('Show fewer');
  });
});
