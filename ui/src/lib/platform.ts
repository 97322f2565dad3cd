// What differs between the systems the app runs on, as far as the page is concerned.

/** True in Linux's webview (WebKitGTK), whose user agent names the system. */
export function isLinux(userAgent: string): boolean {
  return /\bLinux\b/.test(userAgent) && !/\bAndroid\b/.test(userAgent);
}

/**
 * Marks the page's root with the system (`linux`), for the styles that differ by it
 * (app.css picks the interface font this way). Call before the first screen is drawn.
 */
export function markPlatform(root: HTMLElement, userAgent: string): void {
  root.classList.toggle('linux', isLinux(userAgent));
}
