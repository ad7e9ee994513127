import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseProblemFile } from '../src/content/parse-problem.ts';
import type { Design } from '../src/domain/diagram/schema.ts';
import { referenceDesign } from '../src/domain/rubric/reference.ts';

export const CURRENT_DESIGN_KEY = 'skyline:current-design';

/**
 * Start a test with a design already saved in the browser, as an earlier
 * version of Skyline kept it (localStorage); the app moves it into its
 * library on first load, so this also covers that upgrade.
 */
export async function seedDesign(page: Page, design: Design) {
  await page.addInitScript(
    ([key, text]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, text);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [CURRENT_DESIGN_KEY, JSON.stringify(design)] as const,
  );
}

export async function openCanvas(page: Page) {
  await page.goto('/canvas');
  await expect(page.getByRole('toolbar', { name: 'Canvas tools' })).toBeVisible();
  await expect(page.getByText('Opening your design…')).toHaveCount(0);
}

export function node(page: Page, name: string, kindLabel: string): Locator {
  return page.getByRole('group', { name: `${name}, ${kindLabel}`, exact: true });
}

/** The id of the design the page is editing, from its address. */
export function openDesignId(page: Page): string {
  const url = new URL(page.url());
  const id = url.searchParams.get('design') ?? url.pathname.split('/').pop() ?? '';
  return decodeURIComponent(id);
}

/** Reads a design as stored in the browser's library (IndexedDB). */
export async function storedDesign(page: Page, id: string): Promise<Design | null> {
  return page.evaluate(
    (designId) =>
      new Promise<Design | null>((resolve, reject) => {
        const open = indexedDB.open('skyline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('designs').objectStore('designs').get(designId);
          request.onsuccess = () => {
            resolve((request.result as { design: Design } | undefined)?.design ?? null);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    id,
  );
}

export async function savedDesign(page: Page): Promise<Design> {
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  const design = await storedDesign(page, openDesignId(page));
  if (!design) throw new Error('no saved design');
  return design;
}

/** Waits until the page has drawn two more frames. */
function twoFrames(page: Page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The element's box once it has stopped moving (after a fit-view or layout animation, say). */
async function settledBox(page: Page, element: Locator) {
  let last = await element.boundingBox();
  for (let i = 0; i < 20; i++) {
    await twoFrames(page);
    const now = await element.boundingBox();
    if (last && now && Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5) return now;
    last = now;
  }
  if (!last) throw new Error('element not found');
  return last;
}

/** Drag from one node's right-hand connection point to another node's left-hand one. */
export async function connectByDrag(page: Page, from: Locator, to: Locator) {
  const source = from.locator('.react-flow__handle-right');
  const target = to.locator('.react-flow__handle-left');
  await from.hover();
  const a = await settledBox(page, source);
  const b = await target.boundingBox();
  if (!b) throw new Error('connection point not found');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  // A target near the edge of the canvas pans the view while the pointer is there
  // (React Flow's auto-pan on connect): follow the handle until it stops moving.
  let at = b;
  for (let i = 0; i < 10; i++) {
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2, { steps: 5 });
    await twoFrames(page);
    const now = await target.boundingBox();
    if (!now) throw new Error('connection point went away');
    if (Math.abs(now.x - at.x) < 1 && Math.abs(now.y - at.y) < 1) break;
    at = now;
  }
  await page.mouse.up();
}

/** A problem's reference design, as a free design of its own. */
export function reference(problemId: string): Design {
  const parsed = parseProblemFile(readFileSync(`problems/${problemId}/problem.yaml`, 'utf8'));
  if (!parsed.ok) throw new Error(problemId);
  return { ...referenceDesign(parsed.problem), problemId: null };
}

/** Waits for the view to stop moving: unchanged for half a second (a layout is computed, then fitted with an animation). */
export async function settled(page: Page) {
  let last = '';
  let still = 0;
  for (let i = 0; i < 60 && still < 5; i++) {
    const now = await page.evaluate(() => [...document.querySelectorAll('.react-flow__viewport')].map((v) => getComputedStyle(v).transform).join());
    still = now === last ? still + 1 : 0;
    last = now;
    await page.waitForTimeout(100);
  }
}
