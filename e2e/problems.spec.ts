import { expect, test } from '@playwright/test';
import { node } from './support.ts';

test('a learner opens a problem, builds part of a design, watches the score rise, reveals a hint and compares with the reference', async ({ page }) => {
  await page.goto('/problems');
  await expect(page.getByRole('heading', { level: 1, name: 'Problems' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Difficulty' }).selectOption('easy');
  await page.getByRole('searchbox', { name: 'Search problems' }).fill('url');
  await page.getByRole('link', { name: 'Design a URL shortener' }).click();

  const rubric = page.getByRole('region', { name: 'Rubric' });
  await expect(rubric).toBeVisible();
  const scoreText = async () => Number((await rubric.getByText(/^Score:/).locator('..').textContent())?.match(/(\d+)/)?.[1] ?? NaN);
  const redirects = rubric.getByRole('listitem', { name: /A service resolves short codes and redirects/ });
  await expect(redirects).toHaveAccessibleName(/^Not met/);
  const before = await scoreText();

  // Add a service and name it so the rubric recognises it.
  await page.getByRole('tab', { name: 'Components' }).click();
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Redirector');
  await page.getByRole('tab', { name: 'Problem' }).click();
  await expect(redirects).toHaveAccessibleName(/^Met/);
  await expect.poll(scoreText).toBeGreaterThan(before);

  // Assign a capability from the inspector instead of by name.
  await page.getByRole('tab', { name: 'Components' }).click();
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await page.getByRole('button', { name: 'Assign capability Link creation' }).click();
  await page.getByRole('tab', { name: 'Problem' }).click();
  await expect(rubric.getByRole('listitem', { name: /A service creates short links/ })).toHaveAccessibleName(/^Met/);

  // A cache behind the redirect service earns its points.
  const cacheItem = rubric.getByRole('listitem', { name: /A cache sits behind the redirect service/ });
  await expect(cacheItem).toHaveAccessibleName(/^Not met/);
  await page.getByRole('tab', { name: 'Components' }).click();
  await page.getByRole('button', { name: 'Add Cache', exact: true }).click();
  await node(page, 'Redirector', 'Service').click();
  await page.getByRole('combobox', { name: 'Connect Redirector to' }).selectOption({ label: 'Cache (Cache)' });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('tab', { name: 'Problem' }).click();
  await expect(cacheItem).toHaveAccessibleName(/^Met/);

  // Hints unlock one at a time.
  const hints = page.getByRole('region', { name: 'Hints' });
  await hints.getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await hints.getByRole('button', { name: 'Show hint 2 of 3' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(2);

  // Compare with the reference.
  await page.getByRole('button', { name: 'Compare with the reference' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your design and the reference' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Reference: 100 / 100');
  await expect(dialog.getByRole('figure', { name: /Reference design/ }).locator('.react-flow__edge').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Close the comparison' }).click();

  // The best score is kept and shown in the index.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Problems' }).click();
  await expect(page.getByRole('article', { name: 'Design a URL shortener' })).toContainText(/Best score: \d+/);
});
