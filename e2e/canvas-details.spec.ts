import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { COMPONENT_KINDS } from '../src/domain/diagram/catalog.ts';
import { createDesign, createNode } from '../src/domain/diagram/factory.ts';
import { shareLink } from '../src/storage/share-link.ts';
import { shopDesign } from './fixtures/designs.ts';
import { changedPixels } from './pixels.ts';
import { node, openCanvas, reference, savedDesign, seedDesign, settled } from './support.ts';

/**
 * Connection labels drawn over a box, a badge on a box, a finding badge or another label, within `scope`:
 * each overlap as "label text / what it meets".
 */
const labelCollisions = (page: Page, scope: string) =>
  page.evaluate((selector) => {
    const root = document.querySelector(selector)!;
    const rect = (e: Element) => e.getBoundingClientRect();
    const meets = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const name = (e: Element) => document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent;
    // Drawn labels: not the hidden ones that name each line, nor finding badges.
    const labels = [...root.querySelectorAll('.react-flow__edge text')].filter((t) => t.getClientRects().length > 0 && !t.closest('g[class*="lod-detail"]'));
    const marks = [
      ...[...root.querySelectorAll('.react-flow__node-component')].flatMap((n) => [
        { what: `box ${name(n)}`, box: rect(n.firstElementChild!) },
        ...[...n.querySelectorAll('.absolute')].map((b) => ({ what: `badge on ${name(n)}`, box: rect(b) })),
      ]),
      ...[...root.querySelectorAll('.react-flow__edge g[class*="lod-detail"] rect')].map((b) => ({ what: 'finding badge', box: rect(b) })),
    ];
    const out: string[] = [];
    labels.forEach((label, i) => {
      const box = rect(label);
      for (const m of marks) if (meets(box, m.box)) out.push(`${label.textContent} / ${m.what}`);
      for (const other of labels.slice(i + 1)) if (meets(box, rect(other))) out.push(`${label.textContent} / label ${other.textContent}`);
    });
    return out;
  }, scope);

test('a component and a connection show where the keyboard is (WCAG 2.4.7)', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const orders = node(page, 'Orders', 'Service');
  const connection = page.getByRole('group', { name: 'Orders reads and writes orders-db' });
  for (const [target, least] of [
    [orders, 600],
    [connection, 150],
  ] as const) {
    const box = (await target.boundingBox())!;
    const clip = { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 };
    await page.mouse.move(5, 795);
    const before = await page.screenshot({ clip });
    await target.focus();
    await page.keyboard.press('Shift'); // a key press: focus from the keyboard
    await expect(target).toBeFocused();
    const after = await page.screenshot({ clip });
    const changed = changedPixels(before, after);
    console.log(`focus changes ${changed} of ${clip.width * clip.height} pixels`);
    expect(changed).toBeGreaterThanOrEqual(least);
  }
});

test('names are read whole at 100%: every kind and every name in the 41 reference designs, on up to three lines', async ({ browser }) => {
  // Five pages of 250 components, drawn whole at 100%: about 20 s on an idle 2-core machine.
  test.slow();
  const names = new Map<string, string>(COMPONENT_KINDS.map((k) => [k.label, k.id]));
  for (const folder of readdirSync('problems')) for (const n of reference(folder).nodes) names.set(n.name, n.kind);
  const all = [...names];
  const cut: string[] = [];
  // In batches under 300 components, so that every box is drawn, at 100%.
  for (let start = 0; start < all.length; start += 250) {
    const nodes = all.slice(start, start + 250).map(([name, kind], i) => createNode(kind as never, `n${i}`, { x: (i % 16) * 220, y: Math.floor(i / 16) * 100 }, name));
    const design = { ...createDesign({ id: `names-${start}`, title: 'Names', now: '2026-01-01T00:00:00.000Z' }), nodes };
    const page = await browser.newPage();
    await page.addInitScript((id) => localStorage.setItem('skyline:viewport', JSON.stringify({ designId: id, viewport: { x: 0, y: 0, zoom: 1 } })), design.id);
    await seedDesign(page, design);
    await openCanvas(page);
    await expect(page.locator('.react-flow__node-component')).toHaveCount(nodes.length, { timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready);
    cut.push(
      ...(await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.react-flow__node-component [title]')].filter((el) => el.textContent === el.title && el.scrollHeight > el.clientHeight + 1).map((el) => el.title),
      )),
    );
    await page.close();
  }
  console.log(`${all.length} names, cut: ${cut.join(', ') || 'none'}`);
  // Among them the names the canvas used to cut: "Relational d…", "Message qu…", "Redirect ser…".
  for (const name of ['Relational database', 'Message queue', 'Redirect service']) expect(names.has(name)).toBe(true);
  // The one name of 44 characters needs four lines; its box shows three and an ellipsis, and its title the rest.
  expect(cut).toEqual(['Payments DB with idempotency keys and outbox']);
});

test('after auto-layout, no connection label sits on a box, a badge or another label: on the canvas and in the shared view', async ({ page }) => {
  await seedDesign(page, reference('url-shortener'));
  await openCanvas(page);
  await page.locator('body').press('f');
  await page.locator('body').press('Shift+L');
  await expect(page.getByRole('status').filter({ hasText: 'Laid out the design' })).toBeVisible();
  await settled(page);
  // At this size every label is drawn (below 60% they are left out).
  expect(await page.locator('.react-flow__edge text:visible').count()).toBeGreaterThan(5);
  expect(await labelCollisions(page, '.design-canvas')).toEqual([]);

  const laid = await savedDesign(page);
  await page.goto(shareLink('', laid));
  const figure = page.getByRole('figure', { name: /^Drawing of/ });
  await expect(figure.locator('.react-flow__edge text:visible').first()).toBeVisible();
  await settled(page);
  expect(await labelCollisions(page, '[role="figure"]')).toEqual([]);
});

test('a component dropped on the "Added" message is added where it was dropped', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  await page.getByRole('button', { name: 'Add Web client', exact: true }).click();
  const message = page.getByRole('status').filter({ hasText: 'Added Web client' });
  await expect(message).toBeVisible();
  const box = (await message.boundingBox())!;
  await page.getByRole('button', { name: 'Add Worker', exact: true }).dragTo(message, { targetPosition: { x: box.width / 2, y: box.height / 2 } });
  await expect(node(page, 'Worker', 'Worker')).toBeVisible();
  const saved = await savedDesign(page);
  expect(saved.nodes.map((n) => n.kind)).toContain('worker');
});

test('a cache connected to a database reads through to it', async ({ page }) => {
  await openCanvas(page);
  await page.getByRole('button', { name: 'Add Relational database', exact: true }).click();
  await page.getByRole('button', { name: 'Add Cache', exact: true }).click();
  await expect(node(page, 'Cache', 'Cache')).toBeFocused();
  await page.keyboard.press('c');
  await page.getByRole('combobox', { name: 'Connect Cache to' }).selectOption({ label: 'Relational database (Relational database)' });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Cache reads Relational database' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'Access' })).toHaveValue('read');
});

for (const theme of ['light', 'dark'] as const) {
  test(`connection lines stand out from the canvas at 3:1 or more (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    const design = shopDesign();
    const queue = createNode('message-queue', 'queue', { x: 520, y: 300 }, 'Order events');
    design.nodes.push(queue);
    design.edges.push({ id: 'e4', source: 'orders', target: 'queue', label: '', notes: '', family: 'async', delivery: 'at-least-once', deadLetterQueue: false, retry: { maxAttempts: 1, backoff: 'none', jitter: false } });
    await seedDesign(page, design);
    await openCanvas(page);
    const ratios = await page.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d')!;
      const rgb = (colour: string) => {
        context.clearRect(0, 0, 1, 1);
        context.fillStyle = colour;
        context.fillRect(0, 0, 1, 1);
        return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
      };
      const luminance = (c: number[]) =>
        c.map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      // The canvas background: React Flow's own, else what shows through it.
      let element: Element | null = document.querySelector('.react-flow');
      let background = 'rgba(0, 0, 0, 0)';
      while (element && background === 'rgba(0, 0, 0, 0)') {
        background = getComputedStyle(element).backgroundColor;
        element = element.parentElement;
      }
      const back = luminance(rgb(background));
      return [...document.querySelectorAll('.react-flow__edge')].map((edge) => {
        const line = luminance(rgb(getComputedStyle(edge.querySelector('.react-flow__edge-path')!).stroke));
        return { edge: document.getElementById(edge.getAttribute('aria-labelledby') ?? '')?.textContent, ratio: (Math.max(line, back) + 0.05) / (Math.min(line, back) + 0.05) };
      });
    });
    console.log(theme, ratios.map((r) => `${r.edge}: ${r.ratio.toFixed(2)}:1`).join('; '));
    expect(ratios).toHaveLength(4);
    for (const { ratio } of ratios) expect(ratio).toBeGreaterThanOrEqual(3);
  });
}
