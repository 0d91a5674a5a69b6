// The commons in the browser: an animateur proposes a resource, drafts the charter, opens its
// consultation and adopts it; a member comments, signs and shares an experience; search finds them.
// Every new page passes axe-core (signed out, as a member, as an animateur, with errors shown), and
// fits in 320 px within the weight budget without breaking the Content-Security-Policy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  ANIMATEUR, MEMBER, checkA11y, expectAccessible, requestsOfOneLoad, signIn, submit, useServerAndBrowser,
} from './support.mjs';

const env = useServerAndBrowser();

// The history's compare form is a GET form: it leads to the comparison page.
async function compare(page) {
  await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/historique/comparer')),
    page.getByRole('button', { name: 'Comparer' }).click()]);
}

const RESOURCE = 'Guide des données environnementales';
const CARD = 'Un portail de données trop technique';

describe('the commons through their forms', () => {
  let anim;
  let member;
  before(async () => {
    anim = await env.newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
    member = await env.newPage();
    await signIn(member, MEMBER.email, MEMBER.password);
  });
  after(async () => {
    await anim?.context().close();
    await member?.context().close();
  });

  it('a member proposes a resource, errors first, then an animateur publishes it', async () => {
    await member.goto('/ressources/proposer');
    await checkA11y(member, 'resource form');
    await member.getByLabel('Titre').fill(RESOURCE);
    const refused = await submit(member, member.getByRole('button', { name: 'Proposer' }));
    assert.equal(refused.status(), 422);
    await checkA11y(member, 'resource form with errors');
    await member.getByLabel(/^Adresse \(lien\)/).fill('https://example.org/guide');
    await member.getByLabel('Type', { exact: true }).selectOption({ label: 'Guide' });
    await member.getByLabel(/^Description/).fill('Pour rendre les **données** utiles à tous.');
    await member.getByLabel(/^Étiquettes/).fill('données, territoires');
    const created = await submit(member, member.getByRole('button', { name: 'Proposer' }));
    assert.equal(created.status(), 303);
    await checkA11y(member, 'proposed resource');
    await anim.goto(new URL(member.url()).pathname);
    await submit(anim, anim.getByRole('button', { name: 'Publier' }));
    await checkA11y(anim, 'published resource, animateur');
    const resource = new URL(member.url()).pathname;
    await anim.goto(`${resource}/modifier`);
    await checkA11y(anim, 'resource edit form');
    await anim.getByLabel('Licence', { exact: true }).selectOption('CC-BY-SA-4.0');
    await anim.getByLabel(/^Description/).fill('Pour rendre les **données environnementales** utiles à tous.');
    assert.equal((await submit(anim, anim.getByRole('button', { name: 'Enregistrer' }))).status(), 303);
    await checkA11y(anim, 'resource with a history, animateur');
    await compare(anim);
    assert.equal(new URL(anim.url()).pathname, `${resource}/historique/comparer`);
    await checkA11y(anim, 'two revisions of a resource compared');
    assert.ok(await anim.locator('ins').first().isVisible(), 'the added words are marked');
    await anim.goto(resource);
    assert.equal((await submit(anim, anim.getByRole('button', { name: 'Restaurer version 1' }))).status(), 303);
    await checkA11y(anim, 'resource restored');
    assert.equal(await anim.locator('#historique ~ div.table tbody tr').count(), 3);
  });

  it('an animateur drafts the charter, opens the consultation; a member comments; it is adopted and signed', async () => {
    await expectAccessible(anim, '/charte/versions/nouvelle', 'new charter version form');
    await anim.getByLabel(/^Principes d’engagement/).fill('Chaque acteur contribue à au moins une coalition.');
    await submit(anim, anim.getByRole('button', { name: 'Enregistrer le brouillon' }));
    assert.equal(new URL(anim.url()).pathname, '/charte/versions/1');
    await checkA11y(anim, 'charter draft');
    await anim.getByRole('link', { name: 'Modifier ce brouillon' }).click();
    await checkA11y(anim, 'charter draft edit form');
    await anim.getByLabel(/^Rituels partagés/).fill('Une Reset Day chaque mois.');
    assert.equal((await submit(anim, anim.getByRole('button', { name: 'Enregistrer le brouillon' }))).status(), 303);
    await submit(anim, anim.getByRole('button', { name: 'Ouvrir la consultation' }));
    await expectAccessible(member, '/charte/versions/1', 'charter in consultation, member');
    await member.getByLabel(/^Votre commentaire sur « Principes d’engagement »/).fill('Et partager ce qu’il apprend.');
    await submit(member, member.locator('form[action="/charte/versions/1/commentaires"]').first().getByRole('button'));
    await checkA11y(member, 'charter with a comment');
    await expectAccessible(anim, '/charte/versions/1/modifier', 'charter version frozen by its consultation', 409);
    await anim.goto('/charte/versions/1');
    // Adopting asks first, on a page of its own: nothing is adopted by following the link.
    await anim.getByRole('link', { name: 'Adopter cette version' }).click();
    await anim.waitForLoadState();
    assert.equal(new URL(anim.url()).pathname, '/charte/versions/1/adopter');
    await checkA11y(anim, 'charter adoption asked for confirmation');
    assert.ok(await anim.getByRole('heading', { level: 1, name: 'Adopter la version 1 de la charte ?' }).isVisible());
    assert.equal((await submit(anim, anim.getByRole('button', { name: 'Adopter la version 1' }))).status(), 303);
    await expectAccessible(member, '/charte', 'charter in force, member');
    const signed = await submit(member, member.getByRole('button', { name: 'Signer cette version' }));
    assert.equal(signed.status(), 303);
    await checkA11y(member, 'signatories');
    await member.goto('/charte');
    const twice = await submit(member, member.getByRole('button', { name: 'Signer cette version' }));
    assert.equal(twice.status(), 422);
    await checkA11y(member, 'charter signed twice');
  });

  it('a member shares an experience, errors first, and an animateur publishes it', async () => {
    await expectAccessible(member, '/boussole/proposer', 'boussole form');
    await member.getByLabel('Titre').fill(CARD);
    const refused = await submit(member, member.getByRole('button', { name: 'Proposer' }));
    assert.equal(refused.status(), 422);
    await checkA11y(member, 'boussole form with errors');
    await member.getByLabel('Issue').selectOption({ label: 'Cela n’a pas marché' });
    await member.getByLabel('Ce qui a été essayé').fill('Ouvrir toutes les données sur un portail.');
    await submit(member, member.getByRole('button', { name: 'Proposer' }));
    const path = new URL(member.url()).pathname;
    await anim.goto(path);
    await submit(anim, anim.getByRole('button', { name: 'Publier' }));
    await checkA11y(anim, 'boussole card');
    await anim.goto(`${path}/modifier`);
    await anim.getByLabel(/^Ce que nous en avons appris/).fill('Commencer par les usages.');
    assert.equal((await submit(anim, anim.getByRole('button', { name: 'Enregistrer' }))).status(), 303);
    await compare(anim);
    await checkA11y(anim, 'two revisions of a card compared');
    await anim.goto(path);
    const restored = await submit(anim, anim.getByRole('button', { name: 'Restaurer version 1' }));
    assert.equal(restored.status(), 303);
    await checkA11y(anim, 'card restored, with its history');
  });

  it('every list and the search pass axe, signed out', async () => {
    const page = await env.newPage();
    try {
      for (const [path, label] of [
        ['/ressources', 'resources'], ['/ressources?type=guide', 'resources filtered'],
        ['/charte', 'charter'], ['/charte/versions', 'charter versions'], ['/charte/versions/1', 'charter version 1'],
        ['/charte/signataires', 'signatories'], ['/charte/signataires?version=1', 'signatories of version 1'],
        ['/boussole', 'boussole'], ['/boussole?issue=n-a-pas-marche', 'boussole filtered'],
        ['/recherche', 'empty search'], ['/recherche?q=donnees', 'search results'],
        ['/recherche?q=donnees&type=resource', 'search one type'], ['/recherche?q=%22%28*', 'hostile search'],
      ]) await expectAccessible(page, path, label);
      await page.goto('/recherche?q=donnees');
      assert.ok(await page.getByRole('link', { name: RESOURCE }).isVisible(), 'the resource is found');
      assert.ok(await page.getByRole('link', { name: CARD }).isVisible(), 'the card is found');
      // The search box of the header works without JavaScript.
      await page.goto('/');
      await page.getByRole('searchbox', { name: 'Rechercher sur le site' }).fill('numérique environnementales');
      await Promise.all([page.waitForURL((u) => u.pathname === '/recherche'),
        page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click()]);
    } finally {
      await page.context().close();
    }
  });
});

describe('the commons pages are frugal and fit in 320 px', () => {
  it('stay under 30 KB and 3 requests, 320 px wide, without CSP violations', async () => {
    const context = await env.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: true });
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
    });
    const page = await context.newPage();
    const problems = [];
    try {
      for (const path of ['/ressources', '/charte', '/charte/versions/1', '/charte/signataires', '/boussole',
        '/recherche?q=donnees', '/ressources/guide-des-donnees-environnementales',
        '/ressources/guide-des-donnees-environnementales/historique/comparer?de=1&a=2',
        '/boussole/un-portail-de-donnees-trop-technique',
        '/boussole/un-portail-de-donnees-trop-technique/historique/comparer?de=1&a=2']) {
        const { requests, listener: onRequest } = requestsOfOneLoad();
        page.on('request', onRequest);
        const response = await page.goto(path);
        await page.waitForLoadState('networkidle');
        page.off('request', onRequest);
        const body = await response.body();
        const { width, csp } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, csp: window.__csp }));
        if (requests.length > 3) problems.push(`${path}: ${requests.length} requests`);
        if (body.length > 30 * 1024) problems.push(`${path}: ${body.length} bytes`);
        if (width > 320) problems.push(`${path}: ${width}px wide`);
        for (const c of csp) problems.push(`${path}: CSP ${c}`);
      }
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
});
