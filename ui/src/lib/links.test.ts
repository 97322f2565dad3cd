import { describe, expect, it } from 'vitest';
import { LAG_TEXT_SAMPLES } from './generated/labels';
import { lagShort, lagText, linkText, parseLag } from './links';

describe('links', () => {
  it('writes every lag as the core does', () => {
    for (const [lag, text] of LAG_TEXT_SAMPLES) expect(lagText(lag), `lag ${lag}`).toBe(text);
  });

  it('shortens a lag for an arrow', () => {
    expect([lagShort(2), lagShort(-1)]).toEqual(['+2d', '-1d']);
  });

  it('says a plain link plainly and names the type and lag of any other', () => {
    expect(linkText({ depends_on_id: 'a', link_type: 'FS', lag_days: 0 }, 'Build')).toBe("waits for 'Build'");
    expect(linkText({ depends_on_id: 'a', link_type: 'SS', lag_days: 2 }, 'Build')).toBe(
      "waits for 'Build' (start-to-start, +2 days)",
    );
  });

  it('reads a typed lag in whole days within a year, and says what is wrong otherwise', () => {
    expect(parseLag(' -3 ')).toEqual({ days: -3 });
    expect(parseLag('+2')).toEqual({ days: 2 });
    expect(parseLag('')).toEqual({ days: 0 });
    for (const bad of ['1.5', 'two', '2d']) expect(parseLag(bad), bad).toHaveProperty('problem');
    expect(parseLag('366')).toEqual({ problem: expect.stringContaining('365 days') });
    expect(parseLag('-365')).toEqual({ days: -365 });
  });
});
