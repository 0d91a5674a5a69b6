// Data requests: a member asks for data with the keyboard alone (the territory found in the form and
// ticked), someone else adds "me too" with the keyboard alone; the form (empty, then with its
// errors), the request and the list pass axe, fit 320 px and stay light.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, expectAccessible, expectLight, pressOn, searchTerritories, signIn, submit, tickTerritory,
  useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser({ territories: true });

describe('asking for data, then "me too"', () => {
  let page;
  let other;
  let request;
  before(async () => {
    page = await env.newPage();
    await signIn(page, MEMBER.email, MEMBER.password);
    other = await env.newPage();
    await signIn(other, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    await page?.context().close();
    await other?.context().close();
  });

  it('the empty form, then the form with its errors, have no accessibility violation', async () => {
    await expectAccessible(page, '/donnees/demandes/nouvelle', 'data request form');
    const response = await submit(page, page.getByRole('button', { name: 'Envoyer la demande' }));
    assert.equal(response.status(), 422);
    for (const id of ['title', 'description', 'territoires', 'purpose'])
      assert.ok(await page.locator(`#f-${id}-error`).isVisible(), `${id} shows its error`);
    await checkA11y(page, 'data request form with errors');
  });

  it('asks for data with the keyboard alone', async () => {
    await page.goto('/donnees/demandes/nouvelle');
    await pressOn(page, page.getByLabel('Quelles données, en quelques mots'), 40);
    await page.keyboard.type('Bruit routier près des écoles de Brest');
    await pressOn(page, page.getByLabel('Description', { exact: true }), 10);
    await page.keyboard.type('Des mesures de bruit au plus près des écoles, pas seulement les cartes des grands axes.');
    await pressOn(page, page.getByRole('checkbox', { name: 'Bruit', exact: true }), 20);
    await page.keyboard.press('Space');
    await searchTerritories(page, 'brest', 'data request form with territories to tick');
    assert.equal(await page.getByLabel('Quelles données, en quelques mots').inputValue(),
      'Bruit routier près des écoles de Brest', 'the title is kept');
    assert.ok(await page.getByRole('checkbox', { name: 'Bruit', exact: true }).isChecked(), 'the theme stays ticked');
    await tickTerritory(page, /^Brest Commune/);
    await pressOn(page, page.getByLabel('Pourquoi : ce que vous en feriez'), 20);
    await page.keyboard.type('Choisir avec les parents les trajets les plus calmes.');
    await pressOn(page, page.getByLabel(/^Pour qui/), 5);
    await page.keyboard.type('Parents et élèves');
    await pressOn(page, page.getByRole('button', { name: 'Envoyer la demande' }), 10);
    await Promise.all([page.waitForURL((u) => /^\/donnees\/demandes\/[0-9]+$/.test(u.pathname)),
      page.keyboard.press('Enter')]);
    await page.getByRole('heading', { level: 1, name: 'Bruit routier près des écoles de Brest' }).waitFor();
    request = new URL(page.url()).pathname;
    assert.ok(await page.getByRole('link', { name: 'Brest', exact: true }).isVisible());
    await checkA11y(page, 'data request');
  });

  it('someone else says "me too" with the keyboard alone, once', async () => {
    await other.goto(request);
    await pressOn(other, other.getByLabel('Moi aussi : qu’en feriez-vous ?'), 60);
    await other.keyboard.type('Une carte du bruit pour le conseil de quartier.');
    await pressOn(other, other.getByRole('button', { name: 'Moi aussi', exact: true }), 5);
    await Promise.all([other.waitForURL((u) => u.pathname === request && u.search.includes('moi-aussi')),
      other.keyboard.press('Enter')]);
    const main = other.getByRole('main');
    assert.match(await main.innerText(), /Une carte du bruit pour le conseil de quartier\./);
    assert.match(await main.innerText(), /1 autre personne veut ces données/);
    assert.equal(await other.getByLabel('Ce que vous en feriez').inputValue(),
      'Une carte du bruit pour le conseil de quartier.', 'the purpose can be edited');
    await checkA11y(other, 'data request with a "me too"');
    // The requester does not add "me too" to their own request.
    await page.goto(request);
    assert.equal(await page.getByRole('button', { name: 'Moi aussi', exact: true }).count(), 0);
  });

  it('the list and the request pass axe, fit 320 px and stay light', async () => {
    for (const path of ['/donnees/demandes', '/donnees/demandes?territoire=bretagne&theme=bruit', request]) {
      await expectLight(page, path);
    }
    await page.goto('/donnees/demandes?territoire=bretagne');
    assert.match(await page.getByRole('main').innerText(), /Bruit routier près des écoles de Brest/);
    assert.match(await page.getByRole('main').innerText(), /Territoires : Brest/);
  });
});
