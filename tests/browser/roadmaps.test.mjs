// Roadmaps and impact in the browser: an animateur opens a coalition, adds actions and a sub-action
// through the forms, is told what is wrong with a bad one, defines an indicator and records
// measurements; every new page (coalition roadmap, action, impact, programme roadmap, dashboard, the
// coalition page with its matrix) passes axe-core with no id used twice, signed in and out, in French
// and in English, and each stays under 30 KB and 3 requests, fits in 320 px and breaks no CSP rule.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  ANIMATEUR, checkA11y, createOrganisation, expectAccessible, requestsOfOneLoad, signIn, submit, useServerAndBrowser,
} from './support.mjs';

const env = useServerAndBrowser();
const FAMILY = 'Communs, données et territoires';
const SLUG = 'donnees-environnementales';
const base = `/coalitions/${SLUG}`;
let actionPath;
let indicatorPath;

async function fillAction(form, { title, lever, status, progress, due, start }) {
  await form.getByLabel('Titre', { exact: true }).fill(title);
  await form.getByLabel('Levier').selectOption({ label: lever });
  await form.getByLabel('Échelle').selectOption({ label: 'Locale' });
  if (status) await form.getByLabel('Statut').selectOption({ label: status });
  if (start) await form.getByLabel(/^Début/).fill(start);
  if (due) await form.getByLabel(/^Échéance/).fill(due);
  if (progress !== undefined) await form.getByLabel(/^Avancement/).fill(progress);
}

describe('an animateur writes a roadmap and its indicators through the forms', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('opens the environmental-data coalition with an organisation of its own', async () => {
    await page.goto('/coalitions/familles');
    await page.locator('form[action="/coalitions/familles"]').getByLabel('Libellé').fill(FAMILY);
    await submit(page, page.locator('form[action="/coalitions/familles"]').getByRole('button', { name: 'Ajouter' }));
    await createOrganisation(page, { name: 'Métropole de Lyon', kind: 'Collectivité / territoire' });
    await page.goto('/coalitions/nouvelle');
    await page.getByLabel('Numéro').fill('19');
    await page.getByLabel('Titre', { exact: true }).fill('Pour l’appropriation des données environnementales');
    await page.getByLabel(/^Adresse/).fill(SLUG);
    await page.getByLabel('Famille').selectOption({ label: FAMILY });
    await page.getByLabel('Étape').selectOption({ label: 'Feuille de route' });
    await submit(page, page.getByRole('button', { name: 'Enregistrer la fiche' }));
    assert.equal(new URL(page.url()).pathname, base);
    await page.getByLabel('Je parle au nom de').selectOption({ label: 'Métropole de Lyon' });
    await page.getByLabel('La commande', { exact: true }).check();
    await submit(page, page.getByRole('button', { name: 'Déclarer mon intérêt' }));
  });

  it('adds an action, then a sub-action whose progress the main action shows', async () => {
    await page.goto(`${base}/feuille-de-route`);
    let form = page.locator(`form[action="${base}/feuille-de-route"]`);
    await fillAction(form, { title: 'Guides de bonnes pratiques', lever: 'Les usages', status: 'En cours',
      progress: '10', start: '2021-07-01', due: '2022-03-31' });
    await form.getByLabel('Capacitant').check();
    // The carrying organisation chosen with the picker, without JavaScript: searched, then ticked.
    await form.getByLabel('Ajouter une organisation', { exact: true }).fill('lyon');
    assert.equal((await submit(page, form.getByRole('button', { name: 'Chercher des organisations' }))).status(), 200);
    form = page.locator(`form[action="${base}/feuille-de-route"]`);
    assert.equal(await form.getByLabel('Titre', { exact: true }).inputValue(), 'Guides de bonnes pratiques',
      'the search keeps what was typed');
    await form.getByLabel('Métropole de Lyon').check();
    await checkA11y(page, 'action form with the organisations found');
    assert.equal((await submit(page, form.getByRole('button', { name: 'Ajouter l’action' }))).status(), 303);
    actionPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Guides de bonnes pratiques' }).waitFor();

    await page.goto(`${base}/feuille-de-route`);
    form = page.locator(`form[action="${base}/feuille-de-route"]`);
    await fillAction(form, { title: 'Premier guide pour les collectivités', lever: 'Les usages', progress: '40' });
    await form.getByLabel('Sous-action de').selectOption({ label: 'Guides de bonnes pratiques' });
    await submit(page, form.getByRole('button', { name: 'Ajouter l’action' }));
    await page.goto(actionPath);
    assert.match(await page.getByRole('main').innerText(), /40 % \(moyenne de 1 sous-action\)/);
  });

  it('is told, next to each field, what is wrong with a bad action, and the form keeps the input', async () => {
    await page.goto(`${base}/feuille-de-route`);
    const form = page.locator(`form[action="${base}/feuille-de-route"]`);
    await fillAction(form, { title: 'Action mal datée', lever: 'L’offre', status: 'Abandonnée', progress: '150',
      start: '2021-12-01', due: '2021-06-01' });
    const response = await submit(page, form.getByRole('button', { name: 'Ajouter l’action' }));
    assert.equal(response.status(), 422);
    const summary = page.locator('.error-summary');
    for (const message of ['L’avancement est un nombre entier de 0 à 100.', 'L’échéance ne peut pas précéder le début.',
      'Dites pourquoi l’action est abandonnée.']) {
      assert.ok(await summary.getByText(message).isVisible(), `the summary says “${message}”`);
    }
    assert.equal(await page.getByLabel('Titre', { exact: true }).inputValue(), 'Action mal datée');
    await checkA11y(page, 'roadmap with errors');
  });

  it('edits the action, and the history shows the change', async () => {
    await page.goto(actionPath);
    const form = page.locator(`form[action="${actionPath}"]`);
    await form.getByLabel('Statut').selectOption({ label: 'Réalisée' });
    await form.getByLabel('Description').fill('Trois guides pour les collectivités.');
    await form.getByLabel(/^Qu’avez-vous modifié/).fill('Guides publiés');
    await submit(page, form.getByRole('button', { name: 'Enregistrer l’action' }));
    assert.match(await page.getByRole('main').innerText(), /Révision 2/);
    assert.match(await page.getByRole('main').innerText(), /Guides publiés/);
    await checkA11y(page, 'action with history (animateur)');
  });

  it('compares two revisions of the action word by word, then restores the first as a new revision', async () => {
    await page.goto(actionPath);
    await page.getByRole('link', { name: 'Comparer les révisions ou en restaurer une' }).click();
    await page.getByRole('heading', { level: 1, name: /^Historique de l’action/ }).waitFor();
    await page.getByLabel('De la révision').selectOption('1');
    await page.getByLabel('À la révision').selectOption('2');
    await Promise.all([page.waitForURL(/historique\?de=1&a=2/), page.getByRole('button', { name: 'Comparer' }).click()]);
    assert.match(await page.getByRole('main').innerText(), /Révision 1 comparée à la révision 2/);
    assert.ok(await page.locator('.diff ins').first().isVisible(), 'the added words are marked');
    await checkA11y(page, 'action history with a comparison (animateur)');
    const response = await submit(page, page.getByRole('button', { name: 'Restaurer la révision 1' }));
    assert.equal(response.status(), 303);
    assert.match(await page.getByRole('main').innerText(), /Révision 3[\s\S]*Reprend la révision 1/);
    await checkA11y(page, 'action history after a restore (animateur)');
  });

  it('defines an indicator and records two measurements; the chart is described', async () => {
    await page.goto(`${base}/impact`);
    await checkA11y(page, 'impact, no indicator (animateur)');
    const define = page.locator(`form[action="${base}/impact"]`);
    await define.getByLabel('Nom').fill('Participants aux ateliers');
    await define.getByLabel(/^Unité/).fill('personnes');
    await define.getByLabel('Qualité').selectOption({ label: 'Capacitant' });
    await define.getByLabel('Type d’impact').selectOption({ label: 'Social' });
    await define.getByLabel('Cible').fill('150');
    await submit(page, define.getByRole('button', { name: 'Définir l’indicateur' }));
    for (const [day, value] of [['2021-04-14', '22'], ['2021-06-22', '71']]) {
      const record = page.locator(`form[action="${base}/impact/mesures"]`);
      await record.getByLabel(/^Date de la mesure/).fill(day);
      await record.getByLabel('Valeur').fill(value);
      await record.getByLabel(/^Source/).fill('Feuille de présence');
      await submit(page, record.getByRole('button', { name: 'Enregistrer' }));
    }
    const chart = page.getByRole('img', { name: 'Participants aux ateliers' });
    assert.ok(await chart.isVisible(), 'the chart is an image named by its title');
    assert.match(await chart.locator('desc').textContent(), /71/);
    const refused = page.locator(`form[action="${base}/impact/mesures"]`);
    await refused.getByLabel('Valeur').fill('12');
    assert.equal((await submit(page, refused.getByRole('button', { name: 'Enregistrer' }))).status(), 422);
    await checkA11y(page, 'impact with a refused measurement');
  });

  it('edits the indicator, corrects a measurement and removes another; the history keeps each change', async () => {
    await page.goto(`${base}/impact`);
    await page.getByRole('link', { name: 'Modifications et historique de « Participants aux ateliers »' }).click();
    await page.getByRole('heading', { level: 1, name: 'Participants aux ateliers' }).waitFor();
    indicatorPath = new URL(page.url()).pathname;
    await checkA11y(page, 'indicator (animateur)');
    const form = page.locator(`form[action="${indicatorPath}"]`);
    await form.getByLabel('Cible').fill('200');
    await form.getByLabel(/^Qu’avez-vous modifié/).fill('Cible revue');
    assert.equal((await submit(page, form.getByRole('button', { name: 'Enregistrer l’indicateur' }))).status(), 303);
    assert.match(await page.getByRole('main').innerText(), /Révision 2[\s\S]*Cible revue[\s\S]*150 → 200/);

    await page.getByRole('link', { name: /^Corriger ou supprimer — 14 avr/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Mesure du 14 avr/ }).waitFor();
    await checkA11y(page, 'measurement (animateur)');
    const correct = page.locator('form').filter({ has: page.getByRole('button', { name: 'Enregistrer la correction' }) });
    await correct.getByLabel('Valeur').fill('24');
    await correct.getByLabel(/^Pourquoi la corriger/).fill('Deux feuilles oubliées');
    await submit(page, correct.getByRole('button', { name: 'Enregistrer la correction' }));
    assert.equal(new URL(page.url()).pathname, indicatorPath);

    await page.getByRole('link', { name: /^Corriger ou supprimer — 22 juin/ }).click();
    const remove = page.locator('form').filter({ has: page.getByRole('button', { name: 'Supprimer la mesure' }) });
    assert.equal((await submit(page, remove.getByRole('button', { name: 'Supprimer la mesure' }))).status(), 422);
    assert.ok(await page.locator('.error-summary').getByText('Dites pourquoi la mesure est supprimée.').isVisible());
    await checkA11y(page, 'measurement removal refused');
    await page.getByLabel(/^Pourquoi la supprimer/).fill('Comptée deux fois');
    await submit(page, page.getByRole('button', { name: 'Supprimer la mesure' }));
    const history = await page.getByRole('main').innerText();
    assert.match(history, /Corrigée : 14 avr\S* 2021 : 22 personnes/);
    assert.match(history, /Supprimée : 22 juin 2021 : 71 personnes[\s\S]*Comptée deux fois/);
    await checkA11y(page, 'indicator with its history (animateur)');

    // Bringing back revision 1 makes revision 3, which the history says comes from revision 1.
    assert.equal((await submit(page, page.getByRole('button', { name: 'Restaurer la révision 1' }))).status(), 303);
    assert.equal(new URL(page.url()).pathname, indicatorPath);
    assert.match(await page.getByRole('main').innerText(), /Révision 3[\s\S]*Reprend la révision 1[\s\S]*200 → 150/);
    await checkA11y(page, 'indicator after a restored revision (animateur)');
  });

  it('turns a next step of a workshop’s minutes into an action, choosing its lever and scale with the keyboard',
    async () => {
      await page.goto('/evenements/nouveau');
      await page.getByLabel('Titre', { exact: true }).fill('Atelier des données ouvertes');
      await page.getByLabel(/^Adresse/).fill('atelier-donnees-ouvertes');
      await page.getByLabel(/^Début/).fill('2021-06-22T14:00');
      await page.getByLabel(/^Fin/).fill('2021-06-22T16:00');
      // The coalition chosen with the picker: searched, then ticked.
      await page.getByLabel('Ajouter une coalition', { exact: true }).fill('appropriation');
      assert.equal((await submit(page, page.getByRole('button', { name: 'Chercher des coalitions' }))).status(), 200);
      await page.getByLabel(/Pour l’appropriation des données environnementales/).check();
      assert.equal((await submit(page, page.getByRole('button', { name: 'Créer' }))).status(), 303);
      const minutes = '/evenements/atelier-donnees-ouvertes/compte-rendu';
      await page.goto(minutes);
      await Promise.all([
        page.waitForURL((u) => u.pathname === `${minutes}/elements/nouveau`),
        page.getByRole('link', { name: 'Ajouter une question, une décision ou une prochaine étape' }).click(),
      ]);
      const add = page.locator(`form[action="${minutes}/elements"]`);
      await add.getByLabel('Type', { exact: true }).selectOption({ label: 'Prochaine étape' });
      await add.getByLabel(/^Texte/).fill('Publier le catalogue des jeux de données du territoire');
      await add.getByLabel(/^Pour quand/).fill('2021-09-15');
      // The linked coalition with the picker: searched (the form again, what was typed kept), then ticked.
      await add.getByLabel('Ajouter une coalition', { exact: true }).fill('appropriation');
      assert.equal((await submit(page, add.getByRole('button', { name: 'Chercher des coalitions' }))).status(), 200);
      assert.equal(await add.getByLabel(/^Texte/).inputValue(), 'Publier le catalogue des jeux de données du territoire');
      await add.getByLabel('19 — Pour l’appropriation des données environnementales').check();
      assert.equal((await submit(page, add.getByRole('button', { name: 'Ajouter' }))).status(), 303);

      // The link opens the action form pre-filled from the step; nothing is made before it is sent.
      await Promise.all([
        page.waitForURL((u) => u.pathname.endsWith('/action')),
        page.getByRole('link', { name: 'Transformer en action' }).click(),
      ]);
      await page.getByRole('heading', { level: 1, name: 'Transformer une prochaine étape en action' }).waitFor();
      await checkA11y(page, 'action form pre-filled from a next step');
      const form = page.locator(`form[action="${new URL(page.url()).pathname}"]`);
      assert.equal(await form.getByLabel('Titre', { exact: true }).inputValue(),
        'Publier le catalogue des jeux de données du territoire');
      assert.equal(await form.getByLabel(/^Échéance/).inputValue(), '2021-09-15');
      assert.equal(await form.getByLabel('Levier').inputValue(), '', 'the lever is left to choose');
      assert.equal(await form.getByLabel('Échelle').inputValue(), '', 'the scale is left to choose');
      assert.ok(await form.getByLabel(/^Atelier des données ouvertes/).isChecked(), 'linked to the workshop');

      // The keyboard alone: type to choose in each list, Tab to the button, Enter.
      await form.getByLabel('Levier').focus();
      await page.keyboard.type('Le');
      assert.equal(await form.getByLabel('Levier').inputValue(), 'usages');
      await page.keyboard.press('Tab');
      assert.ok(await form.getByLabel('Échelle').evaluate((el) => el === document.activeElement), 'Échelle is next');
      await page.keyboard.type('N');
      assert.equal(await form.getByLabel('Échelle').inputValue(), 'national');
      const send = form.getByRole('button', { name: 'Ajouter l’action' });
      for (let presses = 0; !(await send.evaluate((el) => el === document.activeElement)); presses += 1) {
        assert.ok(presses < 60, 'Tab reaches the button');
        await page.keyboard.press('Tab');
      }
      await Promise.all([
        page.waitForURL((u) => /\/feuille-de-route\/\d+$/.test(u.pathname)),
        page.keyboard.press('Enter'),
      ]);
      // The action page says it is saved, at the top of main, and shows the lever and scale chosen.
      const main = page.getByRole('main');
      assert.equal((await main.getByRole('status').first().innerText()).trim(), 'L’action est enregistrée.');
      await main.getByRole('heading', { level: 1, name: 'Publier le catalogue des jeux de données du territoire' })
        .waitFor();
      assert.match(await main.innerText(), /Levier\s+Les usages[\s\S]*Échelle\s+Nationale/);
      await checkA11y(page, 'action made from a next step, with its confirmation');
    });

  it('the roadmap, impact, coalition and dashboard pages as an animateur have no violation', async () => {
    await expectAccessible(page, `${base}/feuille-de-route`, 'roadmap (animateur)');
    await expectAccessible(page, `${base}/impact`, 'impact (animateur)');
    await expectAccessible(page, base, 'coalition with matrix (animateur)');
    await expectAccessible(page, '/tableau-de-bord', 'dashboard (animateur)');
  });
});

describe('the roadmap pages have no violation, signed out, in French and English', () => {
  for (const english of [false, true]) {
    describe(english ? 'in English' : 'in French', () => {
      let page;
      before(async () => {
        page = await env.newPage(english ? { locale: 'en-GB' } : {});
        if (english) await page.goto('/langue/en?retour=/');
      });
      after(async () => page?.context().close());
      const tag = english ? ' (en)' : '';
      it('the coalition roadmap', async () => expectAccessible(page, `${base}/feuille-de-route`, `roadmap${tag}`));
      it('an action', async () => expectAccessible(page, actionPath, `action${tag}`));
      it('an action’s history, comparing two revisions', async () =>
        expectAccessible(page, `${actionPath}/historique?de=1&a=3`, `action history${tag}`));
      it('the impact page with a chart', async () => expectAccessible(page, `${base}/impact`, `impact${tag}`));
      it('an indicator with its history, comparing two revisions', async () =>
        expectAccessible(page, `${indicatorPath}?de=1&a=3`, `indicator${tag}`));
      it('the coalition page with its matrix', async () => expectAccessible(page, base, `coalition${tag}`));
      it('the programme roadmap, filtered', async () =>
        expectAccessible(page, '/feuille-de-route?levier=usages&statut=realisee', `programme roadmap${tag}`));
      it('the dashboard', async () => expectAccessible(page, '/tableau-de-bord', `dashboard${tag}`));
      it('a missing action is a 404 page', async () =>
        expectAccessible(page, `${base}/feuille-de-route/999999`, `missing action${tag}`, 404));
    });
  }
});

describe('the roadmap pages are frugal, fit in 320 px and break no CSP rule', () => {
  it('each page: ≤ 3 requests, ≤ 30 KB, no horizontal scroll, no CSP violation', async () => {
    const context = await env.newContext({ viewport: { width: 320, height: 640 } });
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective}`));
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const problems = [];
    for (const path of [`${base}/feuille-de-route`, actionPath, `${actionPath}/historique?de=1&a=3`, `${base}/impact`, indicatorPath, base, '/feuille-de-route',
      '/tableau-de-bord']) {
      const { requests: loaded, listener: onRequest } = requestsOfOneLoad();
      const bytes = new Map();
      const onFinished = (e) => bytes.set(e.requestId, e.encodedDataLength);
      page.on('request', onRequest);
      cdp.on('Network.loadingFinished', onFinished);
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      page.off('request', onRequest);
      cdp.off('Network.loadingFinished', onFinished);
      const total = [...bytes.values()].reduce((a, b) => a + b, 0);
      const { width, csp } = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth, csp: window.__csp }));
      if (loaded.length > 3) problems.push(`${path}: ${loaded.length} requests\n  ${loaded.join('\n  ')}`);
      if (total > 30 * 1024) problems.push(`${path}: ${total} bytes`);
      if (width > 320) problems.push(`${path}: ${width}px wide at 320 px`);
      for (const c of csp) problems.push(`${path}: CSP violation ${c}`);
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
});
