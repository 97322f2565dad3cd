// The hooks every end-to-end file uses to run the real app: tauri-driver for the
// describe block, one app session per test, and a screenshot when a step fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { running, startDriver } from './driver.mjs';
import { Session, waitFor } from './webdriver.mjs';

export const application = process.env.ROLLPLAN_APP;
export const cliBinary = process.env.ROLLPLAN_CLI;
assert.ok(application, 'ROLLPLAN_APP must name the app binary to test');
assert.ok(cliBinary, 'ROLLPLAN_CLI must name the rollplan-cli binary');

/**
 * Registers the hooks that run the app for one describe block: tauri-driver starts with
 * `env` (which the app inherits), each test launches the app as it needs, and a test
 * that failed half-way still closes its window so the next one can start. Screenshots
 * of failed steps go to `workDir`.
 */
/** Whether the session bus still has a running Rollplan's single-instance name. */
function singleInstanceNameOwned() {
  const reply = execFileSync(
    'dbus-send',
    ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner', 'string:app.rollplan.desktop.SingleInstance'],
    { encoding: 'utf8' },
  );
  return /boolean true/.test(reply);
}

/**
 * A picture of the app's window as the display shows it, in PNG. X11's own capture
 * (ImageMagick's `import`): WebDriver's screenshot of the WebKitGTK window stalls now and
 * then on this drawing path, which would hide a failure behind a timeout.
 */
export async function photograph(session, file) {
  const { x, y, width, height } = await session.call('GET', '/window/rect');
  execFileSync('import', ['-window', 'root', '-crop', `${width}x${height}+${x}+${y}`, file]);
}

/** Resizes the window so the page itself is `width` × `height`, as on that screen, in
 *  the display's top left corner where `photograph` finds it. */
export async function resizePage(session, width, height) {
  await session.call('POST', '/window/rect', { x: 0, y: 0, width, height });
  await waitFor(`a ${width}×${height} window`, async () => {
    const [w, h] = await session.execute('return [window.innerWidth, window.innerHeight];');
    if (w !== width || h !== height) {
      // Window decorations, if any, take their share: grow the window by the difference.
      await session.call('POST', '/window/rect', { x: 0, y: 0, width: width + (width - w), height: height + (height - h) });
    }
    return w === width && h === height;
  });
}

/** Waits two frames, so what was just asked for is laid out and painted. */
export async function painted(session) {
  await session.call('POST', '/execute/async', {
    script: 'const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));',
    args: [],
  });
}

/**
 * When `ROLLPLAN_SCREENSHOTS` names a folder, photographs the window at a laptop's and at
 * a full HD size as `<name>-<width>x<height>-<theme>.png`, in the theme GTK_THEME gives.
 */
export async function photographSizes(session, name) {
  const shots = process.env.ROLLPLAN_SCREENSHOTS;
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  const theme = /:dark$/.test(process.env.GTK_THEME ?? '') ? 'dark' : 'light';
  for (const [width, height] of [[1280, 720], [1920, 1080]]) {
    await resizePage(session, width, height);
    await painted(session);
    await photograph(session, join(shots, `${name}-${width}x${height}-${theme}.png`));
  }
}

export function useApp(env, workDir) {
  const app = { driver: undefined, session: undefined };

  // Another port lets a second run go on beside this one (each has its own display and bus).
  const port = Number(process.env.ROLLPLAN_E2E_PORT ?? 4444);
  let driverEnv = env;

  before(async () => {
    app.driver = await startDriver({ port, env, application });
  });

  // The app is single-instance: a launch while the last one is still exiting is handed
  // to it, and the exiting app starts the next instance itself once it has closed — an
  // instance WebDriver does not control. Each session therefore waits for its app to be
  // gone, and for the session bus to stop listing the app's single-instance name.
  const gone = async () => {
    await waitFor('the app to exit', () => running(application).length === 0, 10000);
    await waitFor('the session bus to release the app', () => !singleInstanceNameOwned(), 10000);
  };

  afterEach(async () => {
    if (app.session) await app.session.quit().catch(() => {});
    app.session = undefined;
    await gone().catch(() => {});
  });

  after(async () => {
    await app.driver?.stop();
  });

  /**
   * Starts the app. `overrides` (say, a test's own `ROLLPLAN_DB`) add to the block's
   * environment; the app inherits tauri-driver's, so a different one restarts the driver.
   */
  app.launch = async (overrides = {}) => {
    const wanted = { ...env, ...overrides };
    if (JSON.stringify(wanted) !== JSON.stringify(driverEnv)) {
      await app.driver.stop();
      app.driver = await startDriver({ port, env: wanted, application });
      driverEnv = wanted;
    }
    app.session = await Session.start(app.driver.base, application);
    return app.session;
  };

  app.quit = async () => {
    await app.session.quit();
    app.session = undefined;
    await gone();
  };

  /** Keeps a screenshot of the window when a step fails, and names it in the error. */
  app.step = async (name, body) => {
    try {
      await body(app.session);
    } catch (error) {
      if (app.session) {
        const shot = join(workDir, `${name.replace(/\W+/g, '-')}.png`);
        try {
          await photograph(app.session, shot);
          error.message += ` (screenshot: ${shot})`;
        } catch {}
      }
      throw error;
    }
  };

  return app;
}


/** A sample clinic of a test's own in `workDir`, and one of its SOPs by code. */
export function sampleClinicWithSop(workDir, name, code) {
  const database = join(workDir, `${name}.db`);
  execFileSync(cliBinary, ['--db', database, 'demo'], { encoding: 'utf8' });
  const sops = JSON.parse(execFileSync(cliBinary, ['--db', database, 'sops', 'list', '--json'], { encoding: 'utf8' }));
  const sop = sops.find((s) => s.code === code);
  assert.ok(sop, `the sample clinic has the SOP ${code}`);
  return { database, sop };
}
