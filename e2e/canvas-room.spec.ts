import { expect, test, type Page } from '@playwright/test';
import { generateDesign } from '../src/testing/generate-design.ts';
import { shopDesign } from './fixtures/designs.ts';
import { openCanvas, reference, seedDesign, settled } from './support.ts';

const canvasBox = async (page: Page) => (await page.getByRole('main', { name: 'Canvas' }).boundingBox())!;

/** The smallest component name on screen (within `scope`), in pixels: its font size times how much the canvas scales it. */
const smallestName = (page: Page, scope = 'body') =>
  page.evaluate((selector) => {
    // A box's name is the text that carries its own title (the ×N badge's title says "N instances").
    const names = [...document.querySelectorAll<HTMLElement>(`${selector} .react-flow__node-component [title]`)].filter((el) => el.textContent === el.title);
    return Math.min(...names.map((el) => (parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().width) / el.offsetWidth));
  }, scope);

/** Components whose box meets the minimap or the zoom buttons on screen, or leaves the canvas. */
const hiddenComponents = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const covers = [...document.querySelectorAll('.react-flow__minimap, .react-flow__controls')].map((e) => e.getBoundingClientRect());
    const meets = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return [...document.querySelectorAll('.react-flow__node-component')]
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return covers.some((c) => meets(r, c)) || r.left < canvas.left || r.right > canvas.right || r.top < canvas.top || r.bottom > canvas.bottom;
      })
      .map((n) => document.getElementById(n.getAttribute('aria-labelledby') ?? '')?.textContent);
  });

test.describe('room to draw', () => {
  test.beforeEach(async ({ page }) => {
    await seedDesign(page, shopDesign());
    await openCanvas(page);
  });

  test('side panels and Review collapse and resize, and are remembered; focus mode gives the whole window to the drawing', async ({ page }) => {
    const start = await canvasBox(page);
    expect(start.width).toBeGreaterThanOrEqual(730);

    await page.getByRole('button', { name: 'Components panel' }).click();
    await expect(page.getByRole('complementary', { name: 'Components' })).toHaveCount(0);
    expect((await canvasBox(page)).width).toBeGreaterThan(start.width + 200);

    // The inspector's border is a splitter: four steps of 16 px to the left widen it by 64 px.
    const splitter = page.getByRole('separator', { name: 'Resize the Inspector panel' });
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const before = (await inspector.boundingBox())!.width;
    await splitter.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(before) + 64));
    await expect.poll(async () => (await inspector.boundingBox())!.width).toBeCloseTo(before + 64, 0);

    // Review: dragged 100 px taller, then folded to its header.
    const review = page.getByRole('separator', { name: 'Resize the Review panel' });
    const grip = (await review.boundingBox())!;
    const height = (await canvasBox(page)).height;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2, grip.y - 100, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.abs((await canvasBox(page)).height - (height - 100))).toBeLessThanOrEqual(2);
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(review).toHaveCount(0);

    // All of it survives a reload.
    const remembered = await canvasBox(page);
    await page.reload();
    await openCanvas(page);
    await expect(page.getByRole('complementary', { name: 'Components' })).toHaveCount(0);
    expect(await canvasBox(page)).toEqual(remembered);
    expect((await inspector.boundingBox())!.width).toBeCloseTo(before + 64, 0);

    // Focus mode: only the canvas and its tools, the site's header included; F brings the panels back.
    await page.locator('body').press('f');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('complementary')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Findings' })).toHaveCount(0);
    const focused = await canvasBox(page);
    expect(focused.width).toBe(1280);
    expect(focused.height).toBeGreaterThanOrEqual(750);
    await expect(page.getByRole('button', { name: 'Focus on the drawing' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Focus on the drawing' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(await canvasBox(page)).toEqual(remembered);
  });

  test('the canvas keeps its size while findings appear', async ({ page }) => {
    const review = page.getByRole('region', { name: 'Findings' });
    const start = await canvasBox(page);
    const counts = await review.getByRole('list', { name: 'Finding counts' }).textContent();
    // Two more services on the one database, each a new finding.
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Add Service', exact: true }).click();
      await page.keyboard.press('c');
      await page.getByRole('combobox', { name: /^Connect Service/ }).selectOption({ label: 'orders-db (Relational database)' });
      await page.keyboard.press('Enter');
      expect(await canvasBox(page)).toEqual(start);
    }
    await expect(review.getByRole('list', { name: 'Finding counts' })).not.toHaveText(counts ?? '');
    expect(await canvasBox(page)).toEqual(start);
  });

  test('fit view and auto-layout keep every component clear of the minimap and the zoom buttons', async ({ page }) => {
    // Scatter the design towards the bottom-right corner, where the minimap sits.
    await page.getByRole('main', { name: 'Canvas' }).click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('ControlOrMeta+a');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowDown');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Escape');
    await page.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('button', { name: 'Fit view' }).click();
    await settled(page);
    expect(await hiddenComponents(page)).toEqual([]);
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await settled(page);
    expect(await hiddenComponents(page)).toEqual([]);
  });
});

test.describe('auto-layout in a 1280x800 window', () => {
  // All 41 reference designs (11 to 29 components) read at 11 px or more in focus mode (layout.test.ts).
  for (const [name, design, least] of [
    ['a URL shortener (12 components)', reference('url-shortener'), 11],
    ['a ticket booking system (25 components)', reference('ticket-booking'), 11],
    ['a two-region rate limiter (27 components, 18 in two boundaries)', reference('rate-limiter'), 11],
    ['a generated design of 30 components', generateDesign(30, 1), 11],
  ] as const) {
    test(`${name}: after auto-layout and fit in focus mode, names read at ${least} px or more, none under the minimap`, async ({ page }) => {
      await seedDesign(page, design);
      await openCanvas(page);
      await page.locator('body').press('f');
      await page.locator('body').press('Shift+L');
      await expect(page.getByRole('status').filter({ hasText: 'Laid out the design' })).toBeVisible();
      await settled(page);
      const size = await smallestName(page);
      console.log(`${name}: smallest name on screen ${size.toFixed(1)} px`);
      expect(size).toBeGreaterThanOrEqual(least);
      expect(await hiddenComponents(page)).toEqual([]);
      await page.locator('body').press('Shift+1');
      await settled(page);
      expect(await smallestName(page)).toBeGreaterThanOrEqual(least);
    });
  }
});

test('the reference comparison shows both designs readable, marks what yours lacks and says it in words', async ({ page }) => {
  await page.goto('/problems/url-shortener');
  await page.getByRole('tab', { name: 'Components' }).click();
  for (const kind of ['Web client', 'Service', 'Relational database']) await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
  await page.getByRole('tab', { name: 'Problem' }).click();
  await page.getByRole('button', { name: 'Compare with the reference' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your design and the reference' });
  const show = dialog.getByRole('group', { name: 'Show' });
  await expect(show.getByRole('button', { name: 'Reference' })).toHaveAttribute('aria-pressed', 'true');
  const drawing = dialog.getByRole('figure', { name: 'Reference design for Design a URL shortener' });
  await expect(drawing.locator('.react-flow__node').first()).toBeVisible();
  await settled(page);
  expect(await smallestName(page, 'dialog')).toBeGreaterThanOrEqual(11);

  // Marked on the drawing, and listed in words: a cache is missing, connected to the redirect service.
  const missing = dialog.getByRole('region', { name: 'What the reference has that yours lacks' });
  await expect(missing.getByRole('listitem').filter({ hasText: 'Cache: the reference’s “Link cache”, connected to “Redirect service”' })).toBeVisible();
  const marked = await drawing.locator('.react-flow__node.preview-marked').count();
  expect(marked).toBeGreaterThan(0);
  await expect(dialog.getByRole('heading', { name: `Reference · ${marked + (await drawing.locator('.react-flow__edge.preview-marked').count())} marked “Not in yours”` })).toBeVisible();
  // The web client, the service and the database pair with the reference's: not listed as missing.
  await expect(missing).not.toContainText('Web client:');

  await show.getByRole('button', { name: 'Yours' }).click();
  await expect(dialog.getByRole('figure', { name: 'Your design for Design a URL shortener' }).locator('.react-flow__node')).toHaveCount(3);
  await show.getByRole('button', { name: 'Side by side' }).click();
  await expect(dialog.getByRole('figure')).toHaveCount(2);
});
