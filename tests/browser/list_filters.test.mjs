// The lists filtered by coalition, on the demo programme: the filter is a search field (never a
// select of every coalition), reached and filled with the keyboard alone; the list then says which
// coalition it is narrowed to, or, next to the field, that the words name none. Axe-clean, light,
// and without sideways scrolling at 320, 768 and 1280 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { checkA11y, expectLight, pressOn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser({ demo: true });

// Types `words` into the coalition field reached by Tab and presses Enter: the list comes back (200).
async function filterBy(page, words) {
  const field = page.getByRole('searchbox', { name: /^Coalition/ });
  await pressOn(page, field, 100);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(words);
  const sent = (u) => new URL(u).searchParams.get('coalition') === words;
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && sent(r.url())),
    page.keyboard.press('Enter'),
  ]);
  assert.equal(answer.status(), 200);
  await page.waitForURL((u) => sent(u.href));
  await page.waitForLoadState();
  return field;
}

describe('the coalition filter of the lists', () => {
  let page;
  before(async () => {
    page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  });
  after(async () => page?.context().close());

  it('narrows the programme roadmap to the coalition whose words were typed', async () => {
    await page.goto('/feuille-de-route');
    assert.equal(await page.locator('select[name="coalition"], option[value="algorithmes-ia-publics-exemplaires"]')
      .count(), 0, 'no select of every coalition');
    assert.match(await page.getByRole('main').innerText(), /Atelier territorial avec le CNES/);
    const field = await filterBy(page, 'algorithmes exemplaires');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('coalition'), 'algorithmes exemplaires', page.url());
    assert.equal(await field.inputValue(), 'algorithmes exemplaires', 'the words are kept');
    const status = page.getByRole('status');
    assert.match(await status.innerText(), /coalition 6 · Pour des algorithmes et systèmes d.IA publics exemplaires/);
    assert.ok(await status.getByRole('link', { name: /^coalition 6 ·/ }).isVisible());
    const main = await page.getByRole('main').innerText();
    assert.match(main, /Identifier et documenter trois ou quatre cas d.usage exemplaires/);
    assert.doesNotMatch(main, /Atelier territorial avec le CNES/, 'another coalition’s action is left out');
    await checkA11y(page, 'programme roadmap narrowed to one coalition');
    await expectLight(page, url.pathname + url.search);
  });

  it('says next to the field when the words name no coalition, and lists nothing', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto('/evenements');
    await filterBy(page, 'zzz introuvable');
    const field = page.getByRole('searchbox', { name: /^Coalition/ });
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#f-coalition-error').innerText(), /Aucune coalition ne porte ce numéro ni ces mots/);
    assert.match(await page.getByRole('status').innerText(), /aucune coalition ne correspond à « zzz introuvable »/);
    await checkA11y(page, 'events list, words naming no coalition');
    const url = new URL(page.url());
    await expectLight(page, url.pathname + url.search, [320]);
  });
});
