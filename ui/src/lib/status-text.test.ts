import { describe, expect, it } from 'vitest';
import { datePieces, drawnWithin } from './status-text';

describe('status text', () => {
  it('cuts the dates out as pieces of their own and joins back into the same text', () => {
    const text = 'Print forms: due date moved from Jan 14, 2027 to Jan 17, 2027 (3 days later)';
    const pieces = datePieces(text);
    expect(pieces.filter((p) => p.date).map((p) => p.text)).toEqual(['Jan 14, 2027', 'Jan 17, 2027']);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('leaves text without dates whole', () => {
    expect(datePieces('Front desk: 0% → 50% trained')).toEqual([{ text: 'Front desk: 0% → 50% trained', date: false }]);
  });

  it('draws the first items of the sections in order and leaves the sections not reached out', () => {
    const sections = [
      { section: 'slipped', items: [1, 2, 3] },
      { section: 'blocked', items: [4, 5] },
      { section: 'completed', items: [6, 7, 8, 9] },
    ];
    expect(drawnWithin(sections, 4)).toEqual([
      { section: 'slipped', items: [1, 2, 3], whole: true },
      { section: 'blocked', items: [4], whole: false },
    ]);
    expect(drawnWithin(sections, 5).map((d) => d.section)).toEqual(['slipped', 'blocked']);
    expect(drawnWithin(sections, 5)[1]?.whole).toBe(true);
    expect(drawnWithin(sections, 100)).toEqual(sections.map((s) => ({ ...s, whole: true })));
    expect(drawnWithin(sections, 0)).toEqual([]);
  });
});
