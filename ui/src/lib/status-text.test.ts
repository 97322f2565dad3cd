import { describe, expect, it } from 'vitest';
import { datePieces } from './status-text';

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
});
