// Events in the browser: an animateur creates an event through the form (with its error page), a
// member registers with the keyboard alone, writes nothing they may not, and every new page — the
// list, an event as visitor, member and organiser, the edit form, the minutes and their editor and
// history, proposals, my registrations, the kinds of event — passes axe-core with zero violations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, expectAccessible, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

const TITLE = 'Reset Day de test';
const year = new Date().getUTCFullYear() + 1;
const START = `${year}-01-19T14:00`;
const END = `${year}-01-19T16:00`;
let path; // the event's address, once created

describe('an animateur creates an event', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('sees the form refused with messages next to the fields, accessibly', async () => {
    await expectAccessible(page, '/evenements/nouveau', 'new event form');
    await page.getByLabel('Titre', { exact: true }).fill(TITLE);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Créer' }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState();
    assert.ok(await page.getByText('Saisissez une date et une heure').first().isVisible());
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), TITLE, 'the title is kept');
    await checkA11y(page, 'new event form with errors');
  });

  it('creates a Reset Day with one place and an online link', async () => {
    await page.goto('/evenements/nouveau');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Reset Day' });
    await page.getByLabel('Titre', { exact: true }).fill(TITLE);
    await page.getByLabel(/^Début/).fill(START);
    await page.getByLabel(/^Fin/).fill(END);
    await page.getByLabel(/^Nombre de places/).fill('1');
    await page.getByLabel(/^Lien en ligne/).fill('https://visio.example.org/reset');
    await Promise.all([
      page.waitForURL((u) => /^\/evenements\/[a-z0-9-]+$/.test(u.pathname) && u.pathname !== '/evenements/nouveau'),
      page.getByRole('button', { name: 'Créer' }).click(),
    ]);
    path = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    assert.ok(await page.getByText('14:00–16:00').isVisible(), 'shown in Paris time');
  });

  it('adds a programme slot and writes minutes', async () => {
    await page.goto(path);
    await page.getByLabel(/^Début/).fill('14:00');
    await page.getByLabel(/^Fin/).fill('14:30');
    await page.getByLabel('Titre', { exact: true }).fill('Introduction et communauté');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Plénière' });
    await Promise.all([
      page.waitForURL((u) => u.pathname === path),
      page.getByRole('button', { name: 'Ajouter la séquence' }).click(),
    ]);
    assert.ok(await page.getByRole('row').filter({ hasText: 'Introduction et communauté' }).isVisible());
    await page.goto(`${path}/compte-rendu/modifier`);
    await page.getByLabel(/^Compte-rendu/).fill('## Premiers effets\n\nUne dynamique de transition portée par beaucoup.');
    await Promise.all([
      page.waitForURL((u) => u.pathname === `${path}/compte-rendu`),
      page.getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
  });

  it('every organiser page passes axe', async () => {
    await expectAccessible(page, path, 'event page (organiser)');
    await expectAccessible(page, `${path}/modifier`, 'event edit form');
    await expectAccessible(page, `${path}/compte-rendu`, 'minutes (organiser)');
    await expectAccessible(page, `${path}/compte-rendu/modifier`, 'minutes editor');
    await expectAccessible(page, `${path}/compte-rendu/historique`, 'minutes history');
    await expectAccessible(page, '/evenements/types', 'kinds of event');
    await expectAccessible(page, '/propositions', 'proposals (animateur)');
  });
});

describe('a member registers with the keyboard alone', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, MEMBER.email, MEMBER.password);
  });
  after(async () => page?.context().close());

  it('tabs to the registration button and presses Enter', async () => {
    await page.goto(path);
    assert.equal(await page.getByText('visio.example.org').count(), 0, 'no link before registering');
    let found = false;
    for (let i = 0; i < 80 && !found; i += 1) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'M’inscrire');
    }
    assert.ok(found, 'the registration button is reachable with Tab');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(response.status(), 303);
    await page.waitForURL((u) => u.pathname === path);
    await page.waitForLoadState();
    const notice = await page.locator('#inscription + *').textContent();
    assert.ok(await page.getByText('Vous êtes inscrit à cet événement.').isVisible(), notice);
    assert.ok(await page.getByRole('link', { name: 'https://visio.example.org/reset' }).isVisible());
    await checkA11y(page, 'event page (registered member)');
  });

  it('every member page passes axe', async () => {
    await expectAccessible(page, '/evenements/mes-inscriptions', 'my registrations');
    await expectAccessible(page, '/propositions/nouvelle', 'proposal form');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Proposer' }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState();
    await checkA11y(page, 'proposal form with errors');
    const minutes = await page.goto(`${path}/compte-rendu/modifier`);
    assert.equal(minutes.status(), 403, 'a member may not write minutes');
  });
});

describe('a visitor', () => {
  it('sees the list, the event and its minutes, all accessible', async () => {
    const page = await env.newPage();
    await expectAccessible(page, '/evenements', 'events list');
    await expectAccessible(page, path, 'event page (visitor)');
    assert.equal(await page.getByText('visio.example.org').count(), 0, 'no online link for visitors');
    await expectAccessible(page, `${path}/compte-rendu`, 'minutes (visitor)');
    await expectAccessible(page, '/propositions', 'proposals (visitor)');
    const english = await env.newPage({ locale: 'en-GB' });
    await expectAccessible(english, path, 'event page in English');
    await page.context().close();
    await english.context().close();
  });
});
