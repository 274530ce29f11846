import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { strayLatin } from '../../web/src/i18n/latin.ts';
import { signIn } from './support/browser.ts';
import { uiTexts } from './support/dom-text.ts';
import { chromiumMissing, openHarness, type Harness } from './support/harness.ts';

const skip = chromiumMissing();

/** Changes a record through the API with the page's own session, as another desk would. */
async function patchElsewhere(page: Page, id: string, patch: Record<string, unknown>): Promise<number> {
  return page.evaluate(async ({ id, patch }) => {
    const current = (await (await fetch(`/api/incidents/${id}`)).json()) as { version: number };
    const r = await fetch(`/api/incidents/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version: current.version, ...patch }) });
    return r.status;
  }, { id, patch });
}

describe('incident desk (Arabic, Peshmerga watch officer)', { skip }, () => {
  let h: Harness;
  let page: Page;
  const title = `هجوم مسلح على قرية خضر جيجة ${Date.now() % 100_000}`;

  before(async () => {
    h = await openHarness();
    page = await (await h.browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    await signIn(page, h.url, 'peshmerga-watch', 'ar');
    await page.locator('[data-nav=desk]').click();
    await page.locator('[data-testid=desk] [data-testid=queue]').waitFor({ timeout: 20_000 });
  });
  after(async () => {
    await h?.close();
  });

  const form = () => page.locator('form.incident-form').first();

  it('names missing and refused fields next to them, in Arabic', async () => {
    await form().locator('button[type=submit]').click();
    assert.equal(await form().locator('[data-field=title] .field-error').textContent(), 'حقل مطلوب.');
    assert.match((await form().locator('[data-field=location] .field-error').first().textContent()) ?? '', /حدد المكان/);
    await form().locator('input[name=coordinates]').fill('35.76, 43.68');
    await form().locator('button[type=submit]').click();
    assert.match((await form().locator('[data-field=location] .field-error').first().textContent()) ?? '', /معكوسان/);
    // Markup passes the form's own checks; the server refuses it and the desk translates its message.
    await form().locator('input[name=title]').fill('<b>هجوم</b>');
    await form().locator('input[name=coordinates]').fill('43.68, 35.76');
    await form().locator('button[type=submit]').click();
    await form().locator('[data-field=title] .field-error').waitFor();
    assert.equal(await form().locator('[data-field=title] .field-error').textContent(), 'نص عادي فقط، دون رموز صفحات الويب.');
  });

  it('logs an incident found by an Arabic place search and shows it in the queue', async () => {
    await form().locator('input[name=title]').fill(title);
    await form().locator('textarea[name=description]').fill('هجوم ليلي على القرية من جهة جبل قرجوغ، وانفجار عبوة على القوة المستجيبة');
    await form().locator('input[name=occurredAt]').fill('2021-12-30T21:15');
    await form().locator('input[name=coordinates]').fill('');
    await form().locator('input[name=placeSearch]').fill('خضر جيجة');
    const hit = form().locator('.place-hits button', { hasText: 'خضر جيجة' }).first();
    await hit.waitFor({ timeout: 10_000 });
    assert.match((await hit.textContent()) ?? '', /Xizr|Khidirjija/, 'the other names are shown as hints');
    await hit.click();
    assert.match(await form().locator('input[name=coordinates]').inputValue(), /^43\.6\d*, 35\.7\d*$/);
    assert.equal(await form().locator('input[name=placeName]').inputValue(), 'خضر جيجة');
    await form().locator('input[name="killed.civilian"]').fill('٣');
    await form().locator('input[name="wounded.peshmerga"]').fill('7');
    await form().locator('select[name=acledEventType]').selectOption('Violence against civilians');
    await form().locator('select[name=acledSubEventType]').selectOption('Attack');
    await form().locator('button[type=submit]').click();
    assert.equal(await form().locator('.notice').textContent(), 'تم تسجيل الحادث.');
    const row = page.locator('[data-testid=queue] li', { hasText: title });
    await row.waitFor({ timeout: 10_000 });
    assert.equal(await page.locator('[data-testid=queue] li').first().textContent().then((t) => t?.includes(title)), true, 'newest first');
    assert.match((await row.textContent()) ?? '', /TLP:AMBER/);
  });

  it('adds a report logged elsewhere to the queue live, without a reload', async () => {
    const other = `بلاغ من مركز آخر ${Date.now() % 100_000}`;
    const status = await page.evaluate(async (title) => {
      const body = { title, occurredAt: '2021-12-31T08:00:00+03:00', location: { type: 'Point', coordinates: [43.6, 35.8] } };
      return (await fetch('/api/incidents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status;
    }, other);
    assert.equal(status, 201);
    await page.locator('[data-testid=queue] li', { hasText: other }).waitFor({ timeout: 15_000 });
  });

  it('shows both versions when someone saved meanwhile, and reloads theirs on request', async () => {
    const row = page.locator('[data-testid=queue] li', { hasText: title });
    await row.locator('button').click();
    const panel = page.locator('[data-testid=incident-panel]');
    await panel.waitFor();
    assert.equal(await panel.locator('.tlp-banner .tlp-label').textContent(), 'TLP:AMBER');
    const id = (await row.locator('button').getAttribute('data-id')) ?? '';
    assert.equal(await patchElsewhere(page, id, { description: 'عدّله مركز آخر' }), 200);
    await panel.locator('input[name=title]').fill(`${title} (معدل)`);
    await panel.locator('form button[type=submit]').click();
    const conflict = panel.locator('[data-testid=conflict]');
    await conflict.waitFor({ timeout: 10_000 });
    assert.match((await conflict.textContent()) ?? '', /حفظ شخص آخر هذا الحادث/);
    assert.match((await conflict.textContent()) ?? '', /عدّله مركز آخر/);
    assert.match((await conflict.textContent()) ?? '', /\(معدل\)/);
    await conflict.locator('button').first().click();
    assert.equal(await panel.locator('textarea[name=description]').inputValue(), 'عدّله مركز آخر');
    assert.equal(await panel.locator('input[name=title]').inputValue(), title);
  });

  it('confirms the report, which then leaves the queue of new reports', async () => {
    const panel = page.locator('[data-testid=incident-panel]');
    await panel.locator('button[data-action=confirmed]').click();
    await panel.locator('.badge.state-confirmed').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid=queue] li', { hasText: title }).waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('leaves no English in the Arabic desk', async () => {
    await page.locator('[data-testid=desk] .desk-queue-head button').click();
    await form().locator('button', { hasText: 'إضافة طرف' }).click();
    await form().locator('button', { hasText: 'إضافة مصدر' }).click();
    const stray = (await uiTexts(page)).flatMap((t) => strayLatin(t).map((w) => `${w} in "${t}"`));
    assert.deepEqual(stray, []);
  });
});
