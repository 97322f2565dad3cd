import { describe, expect, it } from 'vitest';
import { isLinux } from './platform';

describe('isLinux', () => {
  it("recognises WebKitGTK's user agent", () => {
    const webkitGtk =
      'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Safari/605.1.15';
    expect(isLinux(webkitGtk)).toBe(true);
  });

  it('leaves Windows, macOS and Android alone', () => {
    expect(isLinux('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Edg/120.0')).toBe(false);
    expect(isLinux('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15')).toBe(false);
    expect(isLinux('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36')).toBe(false);
  });
});
