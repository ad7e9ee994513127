/**
 * Work is never lost in ordinary ways: opening an example, reloading or
 * closing right after an edit, taking a design back from another tab, a
 * design deleted elsewhere, a damaged record.
 */
import { expect, test, type Page } from '@playwright/test';
import { shopDesign } from './fixtures/designs.ts';
import { node, openCanvas, openDesignId, seedDesign, storedDesign } from './support.ts';

const servicesOnCanvas = (page: Page) => page.getByRole('group', { name: /, Service$/ });

/** A reload started by the page itself, as F5 or the reload button does: the page gets no head start. */
async function reloadNow(page: Page) {
  await Promise.all([page.waitForEvent('load'), page.evaluate(() => location.reload())]);
}

test('opening an example opens it as a design of its own; the design that was open stays as it was', async ({ page }) => {
  await page.goto('/canvas');
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await expect(page.getByText('Saved in this browser')).toBeVisible();
  const mine = openDesignId(page);

  await page.goto('/glossary/shared-database');
  await page.getByRole('link', { name: /^Open the example on the canvas/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opened the example' })).toBeVisible();
  const fromGlossary = openDesignId(page);
  expect(fromGlossary).not.toBe(mine);
  await expect(node(page, 'Billing', 'Service')).toBeVisible();

  await page.goto('/rules');
  await page.getByRole('searchbox', { name: 'Search rules' }).fill('call cycle');
  await page.getByRole('link', { name: /^Open example on canvas \(Synchronous call cycle\)/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opened the example' })).toBeVisible();
  expect([mine, fromGlossary]).not.toContain(openDesignId(page));

  expect((await storedDesign(page, mine))?.nodes.map((n) => n.name)).toEqual(['Service']);
  await page.getByRole('link', { name: 'My designs' }).click();
  await expect(page.getByRole('heading', { name: 'Untitled design' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Example: Orders and Billing share one database/ })).toBeVisible();
  await page.getByRole('link', { name: 'Untitled design' }).click();
  await expect(node(page, 'Service', 'Service')).toBeVisible();
});

test('an edit survives a reload 0, 50, 100 and 200 ms after it, and closing the tab', async ({ page, context }) => {
  test.setTimeout(120_000);
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const rows: string[] = [];
  let expected = 0;
  for (const delay of [0, 50, 100, 200]) {
    let kept = 0;
    for (let run = 0; run < 4; run++) {
      await page.getByRole('button', { name: 'Add Service', exact: true }).click();
      expected++;
      await expect(servicesOnCanvas(page)).toHaveCount(expected + 1);
      if (delay > 0) await page.waitForTimeout(delay);
      await reloadNow(page);
      await expect(page.getByText('Opening your design…')).toHaveCount(0);
      await expect(node(page, 'Orders', 'Service')).toBeVisible();
      const shown = (await servicesOnCanvas(page).count()) - 1;
      if (shown === expected) kept++;
      expected = shown;
    }
    rows.push(`reload ${delay} ms after an edit: kept ${kept} of 4`);
  }

  let titlesKept = 0;
  for (let run = 0; run < 4; run++) {
    await page.getByRole('textbox', { name: 'Title' }).fill(`Shop, take ${run}`);
    await reloadNow(page);
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue(/^Shop/);
    if ((await page.getByRole('textbox', { name: 'Title' }).inputValue()) === `Shop, take ${run}`) titlesKept++;
  }
  rows.push(`title typed, reload at once: kept ${titlesKept} of 4`);

  let closedKept = 0;
  let tab = page;
  for (let run = 0; run < 4; run++) {
    await tab.getByRole('button', { name: 'Add Service', exact: true }).click();
    expected++;
    await expect(servicesOnCanvas(tab)).toHaveCount(expected + 1);
    const address = tab.url();
    await tab.close();
    tab = await context.newPage();
    await tab.goto(address);
    await expect(node(tab, 'Orders', 'Service')).toBeVisible();
    const shown = (await servicesOnCanvas(tab).count()) - 1;
    if (shown === expected) closedKept++;
    expected = shown;
  }
  rows.push(`tab closed at once after an edit: kept ${closedKept} of 4`);
  console.log(rows.join('\n'));
  expect(rows).toEqual([
    'reload 0 ms after an edit: kept 4 of 4',
    'reload 50 ms after an edit: kept 4 of 4',
    'reload 100 ms after an edit: kept 4 of 4',
    'reload 200 ms after an edit: kept 4 of 4',
    'title typed, reload at once: kept 4 of 4',
    'tab closed at once after an edit: kept 4 of 4',
  ]);
  // What was kept is in the library too, not only in the journal.
  await expect.poll(async () => (await storedDesign(tab, 'shop'))?.nodes.length).toBe(4 + expected);
});

for (const locks of ['with Web Locks', 'without Web Locks'] as const) {
  test(`"Edit here instead" starts from the newest saved work and keeps this tab's changes as a copy (${locks})`, async ({ page, context }) => {
    if (locks === 'without Web Locks') await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined }));
    await seedDesign(page, shopDesign());
    await openCanvas(page);
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(node(other, 'Orders', 'Service')).toBeVisible();

    // Tab A adds a component, and it is saved.
    await page.getByRole('button', { name: 'Add Cache', exact: true }).click();
    await expect(page.getByText('Saved in this browser')).toBeVisible();
    await expect.poll(async () => (await storedDesign(page, 'shop'))?.nodes.map((n) => n.name)).toContain('Cache');

    // Tab B adds two; they are not saved over A's work, and B is told.
    await other.getByRole('button', { name: 'Add Worker', exact: true }).click();
    await other.getByRole('button', { name: 'Add Scheduler', exact: true }).click();
    await expect(other.getByRole('alert')).toContainText(/open in another tab|changed in another tab/);
    await other.getByRole('button', { name: 'Edit here instead' }).click();

    await expect(other.getByRole('status').filter({ hasText: 'saved as a separate design' })).toBeVisible();
    await expect(node(other, 'Cache', 'Cache')).toBeVisible();
    await expect(node(other, 'Worker', 'Worker')).toHaveCount(0);
    const stored = await storedDesign(page, 'shop');
    expect(stored?.nodes.map((n) => n.name)).toEqual(['Web', 'Gateway', 'Orders', 'orders-db', 'Cache']);

    await other.getByRole('link', { name: 'My designs' }).click();
    const copy = other.getByRole('article', { name: 'Shop (from another tab)' });
    await expect(copy).toContainText('6 components');
    await copy.getByRole('link', { name: 'Shop (from another tab)' }).click();
    await expect(node(other, 'Worker', 'Worker')).toBeVisible();
    await expect(node(other, 'Scheduler', 'Scheduler')).toBeVisible();
  });
}

test('a design deleted while open elsewhere is not brought back silently: the tab says so and can restore it', async ({ page, context }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const designs = await context.newPage();
  await designs.goto('/designs');
  await designs.getByRole('button', { name: 'Delete Shop' }).click();
  await expect(designs.getByText('Deleted “Shop”.')).toBeVisible();

  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This design was deleted');
  expect(await storedDesign(page, 'shop')).toBeNull();
  await expect(page.getByRole('alert').getByRole('button', { name: 'Save mine as a copy' })).toBeVisible();

  await page.getByRole('alert').getByRole('button', { name: 'Restore it' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'back in My designs' })).toBeVisible();
  await expect.poll(async () => (await storedDesign(page, 'shop'))?.nodes.length).toBe(5);
  await designs.reload();
  await expect(designs.getByRole('heading', { name: 'Shop' })).toBeVisible();
});

test('deleting a record whose design carries another id deletes that record, not the design with that id', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await page.goto('/designs');
  await expect(page.getByRole('heading', { name: 'Shop' })).toBeVisible();
  await page.evaluate(
    (design) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('skyline');
        open.onsuccess = () => {
          const tx = open.result.transaction('designs', 'readwrite');
          tx.objectStore('designs').put({ id: 'mislabelled', revision: 1, design: { ...design, title: 'Mislabelled' } });
          tx.oncomplete = () => resolve();
        };
      }),
    shopDesign(),
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Mislabelled' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete Mislabelled' }).click();
  await expect(page.getByRole('heading', { name: 'Mislabelled' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Shop' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mislabelled' })).toHaveCount(0);
  expect((await storedDesign(page, 'shop'))?.title).toBe('Shop');
  expect(await storedDesign(page, 'mislabelled')).toBeNull();
});
