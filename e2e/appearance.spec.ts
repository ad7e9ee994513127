import { expect, test } from '@playwright/test';
import { shopDesign } from './fixtures/designs.ts';
import { node, openCanvas, savedDesign, seedDesign } from './support.ts';

test('dark mode follows the system and can be switched by hand, and the choice is kept', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveClass(/dark/);
  const toggle = page.getByRole('button', { name: /^Colour theme: System/ });
  await toggle.click(); // system -> light
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByRole('button', { name: /^Colour theme: Light/ }).click(); // light -> dark
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.getByRole('button', { name: /^Colour theme: Dark/ })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/dark/);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await context.close();
});

test.describe('on a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('palette and inspector are drawers, and tapping a component adds it', async ({ page }) => {
    await seedDesign(page, shopDesign());
    await openCanvas(page);
    await expect(page.getByRole('complementary', { name: 'Components' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Add', exact: true }).tap();
    const drawer = page.getByRole('complementary', { name: 'Components' });
    await expect(drawer).toBeVisible();
    await drawer.getByRole('button', { name: 'Add Cache', exact: true }).tap();
    await expect(drawer).toHaveCount(0);
    await expect(node(page, 'Cache', 'Cache')).toBeVisible();

    await page.getByRole('button', { name: 'Edit', exact: true }).tap();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector.getByRole('textbox', { name: 'Name' })).toHaveValue('Cache');
    await inspector.getByRole('textbox', { name: 'Name' }).fill('Session cache');
    await inspector.getByRole('button', { name: 'Close Inspector' }).first().tap();
    await expect(node(page, 'Session cache', 'Cache')).toBeVisible();
    const design = await savedDesign(page);
    expect(design.nodes.map((n) => n.name)).toContain('Session cache');

    // Nothing spills sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
  test('tools that do not fit the toolbar are in a More tools menu, and nothing in it scrolls sideways', async ({ page }) => {
    await seedDesign(page, shopDesign());
    await openCanvas(page);
    const toolbar = page.getByRole('toolbar', { name: 'Canvas tools' });
    const spills = () => toolbar.evaluate((bar) => [bar, ...bar.querySelectorAll('div')].some((strip) => strip.scrollWidth > strip.clientWidth + 1));
    expect(await spills()).toBe(false);

    const more = toolbar.getByRole('button', { name: 'More tools' });
    await more.tap();
    const menu = page.getByRole('menu', { name: 'More tools' });
    await expect(menu.getByRole('menuitem', { name: 'Group into boundary' })).toHaveAttribute('aria-disabled', 'true');
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Snap to grid' })).toHaveAttribute('aria-checked', 'true');
    await menu.getByRole('menuitemcheckbox', { name: 'Snap to grid' }).tap();
    await expect(menu).toHaveCount(0);
    await more.tap();
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Snap to grid' })).toHaveAttribute('aria-checked', 'false');
    await menu.getByRole('menuitem', { name: 'Add note' }).tap();
    await expect.poll(async () => (await savedDesign(page)).notes.length).toBe(1);

    // Sharing is in the File menu; Redo sits with the other tools.
    await toolbar.getByRole('button', { name: 'File' }).tap();
    await page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: 'Share a link…' }).tap();
    await expect(page.getByRole('dialog', { name: 'Share this design' })).toBeVisible();
    await page.keyboard.press('Escape');
    await more.tap();
    await expect(menu.getByRole('menuitem', { name: 'Redo' })).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');

    // A problem's workspace adds a Problem button; the toolbar still fits.
    await page.goto('/problems/url-shortener');
    await expect(toolbar.getByRole('button', { name: 'Problem', exact: true })).toBeVisible();
    expect(await spills()).toBe(false);
  });
});
