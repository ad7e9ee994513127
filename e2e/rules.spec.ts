import { expect, test } from '@playwright/test';
import { shopDesign } from './fixtures/designs.ts';
import { node, openDesignId, seedDesign, storedDesign } from './support.ts';

test('the rules page lists every rule and opens an example that triggers it as a design of its own; mine is untouched', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await page.goto('/rules');
  await expect(page.getByRole('heading', { level: 1, name: 'Design review rules' })).toBeVisible();
  const cards = page.getByRole('article');
  expect(await cards.count()).toBeGreaterThanOrEqual(20);

  await page.getByRole('searchbox', { name: 'Search rules' }).fill('shared database');
  const card = page.getByRole('article', { name: 'Shared database' });
  await expect(card).toBeVisible();
  await card.getByRole('link', { name: 'Open example on canvas (Shared database)' }).click();

  await expect(page).toHaveURL(/\/canvas\/[\w.:-]+$/);
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings.getByRole('article', { name: /Shared database/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Opened the example' })).toBeVisible();
  expect(openDesignId(page)).not.toBe('shop');
  expect((await storedDesign(page, 'shop'))?.nodes.map((n) => n.name)).toEqual(['Web', 'Gateway', 'Orders', 'orders-db']);
});

test('a link to an unknown rule example says so and keeps the design', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await page.goto('/canvas?example=no-such-rule');
  await expect(page.getByRole('status').filter({ hasText: 'There is no rule called “no-such-rule”' })).toBeVisible();
  await expect(node(page, 'Gateway', 'API gateway')).toBeVisible();
});

test('links to the glossary carry the term\'s title, not its file name', async ({ page }) => {
  await page.goto('/rules');
  const card = page.getByRole('article', { name: 'Clients call services directly' });
  await card.getByRole('link', { name: 'Learn: API gateway' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API gateway');
  await page.goBack();
  await page.getByRole('article', { name: 'Retry amplification' }).getByRole('link', { name: 'Learn: Retry amplification and retry storms' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Retry amplification and retry storms');
});
