import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { SCHEMA_VERSION, type Design } from '../src/domain/diagram/schema.ts';
import { generateDesign } from '../src/testing/generate-design.ts';
import { shareLink } from '../src/storage/share-link.ts';
import { shopDesign } from './fixtures/designs.ts';
import { node, openCanvas, openDesignId, savedDesign, seedDesign, storedDesign } from './support.ts';

async function fileMenu(page: Page, item: string) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function importFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await fileMenu(page, 'Import design file…');
  await (await chooser).setFiles(path);
}

test('a new design is kept across reloads, and can be renamed, duplicated, deleted and restored', async ({ page }) => {
  await page.goto('/designs');
  await expect(page.getByText('No designs yet')).toBeVisible();
  await page.getByRole('button', { name: 'New design', exact: true }).click();
  await expect(page).toHaveURL(/\/canvas\/d-/);
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await expect(node(page, 'Service', 'Service')).toBeVisible();
  await expect(page.getByText('Saved in this browser')).toBeVisible();

  await page.reload();
  await expect(node(page, 'Service', 'Service')).toBeVisible();

  await page.getByRole('link', { name: 'My designs' }).click();
  const designs = page.getByRole('list', { name: 'Designs' });
  await expect(designs.getByRole('article')).toHaveCount(1);
  await page.getByRole('button', { name: 'Rename Untitled design' }).click();
  await page.getByRole('textbox', { name: 'New title for “Untitled design”' }).fill('Checkout v1');
  await page.keyboard.press('Enter');
  await expect(designs.getByRole('heading', { name: 'Checkout v1' })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate Checkout v1' }).click();
  await expect(designs.getByRole('heading', { name: 'Checkout v1 (copy)' })).toBeVisible();
  await expect(page.getByText('2 designs')).toBeVisible();

  await page.getByRole('button', { name: 'Delete Checkout v1 (copy)' }).click();
  await expect(page.getByText('Deleted “Checkout v1 (copy)”.')).toBeVisible();
  await expect(designs.getByRole('article')).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(designs.getByRole('heading', { name: 'Checkout v1 (copy)' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search designs' }).fill('copy');
  await expect(designs.getByRole('article')).toHaveCount(1);
  await expect(page.getByText('1 of 2 designs')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('list', { name: 'Designs' }).getByRole('article')).toHaveCount(2);
  await page.getByRole('link', { name: 'Checkout v1', exact: true }).click();
  await expect(node(page, 'Service', 'Service')).toBeVisible();
});

test('export as JSON and import it back as a new design', async ({ page }, testInfo) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const download = page.waitForEvent('download');
  await fileMenu(page, 'Export as JSON');
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('shop.skyline.json');
  const exported = JSON.parse(readFileSync(file, 'utf8')) as Design;
  expect(exported).toMatchObject({ format: 'skyline.design', version: SCHEMA_VERSION, title: 'Shop' });
  expect(exported.nodes).toHaveLength(4);

  const copy = testInfo.outputPath('shop.json');
  writeFileSync(copy, readFileSync(file));
  const before = openDesignId(page);
  await importFile(page, copy);
  await expect(page.getByText('Opened “Shop” from shop.json as a new design.')).toBeVisible();
  await expect.poll(() => openDesignId(page)).not.toBe(before);
  await expect(node(page, 'orders-db', 'Relational database')).toBeVisible();
  const imported = await savedDesign(page);
  // "Shop" is taken by the design it came from: the copy is told apart by its title.
  expect({ ...imported, id: 'x', createdAt: '', updatedAt: '' }).toEqual({ ...exported, id: 'x', title: 'Shop (imported)', createdAt: '', updatedAt: '' });
});

test('a broken or newer file is refused with the reason, and the open design is untouched', async ({ page }, testInfo) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const dangling = { ...shopDesign(), edges: [{ id: 'e7', source: 'web', target: 'n9', family: 'sync' }] };
  const broken = testInfo.outputPath('broken.json');
  writeFileSync(broken, JSON.stringify(dangling));
  await importFile(page, broken);
  await expect(page.getByRole('status').filter({ hasText: 'edge e7 points to node n9, which does not exist' })).toContainText('Your current design is unchanged');

  const newer = testInfo.outputPath('newer.json');
  writeFileSync(newer, JSON.stringify({ ...shopDesign(), version: 7 }));
  await importFile(page, newer);
  await expect(page.getByRole('status').filter({ hasText: 'made by a newer version of Skyline' })).toBeVisible();

  // A file dropped on the canvas goes the same way.
  await page.getByRole('main', { name: 'Canvas' }).evaluate((main) => {
    const data = new DataTransfer();
    data.items.add(new File(['{ not json'], 'notes.json', { type: 'application/json' }));
    main.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('status').filter({ hasText: '“notes.json” was not opened. This is not valid JSON' })).toBeVisible();

  expect(openDesignId(page)).toBe('shop');
  expect((await storedDesign(page, 'shop'))?.nodes).toHaveLength(4);
  await expect(node(page, 'Orders', 'Service')).toBeVisible();
});

test('a design file dropped on the canvas opens as a new design', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const text = JSON.stringify({ ...shopDesign(), title: 'Dropped shop' });
  await page.getByRole('main', { name: 'Canvas' }).evaluate((main, content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    main.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByText('Opened “Dropped shop” from dropped.json as a new design.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dropped shop' })).toBeVisible();
  expect(openDesignId(page)).not.toBe('shop');
});

test('PNG and SVG exports produce image files', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  for (const [item, name, check] of [
    ['Export as PNG image', 'shop.png', (b: Buffer) => b.subarray(1, 4).toString() === 'PNG'],
    ['Export as SVG image', 'shop.svg', (b: Buffer) => b.toString('utf8').includes('<svg') && b.toString('utf8').includes('Orders')],
  ] as const) {
    const download = page.waitForEvent('download');
    await fileMenu(page, item);
    expect((await download).suggestedFilename()).toBe(name);
    const bytes = readFileSync(await (await download).path());
    expect(bytes.length).toBeGreaterThan(2000);
    expect(check(bytes)).toBe(true);
  }
});

test('a large design seen whole is drawn as plain boxes, and its image still carries every icon', async ({ page }) => {
  test.slow();
  const design = generateDesign(40);
  await seedDesign(page, design);
  await openCanvas(page);
  await expect(page.locator('.react-flow__node-component').first()).toBeVisible();
  // Seen whole, a box is a few pixels tall: no icon and no connection points are built.
  await expect(page.locator('.react-flow__node-component svg')).toHaveCount(0);
  await expect(page.locator('.react-flow__handle')).toHaveCount(0);

  const download = page.waitForEvent('download');
  await fileMenu(page, 'Export as SVG image');
  const image = readFileSync(await (await download).path(), 'utf8');
  // One icon per component in the image (html-to-image inlines each as an <svg>), besides the lines' drawing.
  expect(image.match(/<svg[^>]*lucide/g)?.length ?? 0).toBeGreaterThanOrEqual(design.nodes.length);
  // Back on screen, the boxes are plain again.
  await expect(page.locator('.react-flow__node-component svg')).toHaveCount(0);

  // Zoomed in, the icons and connection points come back.
  const handles = page.locator('.react-flow__handle');
  for (let i = 0; i < 12 && (await handles.count()) === 0; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.locator('.react-flow__handle').first()).toBeAttached();
  await expect(page.locator('.react-flow__node-component svg').first()).toBeVisible();
});

test('Mermaid text can be copied from a dialog', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  await fileMenu(page, 'Copy as Mermaid…');
  const dialog = page.getByRole('dialog', { name: 'Mermaid flowchart' });
  await expect(dialog.getByRole('textbox', { name: 'Mermaid text' })).toHaveValue(/flowchart LR[\s\S]*n3 ==>\|"reads and writes"\| n4/);
});

test('a share link opens the same design read-only in a fresh browser, and a copy can be saved', async ({ page, browser }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(new URL(link).pathname).toBe('/shared');
  await expect(dialog.getByText(`${link.length.toLocaleString('en-US')} characters`)).toBeVisible();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('heading', { name: 'Shop' })).toBeVisible();
  await expect(fresh.getByText('Shared design · read-only')).toBeVisible();
  await expect(fresh.getByRole('region', { name: 'Review' }).getByRole('listitem')).toHaveText(['2 warnings']);
  await fresh.getByText('What is in it').click();
  await expect(fresh.getByRole('list', { name: 'Components' }).getByRole('listitem')).toHaveText([/Web/, /Gateway/, /Orders/, /orders-db/]);
  await fresh.getByRole('button', { name: 'Save a copy' }).click();
  await expect(fresh).toHaveURL(/\/canvas\/d-/);
  await expect(node(fresh, 'Gateway', 'API gateway')).toBeVisible();
  const saved = await savedDesign(fresh);
  expect(saved.edges).toEqual(shopDesign().edges);
  await other.close();
});

test('a large shared design is shown whole as a sketch until reached for, then drawn in full; a copy is saved at once', async ({ page, browser }) => {
  test.slow();
  // 400 components seen whole in the figure are drawn at about 20%.
  const design = generateDesign(400);
  await page.goto(shareLink('', design));
  const figure = page.getByRole('figure', { name: 'Drawing of Generated 400' });
  const zoomIn = figure.getByRole('button', { name: 'Zoom in', exact: true });
  // Seen whole, no name on a box can be read: a sketch of the boxes and lines, with no component drawn as one.
  await expect(zoomIn).toBeVisible();
  await expect(figure.getByText('service 0', { exact: true })).toHaveCount(0);
  // By keyboard: the zoom button draws it in full, zooms in and hands focus to the drawing's own zoom buttons.
  await zoomIn.focus();
  await page.keyboard.press('Enter');
  await expect(figure.getByRole('button', { name: 'Fit View' })).toBeVisible();
  await expect(figure.getByRole('button', { name: 'Zoom In', exact: true })).toBeFocused();
  await expect(figure.getByText('service 0', { exact: true })).toHaveCount(1);
  // Every connection is drawn, though every box was first drawn plain (without its connection points).
  await expect(figure.locator('.react-flow__edge')).toHaveCount(design.edges.length, { timeout: 15_000 });

  // By pointer: pointing at the sketch draws it in full.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(shareLink('', design));
  const drawing = fresh.getByRole('figure', { name: 'Drawing of Generated 400' });
  await expect(drawing.getByRole('button', { name: 'Zoom in', exact: true })).toBeVisible();
  await drawing.hover({ position: { x: 100, y: 100 } });
  await expect(drawing.getByRole('button', { name: 'Fit View' })).toBeVisible();
  await expect(drawing.getByText('service 0', { exact: true })).toHaveCount(1);
  await other.close();

  await page.getByRole('button', { name: 'Save a copy' }).click();
  await expect(page).toHaveURL(/\/canvas\/d-/);
  await expect.poll(async () => (await savedDesign(page)).nodes.length, { timeout: 30_000 }).toBe(400);
  // The canvas opens it whole, its boxes plain, and draws every connection too.
  await expect(page.locator('.react-flow__edge')).toHaveCount(design.edges.length, { timeout: 15_000 });
});

test('a truncated or tampered share link shows an error page', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  for (const broken of [link.slice(0, -12), link.replace(/#d1\.(.{20})./, '#d1.$1Q'), `${new URL(link).origin}/shared#hello`]) {
    await page.goto(broken);
    await expect(page.getByRole('heading', { name: 'This share link cannot be opened' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the Skyline home page' })).toBeVisible();
  }
});

const PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=1</script>', '"><svg onload="window.__pwned=1">'];

test('script and HTML in titles, names and notes stay inert text everywhere', async ({ page }, testInfo) => {
  const base = shopDesign();
  const hostile: Design = {
    ...base,
    title: PAYLOADS[0]!,
    nodes: base.nodes.map((n, i) => ({ ...n, name: i < PAYLOADS.length ? PAYLOADS[i]! : n.name, notes: PAYLOADS[1]! })),
    notes: [{ id: 'note1', text: PAYLOADS[2]!, position: { x: 0, y: 400 } }],
  };
  await seedDesign(page, hostile);
  await openCanvas(page);
  await expect(page.getByText(PAYLOADS[1]!, { exact: true }).first()).toBeVisible();
  await page.getByRole('link', { name: 'My designs' }).click();
  await expect(page).toHaveURL(/\/designs$/);
  await expect(page.getByRole('list', { name: 'Designs' }).getByRole('heading', { name: PAYLOADS[0]! })).toBeVisible();

  await page.goBack();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  await page.goto(link);
  await expect(page.getByRole('heading', { name: PAYLOADS[0]! })).toBeVisible();

  const file = testInfo.outputPath('hostile.json');
  writeFileSync(file, JSON.stringify({ ...hostile, id: 'hostile' }));
  await page.goto('/designs');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import design file…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText(PAYLOADS[2]!).filter({ visible: true }).first()).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], script:not([src]), svg[onload]').count()).toBe(0);
});

test('the built app forbids inline scripts through its Content-Security-Policy', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain("'unsafe-inline' 'unsafe-eval'");
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.head.append(script);
    return (window as unknown as { __inline?: number }).__inline;
  });
  expect(ran).toBeUndefined();
});

test('a second tab on the same design is warned instead of overwriting the first', async ({ page, context }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole('alert')).toContainText('This design is open in another tab');
  await second.getByRole('button', { name: 'Add Service', exact: true }).click();
  await expect(second.getByText(/open in another tab/).first()).toBeVisible();
  expect((await storedDesign(page, 'shop'))?.nodes).toHaveLength(4);

  await second.getByRole('button', { name: 'Edit here instead' }).click();
  await expect(page.getByRole('alert')).toContainText('now being edited in another tab');
  await expect.poll(async () => (await storedDesign(page, 'shop'))?.nodes.length).toBe(5);
});

test('without browser storage the work stays in the tab with a warning and can be exported', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
  await page.goto('/canvas');
  await expect(page.getByRole('alert')).toContainText('does not let Skyline store anything');
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await expect(node(page, 'Service', 'Service')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('alert').getByRole('button', { name: 'Export as JSON' }).click();
  expect(JSON.parse(readFileSync(await (await download).path(), 'utf8'))).toMatchObject({ format: 'skyline.design', nodes: [{ name: 'Service' }] });
});

test('a full disk is reported and the last saved version is kept', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if ((window as unknown as { __full?: boolean }).__full) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  await page.evaluate(() => ((window as unknown as { __full?: boolean }).__full = true));
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Browser storage is full' })).toBeVisible();
  await expect(node(page, 'Service', 'Service')).toBeVisible();
  expect((await storedDesign(page, 'shop'))?.nodes).toHaveLength(4);
});

test('one damaged record does not hide the rest of the library', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await page.goto('/designs');
  await expect(page.getByRole('heading', { name: 'Shop' })).toBeVisible();
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('skyline');
        open.onsuccess = () => {
          const tx = open.result.transaction('designs', 'readwrite');
          tx.objectStore('designs').put({ id: 'broken', revision: 1, design: { format: 'skyline.design', version: 1, id: 'broken', title: 'Half-written', nodes: 7 } });
          tx.oncomplete = () => resolve();
        };
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Shop' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'One design could not be read' })).toBeVisible();
  await expect(page.getByText('Half-written')).toBeVisible();
  await page.getByRole('button', { name: 'Delete Half-written' }).click();
  await expect(page.getByRole('heading', { name: 'One design could not be read' })).toHaveCount(0);
});

test('importing a design that is already in My designs gives the copy a title of its own', async ({ page }, testInfo) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const download = page.waitForEvent('download');
  await fileMenu(page, 'Export as JSON');
  const file = testInfo.outputPath('shop.json');
  writeFileSync(file, readFileSync(await (await download).path()));

  const cards = page.getByRole('list', { name: 'Designs' }).getByRole('listitem');
  for (const expected of ['Shop (imported)', 'Shop (imported 2)']) {
    await page.goto('/designs');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import design file…' }).click();
    await (await chooser).setFiles(file);
    await expect(page).toHaveURL(/\/canvas\/d-/);
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(expected);
  }
  await page.goto('/designs');
  await expect(cards.getByRole('heading')).toHaveText(['Shop (imported 2)', 'Shop (imported)', 'Shop']);
});

test('"Start drawing" and then "New design" leave one blank design, not two', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start drawing' }).click();
  await expect(page.getByRole('toolbar', { name: 'Canvas tools' })).toBeVisible();
  await expect(page).toHaveURL(/\/canvas\/d-/);
  const started = openDesignId(page);
  await page.goto('/designs');
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page).toHaveURL(/\/canvas\/d-/);
  expect(openDesignId(page)).toBe(started);
  await page.goto('/designs');
  await expect(page.getByRole('list', { name: 'Designs' }).getByRole('listitem')).toHaveCount(1);

  // Once it has something in it, "New design" makes another.
  await page.goto(`/canvas/${started}`);
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  await page.goto('/designs');
  await page.getByRole('button', { name: 'New design' }).click();
  await expect(page).toHaveURL(/\/canvas\/d-/);
  expect(openDesignId(page)).not.toBe(started);
});

test('the toolbar of a tab whose changes are not saved says so, as its banner does', async ({ page, context }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const saveStatus = (p: Page) => p.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('status');
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByRole('alert')).toContainText('This design is open in another tab');
  await expect(saveStatus(second)).toHaveText('Not saved: open in another tab');
  await second.getByRole('button', { name: 'Add Service', exact: true }).click();
  await expect(saveStatus(second)).toHaveText('Not saved: open in another tab');
  await expect(saveStatus(page)).toHaveText('Saved in this browser');

  await second.getByRole('button', { name: 'Edit here instead' }).click();
  // Taking the design back waits for the other tab to let go, which takes longer on a busy machine.
  await expect(saveStatus(second)).toHaveText('Saved in this browser', { timeout: 10_000 });
  await expect(page.getByRole('alert')).toContainText('now being edited in another tab');
  await expect(saveStatus(page)).toHaveText('Not saved: open in another tab');
});
