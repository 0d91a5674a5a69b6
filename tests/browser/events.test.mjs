// Events in the browser: an animateur creates an event through the form (with its error page) and
// names a member as a speaker, edits that programme slot with the keyboard alone (refused, then
// saved), a member registers and agrees to be named with the keyboard alone,
// writes nothing they may not, an event whose date is to be confirmed keeps registration closed, and
// every new page — the list, an event as visitor, member and organiser, the edit form, the minutes
// and their editor and history, proposals, my registrations, the kinds of event — passes axe-core
// with zero violations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, expectAccessible, signIn, submit, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

const TITLE = 'Reset Day de test';
const year = new Date().getUTCFullYear() + 1;
const START = `${year}-01-19T14:00`;
const END = `${year}-01-19T16:00`;
let path; // the event's address, once created

// Presses Tab until the focused element's text starts with `text`; false if never reached.
async function tabTo(page, text) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((t) => document.activeElement?.textContent?.trim().startsWith(t), text)) return true;
  }
  return false;
}

// Presses Tab until the form field with this id has the focus; false if never reached.
async function tabToField(page, id) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((x) => document.activeElement?.id === x, id)) return true;
  }
  return false;
}

// Presses Enter on the focused button and waits for the form's answer and the page it leads back to.
// (The page is already at `to`, so wait for the new page's own answer, not for the address.)
async function pressEnterAndReturn(page, to) {
  // The page's own load event, not only the answer: the answer comes before the new document is shown.
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === to),
    page.waitForEvent('load'),
    page.keyboard.press('Enter'),
  ]);
  assert.equal(response.status(), 303);
}

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
    const response = await submit(page, page.getByRole('button', { name: 'Créer' }));
    assert.equal(response.status(), 422);
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
    await page.goto(`${path}/programme/nouvelle`);
    await page.getByLabel(/^Début/).fill('14:00');
    await page.getByLabel(/^Fin/).fill('14:30');
    await page.getByLabel('Titre', { exact: true }).fill('Introduction et communauté');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Plénière' });
    await page.getByText('Intervenant·es à nommer (facultatif)').click();  // folded while there are none
    await page.getByLabel(/^Intervenant·es ayant un compte/).fill(MEMBER.email);
    await page.getByLabel(/^Autres intervenant·es/).fill('Une invitée de la recherche');
    await Promise.all([
      page.waitForURL((u) => u.pathname === `${path}/programme`),
      page.getByRole('button', { name: 'Ajouter la séquence' }).click(),
    ]);
    const row = page.getByRole('row').filter({ hasText: 'Introduction et communauté' });
    assert.ok(await row.isVisible());
    assert.ok(await row.getByText(`${MEMBER.name} — non affiché publiquement`).isVisible(), 'organisers see the name, marked');
    await page.goto(`${path}/compte-rendu/modifier`);
    await page.getByLabel(/^Compte-rendu/).fill('## Premiers effets\n\nUne dynamique de transition portée par beaucoup.');
    await Promise.all([
      page.waitForURL((u) => u.pathname === `${path}/compte-rendu`),
      page.getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
  });

  it('edits the slot with the keyboard alone: refused without a title, then saved', async () => {
    await page.goto(`${path}/programme`);
    assert.ok(await tabTo(page, 'Modifier Introduction et communauté'), 'the edit link is reachable with Tab');
    await Promise.all([
      page.waitForURL((u) => /\/programme\/\d+\/modifier$/.test(u.pathname)),
      page.keyboard.press('Enter'),
    ]);
    await page.getByRole('heading', { level: 1, name: 'Modifier la séquence « Introduction et communauté »' }).waitFor();
    assert.equal(await page.getByLabel(/^Intervenant·es ayant un compte/).inputValue(), MEMBER.email);
    await checkA11y(page, 'slot edit form');
    const form = page.url();

    assert.ok(await tabToField(page, 'f-slot_title'), 'the title is reachable with Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(refused.status(), 422);
    await page.waitForLoadState();
    // waitFor, not isVisible: the refused page may still be loading when the POST has answered.
    await page.getByText('Saisissez le titre de la séquence.').first().waitFor();
    assert.equal(await page.getByLabel(/^Fin/).inputValue(), '14:30', 'the other fields are kept');
    await checkA11y(page, 'slot edit form with errors');

    assert.ok(await tabToField(page, 'f-slot_title'), 'the title is reachable with Tab after the refusal');
    await page.keyboard.type('Ouverture et communauté');
    assert.ok(await tabTo(page, 'Enregistrer la séquence'), 'the save button is reachable with Tab');
    await Promise.all([
      page.waitForURL((u) => u.pathname === `${path}/programme`),
      page.keyboard.press('Enter'),
    ]);
    const row = page.getByRole('row').filter({ hasText: 'Ouverture et communauté' });
    await row.waitFor();
    assert.ok(await row.getByText(`${MEMBER.name} — non affiché publiquement`).isVisible(), 'the speaker stays');
    assert.notEqual(page.url(), form);
  });

  it('marks a second event "date to be confirmed" through the edit form', async () => {
    await page.goto('/evenements/nouveau');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Atelier de coalition' });
    await page.getByLabel('Titre', { exact: true }).fill('Atelier territorial');
    await page.getByLabel(/^Adresse/).fill('atelier-territorial');
    await page.getByLabel(/^Début/).fill(`${year}-06-22T14:00`);
    await page.getByLabel(/^Fin/).fill(`${year}-06-22T17:00`);
    await page.getByLabel(/^Statut/).selectOption({ label: 'Date à confirmer' });
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/evenements/atelier-territorial'),
      page.getByRole('button', { name: 'Créer' }).click(),
    ]);
    assert.ok(await page.getByText('(date à confirmer)').isVisible());
    assert.ok(await page.getByText('Les inscriptions ouvriront une fois la date confirmée.').isVisible());
    await checkA11y(page, 'event with a date to be confirmed');
  });

  it('every organiser page passes axe', async () => {
    await expectAccessible(page, path, 'event page (organiser)');
    await expectAccessible(page, `${path}/programme`, 'programme (organiser section)');
    await expectAccessible(page, `${path}/programme/nouvelle`, 'new slot form (organiser section)');
    await expectAccessible(page, `${path}/inscrits`, 'registrations (organiser section)');
    await expectAccessible(page, `${path}/presences`, 'attendance (organiser section)');
    await expectAccessible(page, `${path}/modifier`, 'event edit form');
    await expectAccessible(page, `${path}/compte-rendu`, 'minutes (organiser)');
    await expectAccessible(page, `${path}/compte-rendu/elements/nouveau`, 'form adding an item to the minutes');
    await expectAccessible(page, `${path}/compte-rendu/pieces/nouvelle`, 'form attaching a file to the minutes');
    await expectAccessible(page, `${path}/compte-rendu/modifier`, 'minutes editor');
    await expectAccessible(page, `${path}/compte-rendu/historique`, 'minutes history');
    await expectAccessible(page, '/evenements/types', 'kinds of event');
    await expectAccessible(page, '/propositions', 'proposals (animateur)');
  });

  // Issue #19: the minutes saved from two tabs; the text both changed is settled side by side.
  it('the minutes changed in two tabs: the text is settled on an accessible conflict page', async () => {
    const other = await page.context().newPage();
    try {
      await page.goto(`${path}/compte-rendu/modifier`);
      await other.goto(`${path}/compte-rendu/modifier`);
      await other.getByLabel(/^Compte-rendu/).fill('Le texte de l’autre onglet.');
      assert.equal((await submit(other, other.getByRole('button', { name: 'Enregistrer' }))).status(), 303);
      await page.getByLabel(/^Compte-rendu/).fill('Le texte de cet onglet.');
      assert.equal((await submit(page, page.getByRole('button', { name: 'Enregistrer' }))).status(), 409);
      assert.ok(await page.locator('.merge ins').count() > 0, 'the other tab’s text is shown word by word');
      await checkA11y(page, 'minutes conflict to settle');
      await page.getByLabel('Garder mon texte', { exact: true }).check();
      assert.equal((await submit(page, page.getByRole('button', { name: 'Enregistrer' }))).status(), 303);
      assert.ok(await page.getByText(/^Enregistré\. La version \d+ a été enregistrée/).isVisible());
      assert.ok(await page.getByText('Le texte de cet onglet.').first().isVisible());
    } finally {
      await other.close();
    }
  });
});

// Issue #19: an item of the minutes is edited in place, not removed and added again.
describe('an organiser edits a decision of the minutes with the keyboard alone', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  // Presses Tab until the focused element's whole text is `text`; false if never reached.
  async function tabToExactly(text) {
    for (let i = 0; i < 120; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((t) => document.activeElement?.textContent?.trim() === t, text)) return true;
    }
    return false;
  }

  it('adds an item on its own page, opens it from the minutes, changes its text and sees it saved', async () => {
    await page.goto(`${path}/compte-rendu`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `${path}/compte-rendu/elements/nouveau`),
      page.getByRole('link', { name: 'Ajouter une question, une décision ou une prochaine étape' }).click(),
    ]);
    // Refused without its text: the same page, the choice kept, the error next to the field.
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Décision' });
    assert.equal((await submit(page, page.getByRole('button', { name: 'Ajouter' }))).status(), 422);
    assert.equal(await page.getByLabel('Type', { exact: true }).inputValue(), 'decision');
    await checkA11y(page, 'item form refused');
    await page.getByLabel('Texte', { exact: true }).fill('Publier les données brutes.');
    assert.equal((await submit(page, page.getByRole('button', { name: 'Ajouter' }))).status(), 303);
    assert.ok(await page.getByText('Le compte-rendu est enregistré.').isVisible());

    // The organiser's minutes fold each kind of item under its count: open the decisions by keyboard.
    await page.goto(`${path}/compte-rendu`);
    assert.ok(await tabToExactly('1 décision'), 'the fold of decisions is reachable with Tab');
    await page.keyboard.press('Enter');
    assert.ok(await tabToExactly('Modifier'), 'the item’s edit link is reachable with Tab');
    await Promise.all([page.waitForURL((u) => /\/elements\/\d+\/modifier$/.test(u.pathname)), page.keyboard.press('Enter')]);
    await checkA11y(page, 'minutes item edit form');
    assert.equal(await page.getByLabel('Texte', { exact: true }).inputValue(), 'Publier les données brutes.');
    assert.ok(await tabToField(page, 'f-body'), 'the text is reachable with Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Publier les données brutes chaque mois.');
    assert.ok(await tabTo(page, 'Enregistrer'), 'the save button is reachable with Tab');
    await pressEnterAndReturn(page, `${path}/compte-rendu`);
    assert.ok(await page.getByText('Le compte-rendu est enregistré.').isVisible());
    assert.ok(await page.getByText('Publier les données brutes chaque mois.').isVisible());
    assert.equal(await page.getByText('Publier les données brutes.', { exact: true }).count(), 0, 'edited, not added');
    await checkA11y(page, 'minutes after an item was edited');

    // Removing it says so, at the top of the minutes.
    const item = page.getByRole('listitem').filter({ hasText: 'Publier les données brutes chaque mois.' });
    assert.equal((await submit(page, item.getByRole('button', { name: 'Retirer' }))).status(), 303);
    assert.ok(await page.getByRole('status').getByText('L’élément est retiré du compte-rendu.').isVisible());
    assert.equal(await page.getByText('Publier les données brutes chaque mois.').count(), 0);
  });

  it('attaches a file on its own page and removes it, each time told so', async () => {
    await page.goto(`${path}/compte-rendu`);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `${path}/compte-rendu/pieces/nouvelle`),
      page.getByRole('link', { name: 'Joindre un fichier' }).click(),
    ]);
    await page.getByLabel('Joindre un fichier').setInputFiles({
      name: 'Diaporama.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    });
    assert.equal((await submit(page, page.getByRole('button', { name: 'Joindre', exact: true }))).status(), 303);
    assert.ok(await page.getByRole('status').getByText('Le compte-rendu est enregistré.').isVisible());
    assert.ok(await page.getByRole('link', { name: 'Diaporama.pdf' }).isVisible());
    assert.equal((await submit(page, page.getByRole('button', { name: 'Retirer Diaporama.pdf' }))).status(), 303);
    assert.ok(await page.getByRole('status').getByText('La pièce jointe est retirée.').isVisible());
    assert.equal(await page.getByRole('link', { name: 'Diaporama.pdf' }).count(), 0);
    await checkA11y(page, 'minutes after a file was removed');
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
    assert.ok(await tabTo(page, 'M’inscrire'), 'the registration button is reachable with Tab');
    await pressEnterAndReturn(page, path);
    const notice = await page.locator('#inscription + *').textContent();
    assert.ok(await page.getByText('Vous êtes inscrit à cet événement.').isVisible(), notice);
    assert.ok(await page.getByRole('link', { name: 'https://visio.example.org/reset' }).isVisible());
    await checkA11y(page, 'event page (registered member)');
  });

  it('agrees to be named as a speaker with the keyboard alone', async () => {
    await page.goto(path);
    assert.ok(await page.getByText('Votre nom n’est pas affiché publiquement.').isVisible());
    assert.ok(await tabTo(page, 'Afficher mon nom comme intervenant·e'), 'the consent button is reachable with Tab');
    await pressEnterAndReturn(page, path);
    await page.getByRole('button', { name: /^Ne plus afficher mon nom/ }).waitFor();  // the name is now public
    await checkA11y(page, 'event page (speaker who agreed)');
  });

  it('cannot register to an event whose date is to be confirmed', async () => {
    await page.goto('/evenements/atelier-territorial');
    assert.equal(await page.getByRole('button', { name: 'M’inscrire' }).count(), 0);
    await checkA11y(page, 'event with a date to be confirmed (member)');
  });

  it('every member page passes axe', async () => {
    await expectAccessible(page, '/evenements/mes-inscriptions', 'my registrations');
    await expectAccessible(page, '/propositions/nouvelle', 'proposal form');
    const response = await submit(page, page.getByRole('button', { name: 'Proposer' }));
    assert.equal(response.status(), 422);
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
    assert.ok(await page.getByText(MEMBER.name).isVisible(), 'the speaker who agreed is named');
    assert.ok(await page.getByText('Une invitée de la recherche').isVisible());
    await expectAccessible(page, `${path}/compte-rendu`, 'minutes (visitor)');
    await expectAccessible(page, '/propositions', 'proposals (visitor)');
    const english = await env.newPage({ locale: 'en-GB' });
    await expectAccessible(english, path, 'event page in English');
    await page.context().close();
    await english.context().close();
  });
});
