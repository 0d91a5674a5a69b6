// Reuses of the register's datasets: a member declares a reuse with the keyboard alone (the dataset
// found with the form's picker and ticked, a purpose and an audience ticked), then the reuse, the
// list of reuses, the dataset's page and the producer's data page — and the form with its errors —
// pass axe, fit 320 px and stay light.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  ANIMATEUR, MEMBER, checkA11y, createOrganisation, expectAccessible, expectLight, pressOn, signIn, submit, useServerAndBrowser,
} from './support.mjs';

const env = useServerAndBrowser({ territories: true });

describe('a member declaring a reuse', () => {
  let page;
  let reuse;
  let dataset;
  let organisation;
  before(async () => {
    // The producer: a member of Air Breizh adds its dataset (the dataset form has its own test).
    const producer = await env.newPage();
    await signIn(producer, MEMBER.email, MEMBER.password);
    organisation = await createOrganisation(producer, { name: 'Air Breizh', kind: 'Association non-tech' });
    await producer.goto('/donnees/nouvelle');
    await producer.getByLabel('Titre', { exact: true }).fill('Indice de la qualité de l’air à Brest');
    await producer.getByLabel('Description', { exact: true }).fill('L’indice ATMO de chaque jour.');
    await producer.getByLabel('Producteur', { exact: true }).selectOption('air-breizh');
    await producer.getByLabel('Licence', { exact: true }).selectOption('ODbL-1.0');
    await producer.getByLabel('Adresse (URL)').fill('https://data.example.org/indice.csv');
    await producer.getByLabel('Ajouter un territoire').fill('brest');
    await submit(producer, producer.getByRole('button', { name: 'Chercher les territoires' }));
    await producer.getByRole('checkbox', { name: /^Brest Commune/ }).check();
    const saved = await submit(producer, producer.getByRole('button', { name: 'Ajouter le jeu de données' }));
    assert.equal(saved.status(), 303);
    dataset = new URL(producer.url()).pathname;
    await producer.context().close();

    page = await env.newPage();
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('the empty form, then the form with its errors, have no accessibility violation', async () => {
    await expectAccessible(page, '/donnees/reutilisations/nouvelle', 'reuse form');
    await page.getByLabel('Lien vers la réutilisation').fill('ftp://exemple.org');
    const response = await submit(page, page.getByRole('button', { name: 'Déclarer la réutilisation' }));
    assert.equal(response.status(), 422);
    for (const id of ['title', 'description', 'kind', 'jeux', 'url'])
      assert.ok(await page.locator(`#f-${id}-error`).isVisible(), `${id} shows its error`);
    assert.equal(await page.getByLabel('Lien vers la réutilisation').inputValue(), 'ftp://exemple.org');
    await checkA11y(page, 'reuse form with errors');
  });

  it('finds the dataset with the picker, ticks it and declares the reuse, with the keyboard alone', async () => {
    await page.goto('/donnees/reutilisations/nouvelle');
    await pressOn(page, page.getByLabel('Titre', { exact: true }), 40);
    await page.keyboard.type('Un kit de classe sur l’air de Brest');
    await pressOn(page, page.getByLabel('Ajouter un jeu de données'), 10);
    await page.keyboard.type('qualite air');
    const [searched] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter')]);
    assert.equal(searched.status(), 200, 'the search draws the form again, nothing saved');
    await page.waitForLoadState();
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Un kit de classe sur l’air de Brest');
    await checkA11y(page, 'reuse form with datasets to tick');
    const box = page.getByRole('checkbox', { name: /^Indice de la qualité de l’air à Brest/ });
    await pressOn(page, box, 20);
    await page.keyboard.press('Space');
    assert.ok(await box.isChecked());
    await pressOn(page, page.getByLabel('Description', { exact: true }), 20);
    await page.keyboard.type('Des fiches pour lire l’indice du jour avec les élèves.');
    await pressOn(page, page.getByLabel('Type de réutilisation'), 5);
    await page.keyboard.type('Péd');
    assert.equal(await page.getByLabel('Type de réutilisation').inputValue(), 'pedagogie');
    await pressOn(page, page.getByRole('checkbox', { name: 'Enseigner', exact: true }), 10);
    await page.keyboard.press('Space');
    await pressOn(page, page.getByRole('checkbox', { name: 'Enseignants et élèves', exact: true }), 20);
    await page.keyboard.press('Space');
    await pressOn(page, page.getByLabel('Lien vers la réutilisation'), 10);
    await page.keyboard.type('https://kit.example.org/air');
    await pressOn(page, page.getByRole('button', { name: 'Déclarer la réutilisation' }), 30);
    await Promise.all([page.waitForURL((u) => /^\/donnees\/reutilisations\/[0-9]+$/.test(u.pathname)),
      page.keyboard.press('Enter')]);
    await page.getByRole('heading', { level: 1, name: 'Un kit de classe sur l’air de Brest' }).waitFor();
    reuse = new URL(page.url()).pathname;
    assert.ok(await page.getByRole('link', { name: 'Indice de la qualité de l’air à Brest' }).isVisible());
    assert.match(await page.getByRole('main').innerText(), /Enseignants et élèves/);
    // An animateur may answer for the producer.
    assert.ok(await page.getByLabel('Votre réponse, publique').isVisible());
    await checkA11y(page, 'reuse page');
  });

  it('the new pages pass axe, fit 320 px and stay light', async () => {
    for (const path of ['/donnees/reutilisations', '/donnees/reutilisations?type=pedagogie&territoire=bretagne',
      reuse, `${reuse}/modifier`, dataset, '/donnees?reutilise=1', `${organisation}/donnees`])
      await expectLight(page, path);
    await page.goto(dataset);
    assert.match(await page.getByRole('main').innerText(), /Un kit de classe sur l’air de Brest/);
    await page.goto(`${organisation}/donnees`);
    assert.ok(await page.getByRole('table', { name: 'Réutilisations par type' }).isVisible());
  });
});
