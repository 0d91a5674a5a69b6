// The one searchable picker and the organisers' sections of an event, on the demo programme: an
// animateur creates an event choosing two organisations and a coalition with the picker by keyboard
// alone (a search draws the form again, nothing saved; ticked choices kept); each organiser's
// section of a demo event is a page of its own, at most 1.5 screens tall at 1280×900, and passes axe;
// so are the minutes of every demo event, their lists folded under their counts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, checkA11y, pressOn, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser({ demo: true });

// Presses Enter in a picker's search box (with `words` typed): the form comes back (200), nothing saved.
async function searchFor(page, words) {
  await page.keyboard.type(words);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),  // the answer comes before the new document is shown
    page.keyboard.press('Enter'),
  ]);
  assert.equal(answer.status(), 200, 'a search saves nothing: the form again');
}

// Types `words` into the picker's search box reached by Tab, and presses Enter.
async function searchWith(page, label, words) {
  await pressOn(page, page.getByLabel(label, { exact: true }), 200);
  await searchFor(page, words);
}

// The same without moving the focus by Tab (the forms below are long): the search box labelled
// `label` within `scope`.
async function searchIn(page, label, words, scope = page) {
  await scope.getByLabel(label, { exact: true }).focus();
  await searchFor(page, words);
}

// Ticks with the space bar the first match of the picker whose fieldset is `id`, reached by `reach`
// (by Tab unless told); returns its label.
async function tickFirstMatch(page, id, reach = (box) => pressOn(page, box, 300)) {
  const box = page.locator(`#${id}-matches input[type=checkbox]`).first();
  await reach(box);
  await page.keyboard.press('Space');
  assert.ok(await box.isChecked());
  return (await page.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).trim();
}

// The same, focusing the box directly (the forms below are long).
const tickFirst = (page, id) => tickFirstMatch(page, id, (box) => box.focus());

describe('the picker', () => {
  let page;
  before(async () => {
    page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('creates an event with two organisations and a coalition chosen by keyboard alone', async () => {
    await page.goto('/evenements/nouveau');
    assert.equal(await page.locator('input[name=organisers]').count(), 0, 'no list of every organisation');
    await checkA11y(page, 'new event form with its pickers');
    await page.getByLabel('Titre', { exact: true }).fill('Atelier choisi au clavier');
    const year = new Date().getUTCFullYear() + 1;
    await page.getByLabel(/^Début/).fill(`${year}-03-10T10:00`);
    await page.getByLabel(/^Fin/).fill(`${year}-03-10T12:00`);

    await searchWith(page, 'Ajouter une organisation', 'fing');
    await page.locator('#f-organisers [role=status]').waitFor();  // the search says what it found
    await checkA11y(page, 'new event form after a search');
    const first = await tickFirstMatch(page, 'f-organisers');
    await searchWith(page, 'Ajouter une organisation', 'a');
    assert.ok(await page.getByLabel(first).isChecked(), 'the first choice is kept, ticked');
    const second = await tickFirstMatch(page, 'f-organisers');
    await searchWith(page, 'Ajouter une coalition', 'donn');
    const coalition = await tickFirstMatch(page, 'f-coalitions');
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Atelier choisi au clavier');

    await pressOn(page, page.getByRole('button', { name: 'Créer', exact: true }), 300);
    await Promise.all([
      page.waitForURL((u) => /^\/evenements\/[a-z0-9-]+$/.test(u.pathname) && u.pathname !== '/evenements/nouveau'),
      page.keyboard.press('Enter'),
    ]);
    const facts = await page.locator('dl.facts').innerText();
    for (const name of [first, second, coalition.split(' — ').pop()])
      assert.ok(facts.includes(name), `${name} is on the event`);
  });
});

describe('the action form', () => {
  let page;
  before(async () => {
    // Without JavaScript: the pickers work by the form coming back with the matches.
    page = await env.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('chooses its organisation and its event with the pickers, each event with its date', async () => {
    const roadmap = '/coalitions/donnees-environnementales/feuille-de-route';
    await page.goto(roadmap);
    const form = page.locator(`form[action="${roadmap}"]`);
    assert.equal(await form.locator('select[multiple]').count(), 0, 'no Ctrl-click list of every organisation');
    assert.equal(await form.locator('input[name=organisations]').count(), 0, 'no box per organisation');
    await form.getByLabel('Titre', { exact: true }).fill('Carte des capteurs citoyens');
    await form.getByLabel('Levier').selectOption({ label: 'Les usages' });
    await form.getByLabel('Échelle').selectOption({ label: 'Locale' });

    await searchIn(page, 'Ajouter une organisation', 'fing');
    const organisation = await tickFirst(page, 'f-organisations');
    await searchIn(page, 'Ajouter un événement', 'reset');
    assert.equal(await form.getByLabel('Titre', { exact: true }).inputValue(), 'Carte des capteurs citoyens',
      'the searches keep what was typed');
    assert.ok(await page.getByLabel(organisation).isChecked(), 'the organisation stays chosen');
    const matches = await page.locator('#f-events-matches label').allInnerTexts();
    assert.ok(matches.length > 0, 'the search finds the coalition’s Reset events');
    for (const label of matches) assert.match(label, /\d{1,2} \p{L}+ \d{4}/u, `“${label}” shows its date`);
    const event = await tickFirst(page, 'f-events');  // axe needs JavaScript: roadmaps.test.mjs checks this form

    await form.getByRole('button', { name: 'Ajouter l’action' }).focus();
    await Promise.all([
      page.waitForURL((u) => /\/feuille-de-route\/\d+$/.test(u.pathname)),
      page.keyboard.press('Enter'),
    ]);
    const main = page.getByRole('main');
    assert.equal((await main.getByRole('status').first().innerText()).trim(), 'L’action est enregistrée.');
    const text = await main.innerText();
    assert.ok(text.includes(organisation), `${organisation} carries the action`);
    assert.ok(text.includes(event.split(/\s+\d/)[0]), `${event} is linked`);
  });
});

describe("an event's organiser sections", () => {
  let page;
  before(async () => {
    page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('are pages of their own, each at most 1.5 screens tall, linked by a nav, accessible', async () => {
    await page.goto('/evenements');
    const events = await page.locator('main ul.cards a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    assert.ok(events.length > 0, 'the demo has events');
    for (const event of events.slice(0, 3)) {
      for (const section of ['', '/programme', '/programme/nouvelle', '/inscrits', '/presences', '/compte-rendu']) {
        await page.goto(event + section);
        const nav = page.getByRole('navigation', { name: 'Organiser cet événement' });
        assert.ok(await nav.isVisible(), `${event}${section} has the section nav`);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        assert.ok(height <= 1.5 * 900, `${event}${section} is ${height} px tall`);
        await checkA11y(page, `${event}${section}`);
      }
    }
  });

  it('show each demo event’s minutes to its organiser in 1.5 screens at most, folded with their counts', async () => {
    await page.goto('/evenements');
    const events = await page.locator('main ul.cards a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
    assert.ok(events.length >= 20, 'every demo event is listed');
    for (const event of events) {
      await page.goto(`${event}/compte-rendu`);
      assert.ok(await page.getByRole('navigation', { name: 'Organiser cet événement' }).isVisible());
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height <= 1.5 * 900, `${event}/compte-rendu is ${height} px tall`);
    }

    // The longest ones hide nothing: each fold opens in place by keyboard, holding as many items as it says.
    for (const event of ['reset-day-juin-2021', 'reset-fest-bretagne-2021']) {
      await page.goto(`/evenements/${event}/compte-rendu`);
      const folds = page.locator('main details.fold');
      const count = await folds.count();
      assert.ok(count >= 3, `${event}: who came, the text and its items are folded`);
      let counted = 0;
      for (let i = 0; i < count; i += 1) {
        const fold = folds.nth(i);
        const summary = (await fold.locator('summary').innerText()).trim();
        await pressOn(page, fold.locator('summary'), 80);
        await page.keyboard.press('Enter');
        assert.ok(await fold.evaluate((d) => d.open), `“${summary}” opens with the keyboard`);
        const said = summary.match(/^(\d+) (questions?|décisions?|prochaines? étapes?|pièces? jointes?)$/);
        const groups = summary.match(/^(\d+) groupes? de travail$/);
        if (said) assert.equal(await fold.locator(':scope > ul > li').count(), Number(said[1]), summary);
        if (groups) assert.equal(await fold.locator('section').count(), Number(groups[1]), summary);
        if (said || groups) counted += 1;
      }
      assert.ok(counted >= 2, `${event}: its items are folded under their counts`);
      await checkA11y(page, `${event}/compte-rendu, every fold open`);
    }
  });

  it('saving the attendance of a past event says so on the page it returns to', async () => {
    const event = '/evenements/reset-day-5';  // in May 2021
    await page.goto(`${event}/presences`);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Enregistrer les présences' }).click(),
    ]);
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, `${event}/presences`);
    assert.ok(await page.getByRole('status').getByText('Les présences sont enregistrées.').isVisible());
    await checkA11y(page, 'attendance saved');
  });
});

describe('forms choosing one coalition, person or event, without JavaScript', () => {
  let page;
  before(async () => {
    page = await env.newPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('a next step names who does it and its coalition with the pickers, and shows them', async () => {
    const minutes = '/evenements/reset-day-juin-2021/compte-rendu';
    await page.goto(`${minutes}/elements/nouveau`);
    const form = page.locator(`form[action="${minutes}/elements"]`);
    assert.equal(await form.locator('select[name=coalition], select[name=assignee]').count(), 0, 'no list of every one');
    await form.getByLabel('Type', { exact: true }).selectOption({ label: 'Prochaine étape' });
    await form.getByLabel(/^Texte/).fill('Relire la synthèse des ateliers');
    await searchIn(page, 'Trouver une personne inscrite', 'a', form);
    await tickFirst(page, 'f-assignee');
    // The name alone, without the organisation shown after it.
    const person = await page.locator('#f-assignee-matches input:checked + label').evaluate((l) => l.firstChild.textContent.trim());
    await searchIn(page, 'Ajouter une coalition', 'donn', form);
    const coalition = await tickFirst(page, 'f-coalition');
    assert.equal(await form.getByLabel(/^Texte/).inputValue(), 'Relire la synthèse des ateliers', 'the searches keep the text');
    assert.ok(await page.getByLabel(new RegExp(`^${person}`)).isChecked(), 'the person stays chosen');

    await form.getByRole('button', { name: 'Ajouter', exact: true }).focus();
    await Promise.all([page.waitForURL((u) => u.pathname === minutes), page.keyboard.press('Enter')]);
    const steps = page.locator('details#suites');
    assert.ok(await steps.evaluate((d) => d.open), 'the next steps come back open');
    const step = steps.getByRole('listitem').filter({ hasText: 'Relire la synthèse des ateliers' });
    const text = await step.innerText();
    assert.ok(text.includes(`— ${person} —`), `${person} does it: ${text}`);
    assert.ok(text.includes(coalition.split(' — ').pop()), `${coalition} is linked: ${text}`);
  });

  it('a resource links its coalitions with the picker', async () => {
    await page.goto('/ressources/proposer');
    assert.equal(await page.locator('input[name=coalitions]').count(), 0, 'no box per coalition');
    await page.getByLabel('Titre', { exact: true }).fill('Guide des capteurs citoyens');
    await page.getByLabel(/^Adresse \(lien\)/).fill('https://example.org/capteurs');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Guide' });
    await searchIn(page, 'Ajouter une coalition', 'donn');
    const coalition = await tickFirst(page, 'f-coalitions');
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Guide des capteurs citoyens');
    await page.getByRole('button', { name: 'Proposer', exact: true }).focus();
    await Promise.all([
      page.waitForURL((u) => u.pathname.startsWith('/ressources/') && u.pathname !== '/ressources/proposer'),
      page.keyboard.press('Enter'),
    ]);
    assert.ok((await page.getByRole('main').innerText()).includes(coalition), `${coalition} is linked`);
  });

  it('an experience card names its coalition with the picker', async () => {
    await page.goto('/boussole/proposer');
    assert.equal(await page.locator('select[name=coalition]').count(), 0, 'no list of every coalition');
    await page.getByLabel('Titre', { exact: true }).fill('Des capteurs prêtés aux écoles');
    await page.getByLabel('Issue').selectOption({ label: 'Cela n’a pas marché' });
    await page.getByLabel('Ce qui a été essayé').fill('Prêter des capteurs pour une semaine.');
    await searchIn(page, 'Ajouter une coalition', 'donn');
    const coalition = await tickFirst(page, 'f-coalition');
    assert.equal(await page.getByLabel('Ce qui a été essayé').inputValue(), 'Prêter des capteurs pour une semaine.');
    await page.getByRole('button', { name: 'Proposer', exact: true }).focus();
    await Promise.all([
      page.waitForURL((u) => u.pathname.startsWith('/boussole/') && u.pathname !== '/boussole/proposer'),
      page.keyboard.press('Enter'),
    ]);
    assert.ok((await page.getByRole('main').innerText()).includes(coalition.split(' — ').pop()), `${coalition} is named`);
  });

  it('an undecided proposal is scheduled at an event chosen with the picker, each with its date', async () => {
    await page.goto('/propositions/nouvelle');
    await page.getByLabel('Titre', { exact: true }).fill('Des capteurs dans chaque école');
    await page.getByLabel(/^Intention transformatrice/).fill('Mesurer l’air là où les enfants respirent.');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/propositions'),
      page.getByRole('button', { name: 'Proposer', exact: true }).click(),
    ]);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Des capteurs dans chaque école/ }) });
    assert.equal(await item.locator('select[name^=event-], select[name^=coalition-]').count(), 0,
      'no list of every event or coalition');
    await item.locator('summary').click();
    await searchIn(page, 'Ajouter un événement', 'reset', item);
    const open = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Des capteurs dans chaque école/ }) });
    const matches = await open.locator('fieldset[id^=f-event-] .picker-matches label').allInnerTexts();
    assert.ok(matches.length > 0, 'the search finds the Reset Days, its form open');
    for (const label of matches) assert.match(label, /\d{1,2} \p{L}+ \d{4}/u, `“${label}” shows its date`);
    const box = open.locator('fieldset[id^=f-event-] .picker-matches input[type=checkbox]').first();
    await box.check();
    const event = (await open.locator(`label[for="${await box.getAttribute('id')}"]`).innerText()).trim();
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/propositions'),
      open.getByRole('button', { name: 'Programmer' }).click(),
    ]);
    assert.ok(await page.getByRole('status').first().isVisible(), 'the page says it is scheduled');
    const facts = await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Des capteurs dans chaque école/ }) }).locator('dl.facts').innerText();
    assert.ok(facts.includes(event.split(/\s+\d/)[0].trim()), `presented at ${event}: ${facts}`);
  });
});

describe('the converted forms, with axe', () => {
  let page;
  before(async () => {
    page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('pass axe with their pickers, before and after a search', async () => {
    const minutes = '/evenements/reset-day-juin-2021/compte-rendu';
    await page.goto(`${minutes}/elements/nouveau`);
    await checkA11y(page, 'minutes item form with its pickers');
    await searchWith(page, 'Trouver une personne inscrite', 'a');
    await checkA11y(page, 'minutes item form after a search of people');
    await page.goto('/ressources/proposer');
    await checkA11y(page, 'resource form with its coalition picker');
    await page.goto('/boussole/proposer');
    await checkA11y(page, 'experience card form with its coalition picker');
    await page.goto('/propositions');
    await page.locator('main details summary').first().click();
    await checkA11y(page, 'proposals with their pickers');
  });
});
