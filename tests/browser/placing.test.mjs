// An animateur places a new coalition on Brest with the picker, with the keyboard alone and without
// relying on JavaScript (type, search, tick, save); the coalition is then found under Bretagne, and
// Finistère's page counts it with a link to the list narrowed to it. Every page passes axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  ANIMATEUR, checkA11y, pressOn, searchTerritories, signIn, tickTerritory, useServerAndBrowser,
} from './support.mjs';

const env = useServerAndBrowser({ demo: true, territories: true });

describe('an animateur placing a coalition on territories', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('finds Brest in the form, ticks it and saves, with the keyboard alone', async () => {
    await page.goto('/coalitions/nouvelle');
    await checkA11y(page, 'new coalition form');
    await page.getByLabel('Numéro').fill('99');
    await page.getByLabel('Titre', { exact: true }).fill('Coalition du Ponant');
    await page.getByLabel('Famille').selectOption({ index: 1 });
    await searchTerritories(page, 'brest', 'coalition form with territories to tick');
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Coalition du Ponant');
    await tickTerritory(page, /^Brest Commune/);
    await pressOn(page, page.getByRole('button', { name: 'Enregistrer la fiche' }), 40);
    await Promise.all([page.waitForURL((u) => u.pathname === '/coalitions/coalition-du-ponant'),
      page.keyboard.press('Enter')]);
    await page.getByRole('link', { name: 'Brest', exact: true }).waitFor();
    await checkA11y(page, 'coalition placed on Brest');
  });

  it('finds it in the list narrowed to Bretagne, and on Finistère’s page', async () => {
    await page.goto('/coalitions');
    await pressOn(page, page.getByRole('searchbox', { name: /^Territoire/ }), 40);
    await page.keyboard.type('bretagne');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('territoire') === 'bretagne'), page.keyboard.press('Enter')]);
    assert.match(await page.getByRole('main').innerText(), /Coalition du Ponant/);
    assert.match(await page.getByRole('status').first().innerText(), /Bretagne/);
    await checkA11y(page, 'coalitions in Bretagne');
    const response = await page.goto('/territoires/29');
    assert.ok((await response.body()).length < 30_000, 'Finistère’s page stays under 30 KB');
    const placed = page.getByRole('region', { name: 'Rattachés ici ou à l’intérieur' });
    assert.ok(await placed.getByRole('link', { name: 'Coalition du Ponant' }).isVisible());
    assert.ok(await placed.getByRole('link', { name: /coalitions/ }).first().isVisible());
    await checkA11y(page, 'Finistère with what is placed there');
  });
});
