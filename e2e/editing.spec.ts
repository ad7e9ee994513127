import { expect, test } from '@playwright/test';
import { shopDesign } from './fixtures/designs.ts';
import { node, openCanvas, savedDesign, seedDesign } from './support.ts';

test.beforeEach(async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
});

test('properties are validated as they are typed and saved when valid', async ({ page }) => {
  // Select the gateway -> orders call from the gateway's connection list.
  await node(page, 'Gateway', 'API gateway').click();
  await page.getByRole('list', { name: 'Connections of Gateway' }).getByRole('button', { name: 'HTTP request from Gateway to Orders' }).click();

  const timeout = page.getByRole('textbox', { name: 'Timeout (ms)' });
  await timeout.fill('-5');
  await expect(timeout).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Timeout must be a positive number.')).toBeVisible();
  await timeout.fill('abc');
  await expect(page.getByText('Timeout must be a number.')).toBeVisible();
  await timeout.fill('2500');
  await expect(timeout).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('group', { name: 'HTTP request from Gateway to Orders' })).toContainText('timeout 2.5 s');

  await page.getByRole('textbox', { name: 'Attempts' }).fill('3');
  await page.getByRole('combobox', { name: 'Backoff between attempts' }).selectOption('exponential');
  await page.getByRole('checkbox', { name: 'Jitter (randomise the delay)' }).check();
  await page.getByRole('checkbox', { name: 'Circuit breaker' }).check();
  await page.getByRole('combobox', { name: 'Protocol' }).selectOption('grpc');
  await expect(page.getByRole('group', { name: 'gRPC request from Gateway to Orders' })).toContainText('gRPC · timeout 2.5 s · 3 tries · breaker');

  // A component's name must not be empty; the old name stays until a valid one is typed.
  await node(page, 'Orders', 'Service').click();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('');
  await expect(page.getByText('Name must not be empty.')).toBeVisible();
  await expect(node(page, 'Orders', 'Service')).toBeVisible();
  await name.fill('Checkout');
  await page.getByRole('textbox', { name: 'Instances' }).fill('3');
  await page.getByRole('textbox', { name: 'Responsibilities' }).fill('orders, payments');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Responsibilities' }).getByRole('listitem')).toHaveText(['orders', 'payments']);

  const design = await savedDesign(page);
  const call = design.edges.find((e) => e.id === 'e2');
  expect(call).toMatchObject({ family: 'sync', protocol: 'grpc', timeoutMs: 2500, circuitBreaker: true, retry: { maxAttempts: 3, backoff: 'exponential', jitter: true } });
  expect(design.nodes.find((n) => n.id === 'orders')).toMatchObject({ name: 'Checkout', instances: 3, responsibilities: ['orders', 'payments'] });
});

test('undo and redo step through changes, and typing a value is one step', async ({ page }) => {
  await node(page, 'Orders', 'Service').click();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('');
  await name.pressSequentially('Billing');
  await expect(node(page, 'Billing', 'Service')).toBeVisible();
  await page.getByRole('button', { name: 'Delete component' }).click();
  await expect(node(page, 'Billing', 'Service')).toHaveCount(0);
  await expect(node(page, 'orders-db', 'Relational database')).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Billing', 'Service')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Billing reads and writes orders-db' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Orders', 'Service')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(node(page, 'Billing', 'Service')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+y');
  await expect(node(page, 'Billing', 'Service')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(node(page, 'Billing', 'Service')).toBeVisible();
});

test('copy, paste and duplicate keep connections between copied components', async ({ page }) => {
  await node(page, 'Orders', 'Service').click();
  await node(page, 'orders-db', 'Relational database').click({ modifiers: ['Shift'] });
  await expect(page.getByText('2 elements selected')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(node(page, 'Orders 2', 'Service')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Orders 2 reads and writes orders-db 2' })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+d');
  await expect(node(page, 'Orders 3', 'Service')).toBeVisible();
  const design = await savedDesign(page);
  expect(design.nodes).toHaveLength(8);
  expect(design.edges).toHaveLength(5);
});

test('select all, drag a box, move with arrow keys, delete', async ({ page }) => {
  await page.getByRole('main', { name: 'Canvas' }).click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByText('7 elements selected')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('4 components, 3 connections')).toBeVisible();

  // Drag a selection box around the first two components.
  const web = await node(page, 'Web', 'Web client').boundingBox();
  const gw = await node(page, 'Gateway', 'API gateway').boundingBox();
  if (!web || !gw) throw new Error('nodes not on screen');
  // Around both boxes, inside the canvas and clear of the panel resizers on its edges (Fit view leaves only
  // 16 px around the design).
  const canvas = (await page.getByRole('main', { name: 'Canvas' }).boundingBox())!;
  const left = Math.max(canvas.x + 10, Math.min(web.x, gw.x) - 20);
  const top = Math.max(canvas.y + 10, Math.min(web.y, gw.y) - 30);
  const right = Math.min(canvas.x + canvas.width - 10, Math.max(web.x + web.width, gw.x + gw.width) + 20);
  const bottom = Math.min(canvas.y + canvas.height - 10, Math.max(web.y + web.height, gw.y + gw.height) + 30);
  await page.mouse.move(left, top);
  await page.mouse.down();
  await page.mouse.move(right, bottom, { steps: 8 });
  await page.mouse.up();
  // The two components and the connection between them.
  await expect(page.getByText(/^[34] elements selected$/)).toBeVisible();

  const before = await savedDesign(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await savedDesign(page)).nodes.find((n) => n.id === 'web')?.position.x).toBe((before.nodes.find((n) => n.id === 'web')?.position.x ?? 0) + 32);
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: /Deleted/ })).toBeVisible();
  await expect(node(page, 'Web', 'Web client')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(node(page, 'Web', 'Web client')).toBeVisible();
});

test('auto-layout puts a chain in reading order, in the direction it announces, and is one undo step', async ({ page }) => {
  await node(page, 'orders-db', 'Relational database').click();
  // Scatter: move the database far away with large keyboard steps.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Laid out the design' });
  await expect(status).toBeVisible();
  const said = (await status.textContent())!;
  const across = said.includes('from left to right');
  // "Row after row" (or "column after column"): the chain reads along a row, then goes on in the next one.
  const wrapped = /row after row|column after column/.test(said);
  const design = await savedDesign(page);
  const at = (id: string) => design.nodes.find((n) => n.id === id)!.position;
  const along = (id: string) => at(id)[across ? 'x' : 'y'];
  const aside = (id: string) => at(id)[across ? 'y' : 'x'];
  const order = ['web', 'gw', 'orders', 'db'].sort((a, b) => (wrapped ? aside(a) - aside(b) || along(a) - along(b) : along(a) - along(b)));
  expect(order).toEqual(['web', 'gw', 'orders', 'db']);
  if (!wrapped) expect(new Set(['web', 'gw', 'orders', 'db'].map(aside)).size).toBe(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await savedDesign(page)).nodes.find((n) => n.id === 'db')?.position.y).toBeGreaterThan(300);
});

test('group components into a boundary, add a note; both survive a reload', async ({ page }) => {
  await node(page, 'Orders', 'Service').click();
  await node(page, 'orders-db', 'Relational database').click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: 'Group into boundary', exact: true }).first().click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Ordering');
  await expect(page.getByRole('group', { name: 'Ordering, boundary' })).toBeVisible();
  await page.keyboard.press('Escape'); // leaves the field
  await page.keyboard.press('Escape'); // clears the selection
  await page.keyboard.press('n');
  await page.getByRole('textbox', { name: 'Text' }).fill('Orders owns its data');
  await expect(page.getByRole('group', { name: 'Note: Orders owns its data' })).toBeVisible();
  const design = await savedDesign(page);
  expect(design.groups).toHaveLength(1);
  expect(design.nodes.filter((n) => n.groupId === design.groups[0]?.id).map((n) => n.id).sort()).toEqual(['db', 'orders']);
  await page.reload();
  await openCanvas(page);
  await expect(page.getByRole('group', { name: 'Ordering, boundary' })).toBeVisible();
  await expect(node(page, 'Orders', 'Service')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Note: Orders owns its data' })).toBeVisible();
});

test('the minimap draws the design, follows a move, pans the view when dragged and zooms when scrolled', async ({ page }) => {
  const minimap = page.getByRole('img', { name: /^Minimap/ });
  const picture = () => minimap.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  const painted = () =>
    minimap.evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return count;
    });
  await expect.poll(painted).toBeGreaterThan(500);

  // Moving a component redraws the overview.
  const before = await picture();
  await node(page, 'orders-db', 'Relational database').click();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect.poll(picture).not.toBe(before);

  // Dragging inside the minimap moves the view the same way; the canvas content moves the other way.
  const component = node(page, 'Orders', 'Service');
  const start = (await component.boundingBox())!;
  const box = (await minimap.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10, { steps: 4 });
  await page.mouse.up();
  const panned = (await component.boundingBox())!;
  expect(panned.x).toBeLessThan(start.x - 20);
  expect(panned.y).toBeLessThan(start.y - 5);
  expect(panned.width).toBeCloseTo(start.width, 0);

  await minimap.hover();
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await component.boundingBox())!.width).toBeGreaterThan(start.width * 1.2);

  await page.getByRole('button', { name: 'Minimap' }).click();
  await expect(minimap).toHaveCount(0);
});
