// The last lists of every coalition or organisation (issue #19), now pickers, walked as a person would
// on the demo programme without JavaScript (the form comes back with the matches, nothing saved): the
// programme slot form picks its coalition and fits 1.5 screens at 1280×900 without scrolling sideways
// at 320 px; a member picks the organisation to join; an animateur the coalition's animating
// organisation and a dataset's producer; an observatory editor the organisation answering for a public
// body. The observatory's public body is a typed filter that says what the list is narrowed to, and
// next to the field what matches nothing (the data register's producer: datasets.test.mjs). Each page
// passes axe (with JavaScript, which axe needs).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, pressOn, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser({ demo: true });

// Presses Enter in the focused field or button of a form; resolves to the response of its POST once
// the page that followed (the form again, or where a save leads) has loaded.
async function post(page) {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),  // the answer comes before the new document is shown
    page.keyboard.press('Enter'),
  ]);
  return answer;
}

// Types `words` into the search box labelled `label` (within `scope`) and presses Enter: the form comes
// back (200), nothing saved.
async function search(page, label, words, scope = page) {
  await scope.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(words);
  assert.equal((await post(page)).status(), 200, 'a search saves nothing: the form again');
}

// Ticks with the space bar the match labelled `name` of the picker whose fieldset is `id`.
async function tick(page, id, name) {
  const box = page.locator(`#${id}-matches`).getByRole('checkbox', { name, exact: true });
  await box.focus();
  await page.keyboard.press('Space');
  assert.ok(await box.isChecked(), `${name} is ticked`);
}

// Focuses `button` and presses Enter; resolves to the response of the POST.
async function send(page, button) {
  await button.focus();
  return post(page);
}

const height = (page) => page.evaluate(() => document.documentElement.scrollHeight);
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// The first demo event's organiser pages.
async function firstEvent(page) {
  await page.goto('/evenements');
  const events = await page.locator('main ul.cards a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(events.length > 0, 'the demo has events');
  return events[0];
}

describe('the programme slot form', () => {
  let page;
  before(async () => {
    page = await env.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('picks its coalition by keyboard alone, in 1.5 screens at 1280×900 and no sideways scroll at 320 px', async () => {
    const event = await firstEvent(page);
    await page.goto(`${event}/programme/nouvelle`);
    assert.equal(await page.locator('select[name=slot_coalition]').count(), 0, 'no list of every coalition');
    assert.ok(await height(page) <= 1.5 * 900, `the form is ${await height(page)} px tall`);
    await page.getByLabel(/^Début/).fill('09:00');
    await page.getByLabel(/^Fin/).fill('09:30');
    await page.getByLabel('Titre', { exact: true }).fill('Ouverture choisie au clavier');

    await search(page, 'Ajouter une coalition', 'donnees environnementales');
    await page.locator('#f-slot_coalition [role=status]').waitFor();  // the search says what it found
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Ouverture choisie au clavier');
    const coalition = page.locator('#f-slot_coalition-matches input[type=checkbox]').first();
    const label = (await page.locator(`label[for="${await coalition.getAttribute('id')}"]`).innerText()).trim();
    await coalition.focus();
    await page.keyboard.press('Space');
    assert.ok(await height(page) <= 1.5 * 900, `the form with the matches is ${await height(page)} px tall`);
    for (const width of [320, 768]) {
      await page.setViewportSize({ width, height: 900 });
      assert.ok(await sideways(page) <= 0, `the form scrolls sideways at ${width} px`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    const saved = await send(page, page.getByRole('button', { name: 'Ajouter la séquence' }));
    assert.equal(saved.status(), 303);
    assert.equal(new URL(page.url()).pathname, `${event}/programme`);
    const edit = page.getByRole('link', { name: 'Modifier Ouverture choisie au clavier' });
    await Promise.all([page.waitForURL((u) => /\/programme\/\d+\/modifier$/.test(u.pathname)), edit.click()]);
    assert.ok(await page.getByRole('checkbox', { name: label, exact: true }).isChecked(), `${label} is the slot’s`);
    assert.ok(await height(page) <= 1.5 * 900, `the edit form is ${await height(page)} px tall`);

    // A second coalition is refused next to the field, what was typed kept, nothing saved.
    await search(page, 'Ajouter une coalition', 'communs');
    await tick(page, 'f-slot_coalition', await page.locator('#f-slot_coalition-matches label').first().innerText());
    const refused = await send(page, page.getByRole('button', { name: 'Enregistrer la séquence' }));
    assert.equal(refused.status(), 422);
    assert.ok(await page.locator('#f-slot_coalition-error').isVisible(), 'the error is next to the picker');
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Ouverture choisie au clavier');
  });

  it('passes axe opened, searched and refused', async () => {
    const js = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(js, ANIMATEUR.email, ANIMATEUR.password);
    const event = await firstEvent(js);
    await js.goto(`${event}/programme/nouvelle`);
    await checkA11y(js, 'new slot form');
    await js.getByText('Intervenant·es à nommer (facultatif)').click();
    assert.ok(await js.getByLabel(/^Intervenant·es ayant un compte/).isVisible(), 'the fold opens');
    await search(js, 'Ajouter une coalition', 'donn');
    await checkA11y(js, 'new slot form with coalitions to tick');
    await js.context().close();
  });
});

describe('a member joining an organisation', () => {
  let page;
  before(async () => {
    page = await env.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await signIn(page, MEMBER.email, MEMBER.password);
  });
  after(async () => page?.context().close());

  it('finds it by a few letters and joins it with the keyboard', async () => {
    await page.goto('/compte');
    const form = page.locator('form[action="/compte/organisations"]');
    assert.equal(await form.locator('select').count(), 0, 'no list of every organisation');
    const none = await send(page, form.getByRole('button', { name: 'Rejoindre' }));
    assert.equal(none.status(), 422, 'nothing ticked is refused');
    assert.ok(await page.locator('#f-organisation-error').isVisible());
    await search(page, 'Ajouter une organisation', 'wikim');
    await tick(page, 'f-organisation', 'Wikimédia France');
    await send(page, page.locator('form[action="/compte/organisations"]').getByRole('button', { name: 'Rejoindre' }));
    assert.equal(new URL(page.url()).pathname, '/compte');
    assert.ok(await page.getByRole('main').getByRole('link', { name: 'Wikimédia France' }).first().isVisible(),
      'listed among the member’s organisations');
  });

  it('passes axe with the matches shown', async () => {
    const js = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(js, MEMBER.email, MEMBER.password);
    await js.goto('/compte');
    await search(js, 'Ajouter une organisation', 'lyon');
    await checkA11y(js, 'account page with organisations to join');
    await js.context().close();
  });
});

describe('an animateur editing a coalition’s fiche', () => {
  let page;
  before(async () => {
    page = await env.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('picks the animating organisation', async () => {
    const coalition = '/coalitions/donnees-environnementales';
    await page.goto(`${coalition}/modifier`);
    const fiche = page.locator(`form[action="${coalition}/fiche"]`);
    assert.equal(await fiche.locator('select[name=animating_organisation]').count(), 0, 'no list of every organisation');
    await search(page, 'Ajouter une organisation', 'berger', fiche);
    await tick(page, 'f-animating_organisation', 'Berger-Levrault');
    // One only: the organisation chosen before, if any, is unticked.
    for (const box of await page.locator('#f-animating_organisation input[type=checkbox]').all()) {
      if (await box.getAttribute('value') === 'berger-levrault' || !(await box.isChecked())) continue;
      await box.focus();
      await page.keyboard.press('Space');
    }
    await send(page, page.locator(`form[action="${coalition}/fiche"]`).getByRole('button', { name: 'Enregistrer la fiche' }));
    assert.equal(new URL(page.url()).pathname, coalition);
    await page.goto(`${coalition}/modifier`);
    assert.ok(await page.getByRole('checkbox', { name: 'Berger-Levrault', exact: true }).isChecked());
  });
});

describe('an animateur adding a dataset', () => {
  it('picks its producer among every organisation; two are refused next to the field', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
    await page.goto('/donnees/nouvelle');
    assert.equal(await page.locator('select[name=producer]').count(), 0, 'no list of every organisation');
    await page.getByLabel('Titre', { exact: true }).fill('Relevés des capteurs citoyens');
    const producer = page.locator('#f-producer');
    await search(page, 'Ajouter une organisation', 'wikim', producer);
    await tick(page, 'f-producer', 'Wikimédia France');
    await search(page, 'Ajouter une organisation', 'fing', page.locator('#f-producer'));
    assert.ok(await page.getByRole('checkbox', { name: 'Wikimédia France', exact: true }).isChecked(), 'kept ticked');
    await tick(page, 'f-producer', 'Fing');
    const refused = await send(page, page.getByRole('button', { name: 'Ajouter le jeu de données' }));
    assert.equal(refused.status(), 422);
    assert.ok(await page.locator('#f-producer-error').isVisible(), 'the error is next to the picker');
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Relevés des capteurs citoyens');
    await page.context().close();

    const js = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(js, ANIMATEUR.email, ANIMATEUR.password);
    await js.goto('/donnees/nouvelle');
    await search(js, 'Ajouter une organisation', 'lyon', js.locator('#f-producer'));
    await checkA11y(js, 'dataset form with producers to tick');
    await js.context().close();
  });
});

describe('an observatory editor and a visitor', () => {
  it('picks the organisation answering for a public body', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
    const body = '/observatoire/organismes/direction-generale-des-finances-publiques';
    await page.goto(body);
    const section = page.getByRole('region', { name: 'Qui répond au nom de cet organisme' });
    assert.equal(await section.locator('select').count(), 0, 'no list of every organisation');
    await search(page, 'Ajouter une organisation', 'fing', section);
    await tick(page, 'f-organisation', 'Fing');
    await send(page, page.getByRole('region', { name: 'Qui répond au nom de cet organisme' }).getByRole('button', { name: 'Enregistrer' }));
    assert.equal(new URL(page.url()).pathname, body);
    assert.ok(await page.getByRole('main').getByText(/répond par Fing/).isVisible(), 'Fing answers for it');
    await page.context().close();
  });

  it('filter the scoreboard by a public body typed in words', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/observatoire');
    const field = page.getByLabel(/^Organisme public/);
    assert.equal(await field.evaluate((e) => e.tagName), 'INPUT', 'typed, not a list of every body');
    await pressOn(page, field, 40);
    await page.keyboard.type('finances publiques');
    await Promise.all([page.waitForURL((u) => u.searchParams.has('organisme')), page.keyboard.press('Enter')]);
    const status = page.getByRole('main').getByRole('status').first();
    assert.match(await status.innerText(), /organisme public Direction générale des finances publiques/);
    const rows = page.locator('table:has(#t-entrees) tbody tr');  // the entries, not the method
    assert.ok(await rows.count() >= 1);
    for (const row of await rows.all()) assert.match(await row.innerText(), /Direction générale des finances publiques/);
    await checkA11y(page, 'scoreboard narrowed to one public body');

    await page.goto('/observatoire?organisme=ministere+imaginaire');
    assert.ok(await page.locator('#f-organisme-error').isVisible(), 'nothing matches: said next to the field');
    assert.equal(await page.getByLabel(/^Organisme public/).inputValue(), 'ministere imaginaire');
    assert.equal(await page.locator('#t-entrees').count(), 0, 'no entry listed');
    await checkA11y(page, 'scoreboard whose public body matches nothing');
    await page.context().close();
  });
});
