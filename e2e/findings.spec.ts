import { expect, test } from '@playwright/test';
import { generateDesign } from '../src/testing/generate-design.ts';
import { shopDesign } from './fixtures/designs.ts';
import { node, openCanvas, savedDesign, seedDesign } from './support.ts';

test('findings update on edits, show their elements, and a one-click fix is one undo step', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings).toBeVisible();

  // The gateway calls Orders with no timeout.
  const missingTimeout = findings.getByRole('article', { name: /Call without a timeout/ }).first();
  await expect(missingTimeout).toContainText('Gateway');
  await missingTimeout.getByRole('button', { name: /^Show on canvas/ }).click();
  await expect(page.getByRole('textbox', { name: 'Timeout (ms)' })).toBeVisible();

  // Fix it by typing: the finding disappears without any other action.
  await page.getByRole('textbox', { name: 'Timeout (ms)' }).fill('1500');
  await expect(findings.getByRole('article', { name: /Call without a timeout/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(findings.getByRole('article', { name: /Call without a timeout/ })).toHaveCount(1);

  // Now with the one-click fix.
  const fix = findings.getByRole('article', { name: /Call without a timeout/ }).getByRole('button', { name: /timeout/i }).filter({ hasNotText: 'Show' });
  await fix.first().click();
  await expect(findings.getByRole('article', { name: /Call without a timeout/ })).toHaveCount(0);
  const fixed = await savedDesign(page);
  expect(fixed.edges.find((e) => e.id === 'e2')).toMatchObject({ family: 'sync', timeoutMs: expect.any(Number) });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(findings.getByRole('article', { name: /Call without a timeout/ })).toHaveCount(1);

  // A structural edit that creates a problem: a second service writing to orders-db.
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Billing');
  await page.getByRole('combobox', { name: 'Connect Billing to' }).selectOption({ label: 'orders-db (Relational database)' });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const shared = findings.getByRole('article', { name: /Shared database/ });
  await expect(shared).toContainText('Billing');
  await expect(shared).toContainText('orders-db');
  await expect(node(page, 'orders-db', 'Relational database')).toContainText(/\d+ findings?/);

  // The filter narrows the list; the term link leads to its explanation.
  await findings.getByRole('combobox', { name: 'Show findings' }).selectOption('error');
  await expect(findings.getByRole('article', { name: /^Warning/ })).toHaveCount(0);
  await findings.getByRole('combobox', { name: 'Show findings' }).selectOption('all');
  await shared.getByRole('link', { name: /^Learn:/ }).click();
  await expect(page).toHaveURL(/\/glossary\/shared-database$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/shared database/i);
});

test('a large design lists its findings a page at a time', async ({ page }) => {
  await seedDesign(page, generateDesign(300));
  await openCanvas(page);
  const findings = page.getByRole('region', { name: 'Findings' });
  const paged = findings.getByRole('region').filter({ has: page.getByRole('button', { name: /^Show (\d+ more|the other)/ }) }).first();
  const section = findings.getByRole('region', { name: (await paged.getAttribute('aria-label')) ?? '', exact: true });
  const more = section.getByRole('button', { name: /^Show (\d+ more|the other)/ });
  await expect(more).toBeVisible();
  const total = Number((await section.getByRole('heading', { level: 3 }).textContent())?.match(/· (\d+)/)?.[1]);
  await expect(section.getByRole('article')).toHaveCount(50);
  await more.click();
  await expect(section.getByRole('article')).toHaveCount(Math.min(250, total));
  expect(total).toBeGreaterThan(50);
});
