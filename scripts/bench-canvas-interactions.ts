/**
 * What a person feels on a large design, for `npm run bench`: edit ->
 * feedback, the cost of a keystroke in the inspector, adding a component,
 * opening a share link to an editable canvas, and panning / zooming the whole
 * design. Each function opens a fresh page on the built app (served at
 * `origin`) with a generated design (src/testing/generate-design.ts) and
 * returns its samples; bench.ts takes the medians and prints them beside the
 * plain React Flow page.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { Design } from '../src/domain/diagram/schema.ts';
import { encodeShareFragment } from '../src/storage/share-link.ts';

const KEYS = 'abcdefghij';

/** Wall-clock milliseconds until it is on screen, and the main thread's share of them. */
export interface Sample {
  wall: number;
  cpu: number;
}
/** A person typing quickly: about 8 keys a second. */
const KEY_INTERVAL_MS = 120;
/** Time left after the last key for anything deferred (analysis, saving) to run; counted too. */
const SETTLE_MS = 1500;

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
}

/** A page of its own; functions sent to it keep their names (tsx adds calls to `__name`, which the page lacks). */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript('globalThis.__name = (f) => f;');
  return context;
}

async function openSeeded(browser: Browser, origin: string, design: Design): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await newContext(browser);
  await context.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('skyline:current-design', text);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(design));
  const page = await context.newPage();
  await page.goto(`${origin}/canvas`);
  await ready(page, design.nodes.length);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await quiet(page);
  return { context, page, cdp };
}

/** Components drawn, none waiting to be measured, and the review counts shown. */
async function ready(page: Page, nodeCount: number) {
  await page.waitForFunction(
    (n) => {
      const drawn = document.querySelectorAll('.react-flow__node').length;
      return drawn > Math.min(n, 50) - 1 && !document.querySelector('.react-flow__node[style*="visibility: hidden"]');
    },
    nodeCount,
    { timeout: 120_000, polling: 50 },
  );
}

/** Waits until timers have run on time (no main-thread task over 40 ms) for `ms` in a row, or 10 s. */
async function quiet(page: Page, ms = 400) {
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve) => {
        const limit = performance.now() + 10_000;
        let previous = performance.now();
        let calm = previous;
        const tick = () => {
          const now = performance.now();
          if (now - previous > 40) calm = now;
          previous = now;
          if (now - calm >= ms || now > limit) resolve();
          else setTimeout(tick, 10);
        };
        tick();
      }),
    ms,
  );
}

/** The rendered component nearest the middle of the canvas (off the edges, so no auto-pan). */
async function middleComponent(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best = { id: '', distance: Infinity };
    document.querySelectorAll<HTMLElement>('.react-flow__node-component').forEach((element) => {
      const r = element.getBoundingClientRect();
      const distance = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (distance < best.distance) best = { id: element.dataset.id ?? '', distance };
    });
    return best.id;
  });
}

async function selectComponent(page: Page, id: string) {
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  await page.locator(`.react-flow__node[data-id="${id}"].selected`).waitFor();
}

/**
 * Arms a watch on the review's counts: resolves, after the next frame is
 * drawn, to the milliseconds from the next key press to that frame.
 */
async function armFeedbackWatch(page: Page) {
  await page.evaluate(() => {
    const counts = document.querySelector('[aria-label="Finding counts"]')!;
    const before = counts.textContent;
    const w = window as unknown as { feedback: Promise<number> };
    w.feedback = new Promise<number>((resolve) => {
      let start = 0;
      document.addEventListener('keydown', (e) => (start ||= e.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (counts.textContent === before) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
      });
      observer.observe(counts, { subtree: true, childList: true, characterData: true });
    });
  });
}

/** Delete a component, then undo it: each is one key and one change of the review's counts. */
export async function measureEditFeedback(browser: Browser, origin: string, design: Design, samples: number): Promise<Sample[]> {
  const { context, page, cdp } = await openSeeded(browser, origin, design);
  const out: Sample[] = [];
  const timed = async (key: string) => {
    await armFeedbackWatch(page);
    const before = await taskSeconds(cdp);
    await page.keyboard.press(key);
    const wall = await page.evaluate(() => (window as unknown as { feedback: Promise<number> }).feedback);
    out.push({ wall, cpu: ((await taskSeconds(cdp)) - before) * 1000 });
  };
  try {
    const id = await middleComponent(page);
    for (let i = 0; i < samples; i++) {
      await selectComponent(page, id);
      await quiet(page);
      await timed('Delete');
      await quiet(page);
      await timed('ControlOrMeta+z');
      await quiet(page);
    }
  } finally {
    await context.close();
  }
  return out;
}

/**
 * Main-thread time per key typing a component's name in the inspector: ten
 * keys 120 ms apart and 1.5 s after the last, divided by ten, so work put
 * off until typing stops (analysis, saving) is counted too. Also the largest
 * single key: the time from one key until two frames later.
 */
export async function measureKeystroke(browser: Browser, origin: string, design: Design): Promise<{ perKey: number; worstKey: number }> {
  const { context, page, cdp } = await openSeeded(browser, origin, design);
  try {
    await selectComponent(page, await middleComponent(page));
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.click();
    await name.press('End');
    await quiet(page);
    const start = await taskSeconds(cdp);
    let worstKey = 0;
    for (const key of KEYS) {
      const before = await taskSeconds(cdp);
      const sent = Date.now();
      await page.keyboard.press(key);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      worstKey = Math.max(worstKey, (await taskSeconds(cdp)) - before);
      await page.waitForTimeout(Math.max(0, KEY_INTERVAL_MS - (Date.now() - sent)));
    }
    await page.waitForTimeout(SETTLE_MS);
    const total = (await taskSeconds(cdp)) - start;
    if (!(await name.inputValue()).endsWith(KEYS)) throw new Error('the keys did not reach the Name field');
    return { perKey: (total * 1000) / KEYS.length, worstKey: worstKey * 1000 };
  } finally {
    await context.close();
  }
}

/** From the click on "Add Service" to the frame that shows the new component. */
export async function measureAdd(browser: Browser, origin: string, design: Design, samples: number): Promise<Sample[]> {
  const { context, page, cdp } = await openSeeded(browser, origin, design);
  const out: Sample[] = [];
  try {
    // Found once: finding a button by role and name walks the whole page, which is the bench's work, not the page's.
    const box = await page.getByRole('button', { name: 'Add Service', exact: true }).boundingBox();
    if (!box) throw new Error('no Add Service button');
    for (let i = 0; i < samples; i++) {
      await quiet(page);
      await page.evaluate(() => {
        const known = new Set([...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((e) => e.dataset.id));
        const w = window as unknown as { added: Promise<number> };
        w.added = new Promise<number>((resolve) => {
          let start = 0;
          document.addEventListener('pointerdown', (e) => (start ||= e.timeStamp), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            const fresh = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].some((e) => !known.has(e.dataset.id));
            if (!fresh) return;
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
          });
          observer.observe(document.querySelector('.react-flow__nodes')!, { childList: true });
        });
      });
      const before = await taskSeconds(cdp);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const wall = await page.evaluate(() => (window as unknown as { added: Promise<number> }).added);
      out.push({ wall, cpu: ((await taskSeconds(cdp)) - before) * 1000 });
    }
  } finally {
    await context.close();
  }
  return out;
}

/** From navigating to a share link, through "Save a copy", to the editable canvas drawn (ms since navigation). */
export async function measureShareOpen(browser: Browser, origin: string, design: Design): Promise<number> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/shared#${encodeShareFragment(design)}`);
    await page.getByRole('button', { name: 'Save a copy' }).click({ timeout: 120_000 });
    await page.waitForURL(/\/canvas\//, { timeout: 120_000 });
    await ready(page, design.nodes.length);
    return await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
  } finally {
    await context.close();
  }
}

/**
 * Main-thread time per frame while panning (wheel) and zooming (Ctrl + wheel)
 * with the whole design in view, at `url` (the canvas or the plain page).
 */
export async function measurePanZoom(page: Page, cdp: CDPSession, steps = 30): Promise<{ pan: number; zoom: number }> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  const run = async (delta: (i: number) => [number, number]) => {
    await quiet(page, 300);
    const before = await taskSeconds(cdp);
    for (let i = 0; i < steps; i++) {
      const [dx, dy] = delta(i);
      await page.mouse.wheel(dx, dy);
      await frame();
    }
    return (((await taskSeconds(cdp)) - before) * 1000) / steps;
  };
  const pan = await run((i) => [i % 10 < 5 ? 40 : -40, 0]);
  await page.keyboard.down('Control');
  const zoom = await run((i) => [0, i % 10 < 5 ? -40 : 40]);
  await page.keyboard.up('Control');
  return { pan, zoom };
}

export async function measureCanvasPanZoom(browser: Browser, origin: string, design: Design) {
  const { context, page, cdp } = await openSeeded(browser, origin, design);
  try {
    return await measurePanZoom(page, cdp);
  } finally {
    await context.close();
  }
}
