// The register of environmental data: a member adds a dataset of their organisation with the
// keyboard alone (the territory found in the form, ticked, a distribution typed), then the register,
// the entry and the form — with its errors shown — pass axe and stay light; the register is filtered by
// a producer typed in words.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { MEMBER, checkA11y, createOrganisation, expectAccessible, expectLight, pressOn, signIn, submit, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser({ territories: true });

describe('a member adding a dataset', () => {
  let page;
  let entry;
  before(async () => {
    page = await env.newPage();
    await signIn(page, MEMBER.email, MEMBER.password);
    await createOrganisation(page, { name: 'Air Breizh', kind: 'Association non-tech' });
  });
  after(async () => page?.context().close());

  it('the empty form, then the form with its errors, have no accessibility violation', async () => {
    await expectAccessible(page, '/donnees/nouvelle', 'dataset form');
    const response = await submit(page, page.getByRole('button', { name: 'Ajouter le jeu de données' }));
    assert.equal(response.status(), 422);
    for (const id of ['title', 'description', 'producer', 'licence', 'territoires', 'dist-1-url'])
      assert.ok(await page.locator(`#f-${id}-error`).isVisible(), `${id} shows its error`);
    await checkA11y(page, 'dataset form with errors');
  });

  it('fills the form, finds Brest, ticks it and saves, with the keyboard alone', async () => {
    await page.goto('/donnees/nouvelle');
    await pressOn(page, page.getByLabel('Titre', { exact: true }), 40);
    await page.keyboard.type('Indice de la qualité de l’air à Brest');
    await pressOn(page, page.getByLabel('Description', { exact: true }), 10);
    await page.keyboard.type('L’indice ATMO de chaque jour pour l’agglomération brestoise.');
    await pressOn(page, page.getByLabel('Producteur', { exact: true }), 10);
    await page.keyboard.type('Air');
    assert.equal(await page.getByLabel('Producteur', { exact: true }).inputValue(), 'air-breizh');
    await pressOn(page, page.getByRole('checkbox', { name: 'Air', exact: true }), 10);
    await page.keyboard.press('Space');
    await pressOn(page, page.getByLabel('Ajouter un territoire'), 20);
    await page.keyboard.type('brest');
    const [searched] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter')]);
    assert.equal(searched.status(), 200, 'the search draws the form again, nothing saved');
    await page.waitForLoadState();
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Indice de la qualité de l’air à Brest');
    assert.ok(await page.getByRole('checkbox', { name: 'Air', exact: true }).isChecked(), 'the theme stays ticked');
    await checkA11y(page, 'dataset form with territories to tick');
    await pressOn(page, page.getByRole('checkbox', { name: /^Brest Commune/ }), 60);
    await page.keyboard.press('Space');
    await pressOn(page, page.getByLabel('Licence', { exact: true }), 20);
    await page.keyboard.type('Open');
    assert.equal(await page.getByLabel('Licence', { exact: true }).inputValue(), 'ODbL-1.0');
    await pressOn(page, page.getByLabel('Adresse (URL)'), 20);
    await page.keyboard.type('https://data.example.org/indice.csv');
    await pressOn(page, page.getByLabel(/^Format/), 5);
    await page.keyboard.type('CSV');
    await pressOn(page, page.getByRole('button', { name: 'Ajouter le jeu de données' }), 60);
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/donnees/indice-de-la-qualite')),
      page.keyboard.press('Enter')]);
    await page.getByRole('heading', { level: 1, name: 'Indice de la qualité de l’air à Brest' }).waitFor();
    entry = new URL(page.url()).pathname;
    assert.ok(await page.getByRole('link', { name: 'Brest', exact: true }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'https://data.example.org/indice.csv' }).isVisible());
    await checkA11y(page, 'dataset page');
  });

  it('the register and the entry pass axe, fit 320 px and stay light', async () => {
    for (const path of ['/donnees', '/donnees?territoire=bretagne&theme=air', entry, `${entry}/modifier`])
      await expectLight(page, path, [320, 1280]);
    await page.goto('/donnees?territoire=bretagne');
    assert.match(await page.getByRole('main').innerText(), /qualité de l’air à Brest/);
  });

  it('the register is filtered by a producer typed in words, not chosen in a list of every producer', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/donnees');
    const field = page.getByLabel(/^Producteur/);
    assert.equal(await field.evaluate((e) => e.tagName), 'INPUT');
    await pressOn(page, field, 40);
    await page.keyboard.type('breizh');
    await Promise.all([page.waitForURL((u) => u.searchParams.has('producteur')), page.keyboard.press('Enter')]);
    assert.match(await page.getByRole('main').getByRole('status').first().innerText(), /produits par Air Breizh/);
    assert.match(await page.getByRole('main').innerText(), /qualité de l’air à Brest/);
    await checkA11y(page, 'register narrowed to one producer');
    await page.goto('/donnees?producteur=personne+ici');
    assert.ok(await page.locator('#f-producteur-error').isVisible(), 'nothing matches: said next to the field');
    assert.doesNotMatch(await page.getByRole('main').innerText(), /qualité de l’air à Brest/);
    await checkA11y(page, 'register whose producer matches nothing');
  });
});
