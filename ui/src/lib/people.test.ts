import { describe, expect, it } from 'vitest';
import { suggestNames } from './people';

describe('suggestNames', () => {
  const names = ['Grace Kim', 'Luis Ortega', "Mary O'Neil", 'Kim-Ly Tran', 'Dr. Ana Kimura'];
  it('offers the names with a word beginning with each typed word', () => {
    expect(suggestNames(names, 'kim')).toEqual(['Grace Kim', 'Kim-Ly Tran', 'Dr. Ana Kimura']);
    expect(suggestNames(names, 'GRACE k')).toEqual(['Grace Kim']);
    expect(suggestNames(names, 'neil')).toEqual(["Mary O'Neil"]);
    expect(suggestNames(names, 'ace')).toEqual([]);
  });
  it('offers a name two people share once', () => {
    expect(suggestNames(['Sam Lee', 'Sam Lee', 'Sam Long'], 'sam')).toEqual(['Sam Lee', 'Sam Long']);
  });
  it('offers the first names when nothing is typed, and never more than the limit', () => {
    expect(suggestNames(names, '  ', 2)).toEqual(['Grace Kim', 'Luis Ortega']);
    const many = Array.from({ length: 10_000 }, (_, i) => `Person ${i}`);
    expect(suggestNames(many, 'person')).toHaveLength(50);
  });
});
