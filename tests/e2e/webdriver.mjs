// A small W3C WebDriver client: just what the end-to-end tests use, over Node's fetch.
// tauri-driver speaks this protocol and forwards it to WebKitWebDriver, which drives
// the real Rollplan binary.

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** Special keys, as WebDriver encodes them. */
export const Keys = {
  NULL: '\uE000',
  BACKSPACE: '\uE003',
  ENTER: '\uE007',
  CONTROL: '\uE009',
  ALT: '\uE00A',
  TAB: '\uE004',
  ESCAPE: '\uE00C',
  SHIFT: '\uE008',
  ARROW_LEFT: '\uE012',
  ARROW_UP: '\uE013',
  ARROW_RIGHT: '\uE014',
  ARROW_DOWN: '\uE015',
};

async function request(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let payload;
  try {
    payload = text ? JSON.parse(text) : {};
  } catch {
    throw new Error(`${method} ${path}: not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  if (!response.ok) {
    const error = payload.value ?? {};
    throw new Error(`${method} ${path}: ${error.error ?? response.status}: ${error.message ?? text}`);
  }
  return payload.value;
}

/** Waits until `probe` returns something truthy, or fails with `what` after `timeoutMs`. */
export async function waitFor(what, probe, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }

  #call(method, path, body) {
    return this.session.call(method, `/element/${this.id}${path}`, body);
  }

  click() {
    return this.#call('POST', '/click', {});
  }

  type(text) {
    return this.#call('POST', '/value', { text });
  }

  /** Selects all the text in a field and deletes it, as a person would. */
  async erase() {
    await this.type(`${Keys.CONTROL}a${Keys.NULL}${Keys.BACKSPACE}`);
  }

  text() {
    return this.#call('GET', '/text');
  }

  property(name) {
    return this.#call('GET', `/property/${name}`);
  }
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  /** Starts the app: tauri-driver launches `application` for this session. */
  static async start(base, application) {
    const value = await request(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application } } },
    });
    return new Session(base, value.sessionId);
  }

  call(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async find(css) {
    const value = await this.call('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, value[ELEMENT_KEY]);
  }

  async findAll(css) {
    const values = await this.call('POST', '/elements', { using: 'css selector', value: css });
    return values.map((v) => new Element(this, v[ELEMENT_KEY]));
  }

  /** Waits for an element to appear and returns it. */
  waitFind(css, timeoutMs) {
    return waitFor(`element ${css}`, () => this.find(css), timeoutMs);
  }

  /** Waits for the first element matching `css` whose text contains `text`. The text
   *  is read from the DOM, so a name the layout shortens with an ellipsis still matches. */
  waitForText(css, text, timeoutMs) {
    return waitFor(
      `"${text}" in ${css}`,
      async () => {
        for (const element of await this.findAll(css)) {
          if ((await element.property('textContent')).includes(text)) return element;
        }
        return null;
      },
      timeoutMs,
    );
  }

  /** The mouse's actions, as WebDriver performs them: one press, moves and release. */
  #mouse(actions) {
    return this.call('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  /** Presses the left button on `element`, `x` and `y` pixels from its centre. */
  press(element, x = 0, y = 0) {
    return this.#mouse([
      { type: 'pointerMove', origin: { [ELEMENT_KEY]: element.id }, x: Math.round(x), y: Math.round(y), duration: 0 },
      { type: 'pointerDown', button: 0 },
    ]);
  }

  /** Moves the mouse by `dx`, `dy` in a few steps, as a hand does (the button held). */
  moveBy(dx, dy = 0) {
    const steps = 4;
    const moves = [];
    for (let i = 0; i < steps; i++) {
      const x = Math.round((dx * (i + 1)) / steps) - Math.round((dx * i) / steps);
      const y = Math.round((dy * (i + 1)) / steps) - Math.round((dy * i) / steps);
      moves.push({ type: 'pointerMove', origin: 'pointer', x, y, duration: 30 });
    }
    return this.#mouse(moves);
  }

  /** Releases the left button. */
  async release() {
    await this.#mouse([{ type: 'pointerUp', button: 0 }]);
    await this.call('DELETE', '/actions');
  }

  execute(script, args = []) {
    return this.call('POST', '/execute/sync', { script, args });
  }

  screenshot() {
    return this.call('GET', '/screenshot');
  }

  /** Ends the session, which quits the app. */
  async quit() {
    await this.call('DELETE', '');
  }
}
