// Coalitions in the browser: an animateur sets up a family, a cohort and a coalition through the
// forms and writes its booklet twice; every coalition page then passes axe-core (in French and in
// English, signed out, as a member and as an animateur, with errors and with a conflict shown), a
// member declares an interest with the keyboard alone, and each page stays light, fits in 320 px
// and triggers no Content-Security-Policy violation; then two co-porteurs edit the booklet at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  ANIMATEUR, MEMBER, checkA11y, expectAccessible, requestsOfOneLoad, signIn, submit, useServerAndBrowser,
} from './support.mjs';

const env = useServerAndBrowser();

const FAMILY = 'Numérique d’intérêt général';
const COHORT = 'Promotion 2025';
const COALITION = { number: '8.a', title: 'Développer et maintenir les communs numériques' };
const COALITION_NAME = `Coalition ${COALITION.number} — ${COALITION.title}`;

// The two revisions of the booklet: different text, with a list, a link and a table in Markdown.
const REVISION_1 = {
  intention: 'Faire des communs numériques une infrastructure publique entretenue dans la durée.',
  probleme: 'Les communs numériques reposent sur du travail bénévole et des financements ponctuels.',
  comment: 'Première version du livret',
};
const REVISION_2 = {
  intention: 'Faire des communs numériques une infrastructure publique financée, gouvernée et entretenue '
    + 'dans la durée par celles et ceux qui en dépendent.',
  probleme: [
    'Les communs numériques manquent de moyens :',
    '',
    '- des financements ponctuels, rarement pour la maintenance ;',
    '- une maintenance bénévole et épuisante ;',
    '- trop peu de [commande publique qui contribue](https://example.org/commande-publique).',
    '',
    '| Acteur | Rôle | Besoin |',
    '| --- | --- | --- |',
    '| Collectivités territoriales | Commanditaires | Des critères d’achat qui valorisent la contribution |',
    '| Associations | Contributrices | Du temps de maintenance rémunéré |',
    '| Entreprises du numérique | Prestataires | Des contrats qui financent le code partagé |',
  ].join('\n'),
  victoires: 'Un premier marché public qui finance la maintenance d’un commun.',
  comment: 'Ajout du diagnostic et des premières victoires',
};

const DECLARATION_MESSAGE = 'Une équipe de développeuses prête à maintenir un logiciel libre utilisé par les mairies.';

let slug; // the coalition's address, once it exists
const coalitionPath = () => `/coalitions/${slug}`;

async function addTerm(page, path, label) {
  await page.goto(path);
  const form = page.locator(`form[action="${path}"]`);
  await form.getByLabel('Libellé').fill(label);
  await submit(page, form.getByRole('button', { name: 'Ajouter' }));
  assert.equal(new URL(page.url()).pathname, path);
  assert.ok(await page.locator(`input[value="${label}"]`).count() === 1, `${label} is listed on ${path}`);
}

async function saveBooklet(page, sections, comment) {
  await page.goto(`${coalitionPath()}/modifier`);
  for (const [title, text] of sections) await page.getByLabel(title).fill(text);
  await page.getByLabel(/^Qu’avez-vous modifié/).fill(comment);
  // Back to the coalition page, which says so at the top of main.
  await Promise.all([
    page.waitForURL((u) => u.pathname === coalitionPath()),
    page.getByRole('button', { name: 'Enregistrer le livret' }).click(),
  ]);
  assert.equal((await page.getByRole('main').getByRole('status').first().innerText()).trim(),
    'Le livret est enregistré.');
}

describe('an animateur sets up a coalition through the forms', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('adds a family and a cohort', async () => {
    await addTerm(page, '/coalitions/familles', FAMILY);
    await addTerm(page, '/coalitions/promotions', COHORT);
  });

  it('opens coalition 8.a at the framing stage', async () => {
    await page.goto('/coalitions/nouvelle');
    await page.getByLabel('Numéro').fill(COALITION.number);
    await page.getByLabel('Titre', { exact: true }).fill(COALITION.title);
    await page.getByLabel(/^Résumé/).fill('Des communs numériques financés et entretenus par ceux qui en dépendent.');
    await page.getByLabel('Famille').selectOption({ label: FAMILY });
    await page.getByLabel('Étape').selectOption({ label: 'Cadrage' });
    await page.getByLabel(/^Promotion/).selectOption({ label: COHORT });
    await page.getByLabel('Nationale').check();
    await Promise.all([
      page.waitForURL((u) => /^\/coalitions\/[a-z0-9-]+$/.test(u.pathname) && u.pathname !== '/coalitions/nouvelle'),
      page.getByRole('button', { name: 'Enregistrer la fiche' }).click(),
    ]);
    slug = new URL(page.url()).pathname.split('/').pop();
    await page.getByRole('heading', { level: 1, name: COALITION_NAME }).waitFor();
  });

  it('writes the booklet twice, so that it has two different revisions', async () => {
    await saveBooklet(page, [[/^Intention transformatrice/, REVISION_1.intention], [/^Problème/, REVISION_1.probleme]],
      REVISION_1.comment);
    await saveBooklet(page, [[/^Intention transformatrice/, REVISION_2.intention], [/^Problème/, REVISION_2.probleme],
      [/^Premières victoires possibles/, REVISION_2.victoires]], REVISION_2.comment);
    await page.goto(`${coalitionPath()}/historique`);
    const rows = page.getByRole('table', { name: /^Versions/ }).locator('tbody tr');
    assert.equal(await rows.count(), 2, 'the history lists two revisions');
    await page.goto(coalitionPath());
    const main = page.getByRole('main');
    assert.ok(await main.getByRole('link', { name: 'commande publique qui contribue' }).isVisible(), 'the link is rendered');
    assert.ok(await main.getByRole('table').filter({ hasText: 'Collectivités territoriales' }).isVisible(),
      'the table is rendered');
    assert.ok(await main.getByRole('listitem').filter({ hasText: 'maintenance bénévole' }).isVisible(),
      'the list is rendered');
  });
});

describe('a co-porteur saves the fiche with the keyboard alone and is told so', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('tabs from the summary to the fiche’s button, presses Enter, and reads the confirmation', async () => {
    await page.goto(`${coalitionPath()}/modifier`);
    const summary = page.getByLabel(/^Résumé/);
    await summary.focus();
    const save = page.getByRole('button', { name: 'Enregistrer la fiche' });
    for (let presses = 0; !(await save.evaluate((el) => el === document.activeElement)); presses += 1) {
      assert.ok(presses < 40, 'Tab reaches the fiche’s button');
      await page.keyboard.press('Tab');
    }
    await Promise.all([
      page.waitForURL((u) => u.pathname === coalitionPath() && u.search === '?enregistre=fiche'),
      page.keyboard.press('Enter'),
    ]);
    const status = page.getByRole('main').getByRole('status').first();
    assert.equal((await status.innerText()).trim(), 'La fiche de la coalition est enregistrée.');
    // The first thing in main, above the title.
    assert.ok(await status.evaluate((el) => el.parentElement.tagName === 'MAIN' && !el.previousElementSibling));
    await checkA11y(page, 'coalition page after its fiche was saved');
  });
});

describe('a member declares an interest with the keyboard alone', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, MEMBER.email, MEMBER.password);
  });
  after(async () => page?.context().close());

  const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);
  const describeFocus = (p) => p.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    const label = el.labels?.[0]?.textContent ?? el.textContent ?? '';
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ''}> ${label.trim().slice(0, 60)}`;
  });
  async function tabTo(target, max = 60) {
    for (let presses = 1; presses <= max; presses += 1) {
      await page.keyboard.press('Tab');
      if (await isFocused(target)) return presses;
    }
    return assert.fail(`${max} presses of Tab never reached ${target}; the focus is on ${await describeFocus(page)}`);
  }

  it('the coalition page as a member, before declaring, has no accessibility violation', async () => {
    await expectAccessible(page, coalitionPath(), 'coalition (member, no declaration yet)');
  });

  it('checks two levers with Space, types a message and sends it with Enter', async () => {
    await page.goto(coalitionPath());
    const commande = page.getByLabel('La commande', { exact: true });
    const usages = page.getByLabel('Les usages', { exact: true });
    const message = page.getByLabel(/^Ce que je peux apporter/);
    const button = page.getByRole('button', { name: 'Déclarer mon intérêt' });

    await tabTo(commande);
    await page.keyboard.press('Space');
    assert.ok(await commande.isChecked(), 'Space checks “La commande”');
    await tabTo(usages, 2);
    await page.keyboard.press('Space');
    assert.ok(await usages.isChecked(), 'Space checks “Les usages”');
    assert.equal(await page.getByLabel('L’offre', { exact: true }).isChecked(), false, '“L’offre” stays unchecked');
    await tabTo(message, 1);
    await page.keyboard.type(DECLARATION_MESSAGE);
    await tabTo(button, 1);
    await Promise.all([
      page.waitForURL((u) => u.pathname === coalitionPath() && u.hash === '#interet'),
      page.keyboard.press('Enter'),
    ]);

    assert.ok(await page.getByText('Vous avez déclaré votre intérêt pour cette coalition.').isVisible(),
      'the page says the interest was declared');
    assert.ok(await page.getByLabel('La commande', { exact: true }).isChecked());
    assert.equal(await page.getByLabel('L’offre', { exact: true }).isChecked(), false);
    assert.ok(await page.getByLabel('Les usages', { exact: true }).isChecked());
    assert.equal(await page.getByLabel(/^Ce que je peux apporter/).inputValue(), DECLARATION_MESSAGE);
    assert.equal(await page.getByRole('button', { name: 'Mettre à jour ma déclaration' }).count(), 1,
      'the form now offers to update the declaration');
  });

  it('the coalition page as a member with a declaration has no accessibility violation', async () => {
    await expectAccessible(page, coalitionPath(), 'coalition (member, declared)');
  });

  it('the account page lists the declaration', async () => {
    await page.goto('/compte');
    const section = page.getByRole('region', { name: 'Mes coalitions' });
    assert.ok(await section.getByRole('link', { name: new RegExp(COALITION.title) }).isVisible(),
      'the coalition is listed on the account page');
    assert.match(await section.innerText(), new RegExp(DECLARATION_MESSAGE.slice(0, 40)));
  });
});

describe('the coalition pages in French have no accessibility violation', () => {
  describe('signed out', () => {
    let page;
    before(async () => { page = await env.newPage(); });
    after(async () => page?.context().close());

    it('the home page, listing the coalitions by family', async () => {
      await expectAccessible(page, '/', 'home with coalitions');
      assert.ok(await page.getByRole('main').getByText(FAMILY).first().isVisible(), 'the home page names the family');
      assert.ok(await page.getByRole('main').getByRole('link', { name: new RegExp(COALITION.title) }).isVisible());
    });

    it('the list of coalitions', async () => {
      await expectAccessible(page, '/coalitions', 'coalitions');
    });

    it('the list of coalitions filtered by stage', async () => {
      await expectAccessible(page, '/coalitions?etape=cadrage', 'coalitions at the framing stage');
      assert.ok(await page.getByRole('main').getByRole('link', { name: COALITION_NAME }).isVisible());
    });

    it('the coalition page', async () => {
      await expectAccessible(page, coalitionPath(), 'coalition (signed out)');
    });

    it('the history of the booklet', async () => {
      await expectAccessible(page, `${coalitionPath()}/historique`, 'history');
    });

    it('two revisions compared, reached through the compare form', async () => {
      await page.goto(`${coalitionPath()}/historique`);
      await page.getByLabel('Comparer la version').selectOption('1');
      await page.getByLabel('avec la version').selectOption('2');
      await Promise.all([
        page.waitForURL((u) => u.pathname === `${coalitionPath()}/historique/comparer`),
        page.getByRole('button', { name: 'Comparer' }).click(),
      ]);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('de'), '1');
      assert.equal(url.searchParams.get('a'), '2');
      assert.ok(await page.locator('main ins').count() > 0, 'added words are marked');
      await checkA11y(page, 'compare');
    });

    it('one revision as it was', async () => {
      await expectAccessible(page, `${coalitionPath()}/historique/1`, 'revision 1');
    });
  });

  describe('as an animateur', () => {
    let page;
    before(async () => {
      page = await env.newPage();
      await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
    });
    after(async () => page?.context().close());

    it('the coalition page with the declaration shown', async () => {
      await page.goto(coalitionPath());
      const declarations = page.getByRole('table').filter({ hasText: DECLARATION_MESSAGE });
      assert.ok(await declarations.isVisible(), 'the animateur sees the member’s declaration');
      await checkA11y(page, 'coalition (animateur, with a declaration)');
    });

    it('the coalition page once the member who declared is made a member', async () => {
      await page.goto(coalitionPath());
      const row = page.getByRole('row').filter({ hasText: DECLARATION_MESSAGE });
      await row.getByRole('combobox').selectOption('membre');
      await Promise.all([
        page.waitForURL((u) => u.pathname === coalitionPath() && u.search === '?enregistre=role'),
        row.getByRole('button', { name: /^Appliquer/ }).click(),
      ]);
      await page.waitForLoadState();
      assert.ok(await page.getByRole('status').getByText('Le rôle du membre est enregistré.').isVisible());
      assert.ok(await page.getByRole('table').filter({ hasText: 'Membre' }).first().isVisible());
      assert.equal(await page.getByRole('combobox', { name: `Rôle de ${MEMBER.name}` }).count(), 2,
        'both role menus of the member (as member, as declarant) have their name');
      await checkA11y(page, 'coalition (animateur, with a member who declared)');
    });

    it('the edit page', async () => {
      await expectAccessible(page, `${coalitionPath()}/modifier`, 'edit');
    });

    it('the edit page after a refused save (a note over 300 characters)', async () => {
      await page.goto(`${coalitionPath()}/modifier`);
      const comment = page.getByLabel(/^Qu’avez-vous modifié/);
      // The browser would stop at maxlength; the server must refuse on its own.
      await comment.evaluate((el) => el.removeAttribute('maxlength'));
      await comment.fill('Trop long. '.repeat(40));
      const response = await submit(page, page.getByRole('button', { name: 'Enregistrer le livret' }));
      assert.equal(response.status(), 422);
      assert.ok(await page.locator('.error-summary').isVisible(), 'the errors are summed up');
      assert.equal(await comment.getAttribute('aria-invalid'), 'true');
      await checkA11y(page, 'edit with errors');
    });

    it('the families of coalitions', async () => {
      await expectAccessible(page, '/coalitions/familles', 'families');
    });

    it('the cohorts of coalitions', async () => {
      await expectAccessible(page, '/coalitions/promotions', 'cohorts');
    });

    it('the form to open a coalition', async () => {
      await expectAccessible(page, '/coalitions/nouvelle', 'new coalition');
    });

    it('the form to open a coalition, sent empty', async () => {
      await page.goto('/coalitions/nouvelle');
      const response = await submit(page, page.getByRole('button', { name: 'Enregistrer la fiche' }));
      assert.equal(response.status(), 422);
      assert.ok(await page.locator('.error-summary').isVisible(), 'the errors are summed up');
      await checkA11y(page, 'new coalition with errors');
    });

    it('the conflict page, when someone saved the booklet meanwhile', async () => {
      const other = await page.context().newPage();
      try {
        await page.goto(`${coalitionPath()}/modifier`);
        await saveBooklet(other, [[/^Impact recherché/, 'Des communs entretenus sans épuiser leurs mainteneurs.']],
          'Impact ajouté dans un autre onglet');
        await page.getByLabel(/^Impact recherché/).fill('Moins de logiciels abandonnés dans les services publics.');
        const response = await submit(page, page.getByRole('button', { name: 'Enregistrer le livret' }));
        assert.equal(response.status(), 409);
        assert.ok(await page.getByRole('heading', { name: /^Quelqu’un a enregistré le livret/ }).isVisible());
        assert.ok(await page.locator('.merge ins').count() > 0, 'the conflict shows what the other added');
        assert.equal(await page.getByLabel(/^Impact recherché/).inputValue(),
          'Moins de logiciels abandonnés dans les services publics.', 'nothing typed was lost');
        await checkA11y(page, 'conflict');
      } finally {
        await other.close();
      }
    });
  });

  describe('in English', () => {
    let page;
    before(async () => {
      page = await env.newPage();
      await page.goto('/langue/en?retour=/');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    });
    after(async () => page?.context().close());

    it('the coalition page', async () => {
      await expectAccessible(page, coalitionPath(), 'coalition (en)');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    });

    it('the history of the booklet', async () => {
      await expectAccessible(page, `${coalitionPath()}/historique`, 'history (en)');
    });
  });
});

// Each page is loaded with the cache disabled, in a 320 px wide window, counting every request and
// the bytes Chromium received for each (headers and encoded body), and watching for CSP violations.
describe('the coalition pages are frugal, fit in 320 px and break no CSP rule', () => {
  const MAX_REQUESTS = 3;
  const MAX_BYTES = 30 * 1024;
  const CSP = /Content[- ]Security[- ]Policy|Refused to (apply|load|execute|connect|frame|evaluate)/i;
  const table = [];

  async function visitor({ signedInAs, english } = {}) {
    const context = await env.newContext({ viewport: { width: 320, height: 640 } });
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation',
        (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    if (english) await page.goto('/langue/en?retour=/');
    if (signedInAs) await signIn(page, signedInAs.email, signedInAs.password);
    // What the set-up's last page still loads (its icon comes after the load event) must not be
    // counted with the first page inspected.
    if (english || signedInAs) await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    return { context, page, cdp, problems: [] };
  }

  // Runs `action` (a navigation or a form submission) on the visitor's page and checks what it loaded.
  async function inspect(v, label, action, expectedStatus = 200) {
    const { page, cdp, problems } = v;
    const { requests, listener: onRequest } = requestsOfOneLoad();
    const bytes = new Map();
    const cspConsole = [];
    const onFinished = (e) => bytes.set(e.requestId, e.encodedDataLength);
    const onConsole = (m) => { if (CSP.test(m.text())) cspConsole.push(m.text()); };
    page.on('request', onRequest);
    cdp.on('Network.loadingFinished', onFinished);
    page.on('console', onConsole);
    let response;
    try {
      response = await action(page);
      await page.waitForLoadState('networkidle');
    } finally {
      page.off('request', onRequest);
      cdp.off('Network.loadingFinished', onFinished);
      page.off('console', onConsole);
    }
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    const { scrollWidth, culprit, csp } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The first element past the right edge that is not inside a box scrolling on its own.
      const scrolls = (el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
        }
        return false;
      };
      const over = [...document.querySelectorAll('body *')]
        .find((el) => el.getBoundingClientRect().right > width + 0.5 && !scrolls(el));
      return { scrollWidth: document.documentElement.scrollWidth, culprit: over ? over.outerHTML.slice(0, 160) : '',
        csp: window.__csp };
    });
    table.push({ page: label, status: response.status(), requests: requests.length, bytes: total, width: scrollWidth });
    if (response.status() !== expectedStatus) problems.push(`${label}: status ${response.status()}, not ${expectedStatus}`);
    if (requests.length > MAX_REQUESTS) problems.push(`${label}: ${requests.length} requests\n  ${requests.join('\n  ')}`);
    if (!(total > 0)) problems.push(`${label}: no bytes measured`);
    if (total > MAX_BYTES) problems.push(`${label}: ${total} bytes transferred`);
    if (scrollWidth > 320) problems.push(`${label}: ${scrollWidth}px wide at 320 px (${culprit})`);
    for (const m of [...cspConsole, ...csp]) problems.push(`${label}: CSP violation: ${m}`);
  }

  const open = (path) => (page) => page.goto(path);
  const send = (button) => async (page) => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      button(page).click(),
    ]);
    return response;
  };

  after(() => {
    console.log(`${'page'.padEnd(48)} status requests  bytes  width`);
    for (const r of table) {
      console.log(`${r.page.padEnd(48)} ${String(r.status).padStart(6)} ${String(r.requests).padStart(8)} `
        + `${String(r.bytes).padStart(6)} ${String(r.width).padStart(6)}`);
    }
  });

  it('signed out: home, lists, coalition, history, compare and revision pages', async () => {
    const v = await visitor();
    try {
      await inspect(v, '/', open('/'));
      await inspect(v, '/coalitions', open('/coalitions'));
      await inspect(v, '/coalitions?etape=cadrage', open('/coalitions?etape=cadrage'));
      await inspect(v, 'coalition (signed out)', open(coalitionPath()));
      await inspect(v, 'history', open(`${coalitionPath()}/historique`));
      await inspect(v, 'compare 1 → 2', open(`${coalitionPath()}/historique/comparer?de=1&a=2`));
      await inspect(v, 'revision 2', open(`${coalitionPath()}/historique/2`));
    } finally {
      await v.context.close();
    }
    assert.deepEqual(v.problems, []);
  });

  it('as a member: the coalition page with their declaration', async () => {
    const v = await visitor({ signedInAs: MEMBER });
    try {
      await inspect(v, 'coalition (member)', open(coalitionPath()));
    } finally {
      await v.context.close();
    }
    assert.deepEqual(v.problems, []);
  });

  it('as an animateur: coalition, edit (also refused and in conflict), families, new coalition (also refused)', async () => {
    const v = await visitor({ signedInAs: ANIMATEUR });
    const other = await v.context.newPage();
    try {
      await inspect(v, 'coalition (animateur)', open(coalitionPath()));
      await inspect(v, 'history (animateur)', open(`${coalitionPath()}/historique`));
      await inspect(v, 'edit', open(`${coalitionPath()}/modifier`));
      const comment = v.page.getByLabel(/^Qu’avez-vous modifié/);
      await comment.evaluate((el) => el.removeAttribute('maxlength'));
      await comment.fill('Beaucoup trop long. '.repeat(20));
      await inspect(v, 'edit, refused (422)', send((page) => page.getByRole('button', { name: 'Enregistrer le livret' })),
        422);
      await inspect(v, '/coalitions/familles', open('/coalitions/familles'));
      await inspect(v, '/coalitions/nouvelle', open('/coalitions/nouvelle'));
      await inspect(v, '/coalitions/nouvelle, sent empty (422)',
        send((page) => page.getByRole('button', { name: 'Enregistrer la fiche' })), 422);
      // The conflict: the form is open here, someone saves it in another tab, then this one is sent.
      await v.page.goto(`${coalitionPath()}/modifier`);
      await saveBooklet(other, [[/^Acteurs à associer/, 'Les directions du numérique des ministères.']],
        'Acteurs ajoutés dans un autre onglet');
      await v.page.getByLabel(/^Acteurs à associer/).fill('Les collectivités et leurs opérateurs publics de services numériques.');
      await inspect(v, 'conflict (409)', send((page) => page.getByRole('button', { name: 'Enregistrer le livret' })), 409);
      assert.ok(await v.page.locator('.merge .diff').first().isVisible(), 'the conflict shows a diff');
    } finally {
      await v.context.close();
    }
    assert.deepEqual(v.problems, []);
  });

  it('in English: the coalition page and its history', async () => {
    const v = await visitor({ english: true });
    try {
      await inspect(v, 'coalition (en)', open(coalitionPath()));
      await inspect(v, 'history (en)', open(`${coalitionPath()}/historique`));
    } finally {
      await v.context.close();
    }
    assert.deepEqual(v.problems, []);
  });
});

// Issue #19: two co-porteurs edit the booklet from the same revision, each in their own browser.
// What only one of them changed is merged at once; a section both changed is shown side by side —
// as it was, their text, mine — and settled with the keyboard alone; nothing is saved before that.
describe('two co-porteurs edit the booklet at the same time', () => {
  let anim;
  let member;
  const editPath = () => `${coalitionPath()}/modifier`;
  const saveButton = (page) => page.getByRole('button', { name: 'Enregistrer le livret' });

  before(async () => {
    anim = await env.newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
    member = await env.newPage();
    await signIn(member, MEMBER.email, MEMBER.password);
    // The animateur makes the member a co-porteur: two people may now edit the booklet.
    await anim.goto(coalitionPath());
    const form = anim.locator('form').filter({ has: anim.getByLabel('Rôle de Marc Membre') }).first();
    await form.getByLabel('Rôle de Marc Membre').selectOption('co-porteur');
    await submit(anim, form.getByRole('button', { name: 'Appliquer' }));
  });
  after(async () => {
    await anim?.context().close();
    await member?.context().close();
  });

  const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);
  async function tabTo(page, target, max = 80) {
    for (let presses = 1; presses <= max; presses += 1) {
      await page.keyboard.press('Tab');
      if (await isFocused(target)) return presses;
    }
    return assert.fail(`${max} presses of Tab never reached ${target}`);
  }

  it('what only one of them changed is merged at once, and the second is told', async () => {
    const impact = 'Des communs maintenus par des équipes rémunérées dans trois ministères.';
    const experiences = 'Le socle interministériel de logiciels libres, entretenu depuis 2013.';
    await anim.goto(editPath());
    await member.goto(editPath());
    await anim.getByLabel(/^Impact recherché/).fill(impact);
    assert.equal((await submit(anim, saveButton(anim))).status(), 303);
    await member.getByLabel(/^Expériences existantes/).fill(experiences);
    const response = await submit(member, saveButton(member));
    assert.equal(response.status(), 303, 'the stale form is merged, not refused');
    assert.ok(await member.getByText(/^Enregistré\. La version \d+ a été enregistrée pendant que vous modifiiez/)
      .isVisible(), 'the page the save leads to tells the merge');
    assert.ok(await member.getByRole('cell', { name: /^Fusionnée avec la version \d+/ }).first().isVisible());
    await member.goto(coalitionPath());
    assert.ok(await member.getByText(impact).first().isVisible(), 'the other person’s section was not undone');
    assert.ok(await member.getByText(experiences).first().isVisible());
  });

  it('a section both changed is settled side by side, with the keyboard alone', async () => {
    const theirs = 'Un monde où chaque service public contribue aux communs qu’il utilise.';
    const mine = 'Un monde où les communs numériques sont financés comme des routes.';
    const merged = 'Un monde où chaque service public finance et contribue aux communs qu’il utilise, comme à ses routes.';
    await anim.goto(editPath());
    await member.goto(editPath());
    await anim.getByLabel(/^Vision et récit/).fill(theirs);
    assert.equal((await submit(anim, saveButton(anim))).status(), 303);
    await member.getByLabel(/^Vision et récit/).fill(mine);
    const conflict = await submit(member, saveButton(member));
    assert.equal(conflict.status(), 409);
    assert.ok(await member.getByRole('heading', { name: /^Quelqu’un a enregistré le livret/ }).isVisible());
    const side = member.locator('.merge');
    assert.ok(await side.getByRole('heading', { name: /^Tel qu’il était \(version \d+\)$/ }).isVisible());
    assert.ok(await side.getByRole('heading', { name: /^L’autre texte \(version \d+\)$/ }).isVisible());
    assert.ok(await side.getByRole('heading', { name: 'Votre texte' }).isVisible());
    assert.ok(await side.locator('ins').count() > 0, 'the changes are shown word by word');
    await checkA11y(member, 'booklet conflict to settle');

    // Sent without a choice: refused, the error next to the choice, nothing saved.
    const button = saveButton(member);
    await tabTo(member, button, 200);
    const [refused] = await Promise.all([
      member.waitForResponse((r) => r.request().method() === 'POST'),
      member.keyboard.press('Enter'),
    ]);
    await member.waitForLoadState();
    assert.equal(refused.status(), 422);
    // The new page, not the one the form was sent from (isVisible does not wait for it).
    const unsettled = member.locator('.merge .error').filter({ hasText: 'Choisissez le texte à garder' });
    await unsettled.waitFor();
    assert.ok(await unsettled.isVisible());
    await checkA11y(member, 'booklet conflict left unsettled');
    await anim.goto(coalitionPath());
    assert.ok(await anim.getByText(theirs).first().isVisible(), 'nothing was saved over their text');

    // Merged by hand: the first choice is reached with Tab, the third chosen with the arrows.
    const keepMine = member.getByLabel('Garder mon texte', { exact: true });
    await tabTo(member, keepMine, 200);
    await member.keyboard.press('ArrowDown');
    await member.keyboard.press('ArrowDown');
    assert.ok(await member.getByLabel('Garder le texte fusionné à la main ci-dessous').isChecked());
    const byHand = member.getByLabel(/fusionné à la main \(facultatif\)$/);
    await tabTo(member, byHand, 3);
    assert.equal(await byHand.inputValue(), mine, 'the text to merge starts as mine');
    await member.keyboard.press('Control+A');
    await member.keyboard.type(merged);
    await tabTo(member, button, 60);
    const [saved] = await Promise.all([
      member.waitForResponse((r) => r.request().method() === 'POST'),
      member.keyboard.press('Enter'),
    ]);
    await member.waitForLoadState();
    assert.equal(saved.status(), 303);
    // Settled and saved, merged with the other revision: the history says so (innerText waits for the page).
    assert.match(await member.getByRole('main').getByRole('status').first().innerText(),
      /^Enregistré\. La version \d+ a été enregistrée/);
    await anim.goto(coalitionPath());
    assert.ok(await anim.getByText(merged).first().isVisible(), 'the text merged by hand is the booklet’s');
  });
});
