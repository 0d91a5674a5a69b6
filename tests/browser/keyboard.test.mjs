// Everything can be done with the keyboard alone: signing up (and confirming the address from the
// mailed link), signing out and in again, skipping
// the header, and always seeing where the focus is.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { linkIn, readMail, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

const PERSON = {
  name: 'Camille Clavier',
  email: 'camille.clavier@example.org',
  password: 'sans-souris-jamais-42',
  organisation: 'Coopérative du Clavier',
};

async function isFocused(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

async function describeFocus(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    const label = el.labels?.[0]?.textContent ?? el.textContent ?? '';
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> ${label.trim().slice(0, 60)}`;
  });
}

// Presses Tab until `target` has the focus, failing after `max` presses; resolves to the number of presses.
async function tabTo(page, target, max = 25) {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return presses;
  }
  assert.fail(`${max} presses of Tab never reached ${target}; the focus is on ${await describeFocus(page)}`);
}

// From a form field that has the focus, the next field is exactly one Tab away.
async function tabToNext(page, target) {
  const presses = await tabTo(page, target, 3);
  assert.equal(presses, 1, `the next field after one Tab should be ${target}, not ${await describeFocus(page)}`);
}

describe('signing up, out and in with the keyboard alone', () => {
  let page;
  before(async () => { page = await env.newPage(); });
  after(async () => page?.context().close());

  it('a person signs up by tabbing from field to field, typing, and pressing Enter on the button', async () => {
    await page.goto('/inscription');
    const name = page.getByLabel('Votre nom', { exact: true });
    const email = page.getByLabel('Adresse électronique');
    const password = page.getByLabel('Mot de passe', { exact: true });
    const confirmation = page.getByLabel('Confirmation du mot de passe');
    const organisation = page.getByLabel('Nom de l’organisation');
    const kind = page.getByLabel('Type d’organisation');
    const submit = page.getByRole('button', { name: 'Créer mon compte' });

    await tabTo(page, name);
    await page.keyboard.type(PERSON.name);
    await tabToNext(page, email);
    await page.keyboard.type(PERSON.email);
    await tabToNext(page, password);
    await page.keyboard.type(PERSON.password);
    await tabToNext(page, confirmation);
    await page.keyboard.type(PERSON.password);
    await tabToNext(page, organisation);
    await page.keyboard.type(PERSON.organisation);
    await tabToNext(page, kind);
    // On a closed select, typing the start of an option's label chooses it.
    await page.keyboard.type('Assoc');
    assert.equal(await kind.inputValue(), 'association-tech');
    await tabToNext(page, submit);
    await Promise.all([page.waitForURL('**/inscription/envoyee'), page.keyboard.press('Enter')]);

    // The link of the mailed confirmation leads to one button, pressed with the keyboard.
    const mail = await readMail(env.mailDir, PERSON.email);
    await page.goto(linkIn(mail, '/inscription/confirmer'));
    await tabTo(page, page.getByRole('main').getByRole('button', { name: 'Confirmer mon adresse' }));
    await Promise.all([page.waitForURL('**/compte'), page.keyboard.press('Enter')]);

    assert.equal(new URL(page.url()).pathname, '/compte');
    assert.equal(await page.getByLabel('Votre nom', { exact: true }).inputValue(), PERSON.name);
    assert.match(await page.getByRole('main').innerText(), new RegExp(PERSON.email.replace(/\./g, '\\.')));
    const mine = page.getByRole('region', { name: 'Mes organisations' });
    assert.ok(await mine.getByRole('link', { name: PERSON.organisation }).isVisible(),
      'the new organisation is listed among theirs');
  });

  it('the person signs out with the keyboard alone', async () => {
    await page.goto('/compte');
    await tabTo(page, page.getByRole('button', { name: 'Se déconnecter' }));
    await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.keyboard.press('Enter')]);
    assert.ok(await page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Se connecter' }).isVisible(),
      'the header offers to sign in again');
  });

  it('the person signs in again with the keyboard alone', async () => {
    await tabTo(page, page.getByRole('navigation', { name: 'Compte' }).getByRole('link', { name: 'Se connecter' }));
    await Promise.all([page.waitForURL('**/connexion'), page.keyboard.press('Enter')]);
    await tabTo(page, page.getByLabel('Adresse électronique'));
    await page.keyboard.type(PERSON.email);
    await tabToNext(page, page.getByLabel('Mot de passe'));
    await page.keyboard.type(PERSON.password);
    await tabToNext(page, page.getByRole('main').getByRole('button', { name: 'Se connecter' }));
    await Promise.all([page.waitForURL('**/compte'), page.keyboard.press('Enter')]);
    assert.equal(await page.getByLabel('Votre nom', { exact: true }).inputValue(), PERSON.name);
  });
});

describe('finding one’s way with the keyboard', () => {
  let page;
  before(async () => { page = await env.newPage(); });
  after(async () => page?.context().close());

  for (const path of ['/', '/organisations', '/inscription', '/connexion', '/page-absente']) {
    it(`on ${path}, the first Tab stop is the skip link, which moves the focus to the main content`, async () => {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Aller au contenu' });
      assert.ok(await isFocused(skip), `the first Tab stop is ${await describeFocus(page)}`);
      const box = await skip.boundingBox();
      const viewport = page.viewportSize();
      assert.ok(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width,
        `the focused skip link is on screen (${JSON.stringify(box)})`);
      await page.keyboard.press('Enter');
      assert.ok(await isFocused(page.getByRole('main')), `after Enter the focus is on ${await describeFocus(page)}`);
      // The next Tab goes into the main content, not back to the header.
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)),
        `the Tab after the skip link lands in main, not on ${await describeFocus(page)}`);
    });
  }

  it('a link focused with the keyboard shows a visible focus outline', async () => {
    await page.goto('/');
    const home = page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Accueil' });
    await tabTo(page, home);
    const style = await home.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor };
    });
    assert.notEqual(style.outlineStyle, 'none', `outline: ${JSON.stringify(style)}`);
    assert.ok(style.outlineWidth >= 2, `the outline is at least 2px wide: ${JSON.stringify(style)}`);
  });

  it('a button and a field focused with the keyboard show a visible focus outline', async () => {
    await page.goto('/connexion');
    for (const target of [page.getByLabel('Adresse électronique'),
      page.getByRole('main').getByRole('button', { name: 'Se connecter' })]) {
      await tabTo(page, target);
      const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      assert.notEqual(outline, 'none', `${target} has no focus outline`);
    }
  });
});
