// A refused form keeps what the person typed and says what is wrong next to each field and in a
// summary; the language switch keeps the person on the page they were reading.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { MEMBER, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

// What assistive technology is told about a field: its invalid state, the texts its
// aria-describedby points to, and whether the error text sits in the field's own block.
async function fieldState(field) {
  return field.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const described = ids.map((id) => {
      const target = document.getElementById(id);
      return {
        id,
        exists: Boolean(target),
        text: target ? target.textContent.trim() : '',
        isError: Boolean(target && target.classList.contains('error')),
        sameBlock: Boolean(target && target.closest('.field') && target.closest('.field') === el.closest('.field')),
      };
    });
    return { id: el.id, value: el.value, invalid: el.getAttribute('aria-invalid'), described };
  });
}

async function submit(page, name) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('main').getByRole('button', { name }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

// Asserts the field is marked invalid, described by an error next to it saying `message`, and
// that the summary links to it with the same message.
async function assertErrorShown(page, field, message) {
  const state = await fieldState(field);
  assert.equal(state.invalid, 'true', `${state.id} is marked aria-invalid`);
  const error = state.described.find((d) => d.isError);
  assert.ok(error, `${state.id} is described by an error: ${JSON.stringify(state.described)}`);
  assert.ok(state.described.every((d) => d.exists), `every id in aria-describedby of ${state.id} exists`);
  assert.ok(error.text.includes(message), `the error of ${state.id} says "${message}", not "${error.text}"`);
  assert.ok(error.sameBlock, `the error of ${state.id} is shown next to its field`);
  const link = page.getByRole('alert').getByRole('link', { name: message });
  assert.equal(await link.count(), 1, `the summary lists "${message}"`);
  assert.equal(await link.getAttribute('href'), `#${state.id}`, `the summary links "${message}" to its field`);
}

async function assertNoError(field) {
  const state = await fieldState(field);
  assert.equal(state.invalid, null, `${state.id} is not marked invalid`);
  assert.ok(!state.described.some((d) => d.isError), `${state.id} has no error`);
}

describe('a refused sign-up', () => {
  let page;
  before(async () => { page = await env.newPage(); });
  after(async () => page?.context().close());

  it('answers 422, keeps the name, e-mail and organisation typed, and never echoes the password', async () => {
    await page.goto('/inscription');
    await page.getByLabel('Votre nom', { exact: true }).fill('Ada « Lovelace » <b>');
    await page.getByLabel('Adresse électronique').fill('ada-at-example');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmation du mot de passe').fill('court');
    await page.getByLabel('Nom de l’organisation').fill('Nouvelle Coopérative & Cie');
    const response = await submit(page, 'Créer mon compte');

    assert.equal(response.status(), 422);
    assert.equal(new URL(page.url()).pathname, '/inscription');
    assert.equal(await page.getByLabel('Votre nom', { exact: true }).inputValue(), 'Ada « Lovelace » <b>');
    assert.equal(await page.getByLabel('Adresse électronique').inputValue(), 'ada-at-example');
    assert.equal(await page.getByLabel('Nom de l’organisation').inputValue(), 'Nouvelle Coopérative & Cie');
    assert.equal(await page.getByLabel('Mot de passe', { exact: true }).inputValue(), '');
    assert.equal(await page.getByLabel('Confirmation du mot de passe').inputValue(), '');
    assert.ok(!(await response.text()).includes('court"'), 'the password is not in the page');
  });

  it('shows each error next to its field, tied to it by aria-describedby, and in the summary', async () => {
    await assertErrorShown(page, page.getByLabel('Adresse électronique'),
      'Saisissez une adresse électronique de la forme nom@exemple.org.');
    await assertErrorShown(page, page.getByLabel('Mot de passe', { exact: true }),
      'Le mot de passe doit comporter au moins 10 caractères.');
    await assertErrorShown(page, page.getByLabel('Type d’organisation'), 'Choisissez le type d’organisation.');
    await assertNoError(page.getByLabel('Votre nom', { exact: true }));
    await assertNoError(page.getByLabel('Nom de l’organisation'));
  });

  it('keeps the hint of a field in its description next to the error', async () => {
    const state = await fieldState(page.getByLabel('Mot de passe', { exact: true }));
    assert.deepEqual(state.described.map((d) => d.text),
      ['Au moins 10 caractères.', 'Erreur : Le mot de passe doit comporter au moins 10 caractères.']);
  });

  it('counts the problems in the summary heading, and each summary link leads to its field', async () => {
    const summary = page.getByRole('alert');
    assert.equal(await summary.getByRole('heading').innerText(), 'Il y a 3 problèmes à corriger');
    await summary.getByRole('link', { name: 'Saisissez une adresse électronique de la forme nom@exemple.org.' }).click();
    assert.ok(await page.getByLabel('Adresse électronique').evaluate((el) => el === document.activeElement),
      'following the summary link puts the focus in the field');
  });

  it('marks only the confirmation when the two passwords differ', async () => {
    await page.goto('/inscription');
    await page.getByLabel('Votre nom', { exact: true }).fill('Ada Lovelace');
    await page.getByLabel('Adresse électronique').fill('ada@example.org');
    await page.getByLabel('Mot de passe', { exact: true }).fill('une-phrase-assez-longue');
    await page.getByLabel('Confirmation du mot de passe').fill('une-autre-phrase-longue');
    const response = await submit(page, 'Créer mon compte');
    assert.equal(response.status(), 422);
    await assertErrorShown(page, page.getByLabel('Confirmation du mot de passe'), 'Les deux mots de passe sont différents.');
    await assertNoError(page.getByLabel('Mot de passe', { exact: true }));
    await assertNoError(page.getByLabel('Adresse électronique'));
    assert.equal(await page.getByRole('alert').getByRole('heading').innerText(), 'Il y a 1 problème à corriger');
  });

  it('shows the errors in English after switching language', async () => {
    await page.goto('/langue/en?retour=/inscription');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForLoadState();
    await assertErrorShown(page, page.getByLabel('Your name', { exact: true }), 'Enter your name.');
    await assertErrorShown(page, page.getByLabel('E-mail address'), 'Enter your e-mail address.');
    const state = await fieldState(page.getByLabel('Your name', { exact: true }));
    assert.match(state.described.find((d) => d.isError).text, /^Error: /);
  });
});

describe('a refused sign-in', () => {
  it('answers 422, keeps the e-mail address and says the password or address is wrong', async () => {
    const page = await env.newPage();
    await page.goto('/connexion');
    await page.getByLabel('Adresse électronique').fill(MEMBER.email);
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
    const response = await submit(page, 'Se connecter');
    assert.equal(response.status(), 422);
    assert.equal(await page.getByLabel('Adresse électronique').inputValue(), MEMBER.email);
    assert.equal(await page.getByLabel('Mot de passe').inputValue(), '');
    await assertErrorShown(page, page.getByLabel('Mot de passe'), 'Adresse électronique ou mot de passe incorrect.');
    await page.context().close();
  });
});

describe('the language switch', () => {
  let page;
  before(async () => { page = await env.newPage(); });
  after(async () => page?.context().close());

  it('shows the current page, with its query, in English, then back in French', async () => {
    await page.goto('/organisations?type=association-tech');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    await Promise.all([page.waitForURL('**/organisations?type=association-tech'),
      page.getByRole('link', { name: 'English' }).click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.getByLabel(/^Kind\b/).inputValue(), 'association-tech', 'the filter is kept');
    assert.ok(await page.getByRole('button', { name: 'Filter' }).isVisible());

    await Promise.all([page.waitForURL('**/organisations?type=association-tech'),
      page.getByRole('link', { name: 'Français' }).click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.ok(await page.getByRole('button', { name: 'Filtrer' }).isVisible());
  });

  it('marks the link to the other language with that language', async () => {
    await page.goto('/connexion');
    const english = page.getByRole('link', { name: 'English' });
    assert.equal(await english.getAttribute('lang'), 'en');
    assert.equal(await english.getAttribute('hreflang'), 'en');
  });

  it('keeps the page not found as it was', async () => {
    await page.goto('/une/page/absente');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/une/page/absente');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Page not found');
    await page.getByRole('link', { name: 'Français' }).click();
    await page.waitForURL('**/une/page/absente');
  });

  it('never sends the person to another site', async () => {
    for (const retour of ['//example.org/', '/\\example.org', 'https://example.org/']) {
      // Only the redirect is looked at: nothing is fetched from outside.
      const response = await page.request.get(`/langue/en?retour=${encodeURIComponent(retour)}`, { maxRedirects: 0 });
      assert.equal(response.status(), 303, `redirects for ${retour}`);
      assert.equal(response.headers().location, '/', `${retour} is replaced by the home page`);
    }
  });
});
