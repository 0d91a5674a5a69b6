// A visitor finds a territory of the official geography by its name, without accents and with the
// keyboard alone, and reads where it lies and what lies in it; every page passes axe, fits 320 px
// and stays light.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  MEMBER, checkA11y, expectAccessible, expectLight, pressOn, searchTerritories, signIn, tickTerritory, useServerAndBrowser,
} from './support.mjs';

const env = useServerAndBrowser({ territories: true });

describe('a visitor looking for a territory', () => {
  let page;
  before(async () => { page = await env.newPage(); });
  after(async () => page?.context().close());

  it('finds Brest by typing its name, with the keyboard alone', async () => {
    await expectAccessible(page, '/territoires', 'territories');
    assert.match(await page.getByRole('region', { name: 'Régions' }).innerText(), /Bretagne/);
    await pressOn(page, page.getByLabel('Nom ou code d’un territoire'), 40);
    await page.keyboard.type('brest');
    await Promise.all([page.waitForURL('**/territoires?q=brest'), page.keyboard.press('Enter')]);
    assert.match(await page.getByRole('status').innerText(), /territoires? trouvés?/);
    await checkA11y(page, 'territories found');
    const brest = page.getByRole('link', { name: 'Brest', exact: true });
    await pressOn(page, brest, 60);
    await Promise.all([page.waitForURL('**/territoires/29019'), page.keyboard.press('Enter')]);
    await page.getByRole('heading', { level: 1, name: 'Brest' }).waitFor();
    await checkA11y(page, 'Brest');
    // Where it lies, each a link.
    for (const name of ['Bretagne', 'Finistère', 'Brest Métropole'])
      assert.ok(await page.getByRole('link', { name, exact: true }).first().isVisible(), name);
  });

  it('reads a département with its communes, one page at a time, light and within 320 px', async () => {
    // Its HTML alone, before compression, stays under the 30 KB a page may transfer (and passes axe).
    await expectLight(page, '/territoires/29');
    assert.match(await page.getByRole('heading', { level: 2, name: /Communes \(\d+\)/ }).innerText(), /277/);
    await Promise.all([page.waitForURL('**/territoires/29?page=2'),
      page.getByRole('link', { name: 'Page suivante' }).first().click()]);
    await checkA11y(page, 'Finistère, page 2');
  });
});

describe('a member placing their organisation', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, MEMBER.email, MEMBER.password);
  });
  after(async () => page?.context().close());

  it('finds Brest in the form, ticks it and saves, with the keyboard alone', async () => {
    await page.goto('/organisations/nouvelle');
    await page.getByLabel('Nom', { exact: true }).fill('Tiers-lieu du Ponant');
    await page.getByLabel('Type d’organisation').selectOption({ label: 'Association tech' });
    await searchTerritories(page, 'brest', 'organisation form with territories to tick');
    assert.equal(await page.getByLabel('Nom', { exact: true }).inputValue(), 'Tiers-lieu du Ponant');
    await tickTerritory(page, /^Brest Commune/);
    await pressOn(page, page.getByRole('button', { name: 'Ajouter l’organisation' }), 40);
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/organisations/tiers-lieu')),
      page.keyboard.press('Enter')]);
    await page.getByRole('link', { name: 'Brest', exact: true }).waitFor();
    await checkA11y(page, 'organisation placed on Brest');
    // Bretagne's list of organisations holds it.
    await page.goto('/organisations?territoire=bretagne');
    assert.match(await page.getByRole('main').innerText(), /Tiers-lieu du Ponant/);
    await checkA11y(page, 'organisations in Bretagne');
  });
});
