import { expect, test } from '@playwright/test';
import { node, openCanvas, savedDesign } from './support.ts';

test('a design can be built with the keyboard alone', async ({ page }) => {
  await openCanvas(page);
  const add = async (query: string) => {
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search components' })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape'); // leave the search box; the new component stays selected
  };
  await add('web client');
  await add('gateway');
  await add('service');
  await add('postgres');
  await add('kafka');
  await expect(page.getByRole('group', { name: /, Event stream \/ topic$/ })).toBeVisible();

  // Rename the selected topic from the inspector, by keyboard.
  await page.getByRole('textbox', { name: 'Name' }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('order-events');
  await expect(node(page, 'order-events', 'Event stream / topic')).toBeVisible();

  // Connect each pair through the inspector: select a component with Tab + Enter, then "Connect to".
  const connect = async (from: string, fromKind: string, toOption: string) => {
    await node(page, from, fromKind).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(from);
    await page.getByRole('combobox', { name: `Connect ${from} to` }).focus();
    await page.getByRole('combobox', { name: `Connect ${from} to` }).selectOption({ label: toOption });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Connected ${from}` })).toBeVisible();
  };
  await connect('Web client', 'Web client', 'API gateway (API gateway)');
  await connect('API gateway', 'API gateway', 'Service (Service)');
  await connect('Service', 'Service', 'Relational database (Relational database)');
  await connect('Service', 'Service', 'order-events (Event stream / topic)');

  const design = await savedDesign(page);
  expect(design.nodes).toHaveLength(5);
  expect(design.edges.map((e) => `${e.family}`).sort()).toEqual(['async', 'data', 'sync', 'sync']);
  await expect(page.getByRole('group', { name: 'Service publishes to order-events' })).toBeVisible();

  // Keyboard shortcuts: the cheat sheet opens with ? and closes with Escape.
  await page.locator('body').focus();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});
