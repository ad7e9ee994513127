import { expect, test } from '@playwright/test';
import { node, openCanvas, savedDesign } from './support.ts';

test('a design can be built with the keyboard alone', async ({ page }) => {
  await openCanvas(page);
  // "/" searches the palette; Enter adds the first match and the keyboard moves to the new component.
  const add = async (query: string, name: string, kind: string) => {
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search components' })).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    await expect(node(page, name, kind)).toBeFocused();
  };
  await add('web client', 'Web client', 'Web client');
  await add('gateway', 'API gateway', 'API gateway');
  await add('service', 'Service', 'Service');
  await add('postgres', 'Relational database', 'Relational database');
  await add('kafka', 'Event stream / topic', 'Event stream / topic');

  // Escape leaves the search for the canvas, without adding anything.
  await page.keyboard.press('/');
  await page.keyboard.type('queue');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox', { name: 'Search components' })).not.toBeFocused();
  await expect(node(page, 'Event stream / topic', 'Event stream / topic')).toBeFocused();
  await expect(page.getByRole('group', { name: /, Message queue$/ })).toHaveCount(0);

  // Rename the selected topic from the inspector, by keyboard.
  await page.getByRole('textbox', { name: 'Name' }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('order-events');
  await expect(node(page, 'order-events', 'Event stream / topic')).toBeVisible();

  // Connect each pair: focus a component, C puts the keyboard on "Connect … to", pick the other end,
  // Enter connects, and the keyboard moves to the new connection.
  const connect = async (from: string, fromKind: string, toOption: string, connection: string) => {
    await node(page, from, fromKind).focus();
    await page.keyboard.press('c');
    const list = page.getByRole('combobox', { name: `Connect ${from} to` });
    await expect(list).toBeFocused();
    await list.selectOption({ label: toOption });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Connected ${from}` })).toBeVisible();
    await expect(page.getByRole('group', { name: connection })).toBeFocused();
  };
  await connect('Web client', 'Web client', 'API gateway (API gateway)', 'HTTP request from Web client to API gateway');
  await connect('API gateway', 'API gateway', 'Service (Service)', 'HTTP request from API gateway to Service');
  await connect('Service', 'Service', 'Relational database (Relational database)', 'Service reads and writes Relational database');
  // The Connect button works too.
  await node(page, 'Service', 'Service').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Connect Service to' }).selectOption({ label: 'order-events (Event stream / topic)' });
  await page.getByRole('button', { name: 'Connect', exact: true }).press('Enter');
  await expect(page.getByRole('group', { name: 'Service publishes to order-events' })).toBeFocused();

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

test('"/" reaches the component search from a problem, with the Problem tab in front or the panels hidden', async ({ page }) => {
  await page.goto('/problems/url-shortener');
  const search = page.getByRole('searchbox', { name: 'Search components' });
  await expect(page.getByRole('tab', { name: 'Problem' })).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').focus();
  // Typed at once after "/": every letter reaches the search.
  await page.keyboard.press('/');
  await page.keyboard.type('redis');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('redis');
  await expect(page.getByRole('tab', { name: 'Components' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(node(page, 'Cache', 'Cache')).toBeFocused();

  // Focus mode hides the panels; "/" brings the side panel back with the search focused.
  await page.keyboard.press('f');
  await expect(search).toBeHidden();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
});
