// Every page passes axe-core's WCAG 2.0/2.1 A and AA rules, in French and in English, empty or
// with content, with a form's errors shown, signed out, as a member and as an animateur.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, createOrganisation, expectAccessible, pageRoutes, signIn, submit, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

// Made through the UI by the member before the pages are checked, so the organisation pages have content.
const ORGANISATION = {
  name: 'Les Petits Débrouillards du Numérique',
  kind: 'Association tech',
  website: 'https://example.org/debrouillards',
  description: 'Ateliers de médiation numérique pour tous les publics, partout en France.',
};
let organisationPath;

describe('as a member', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, MEMBER.email, MEMBER.password);
    organisationPath = await createOrganisation(page, ORGANISATION);
  });
  after(async () => page?.context().close());

  it('the account page has no accessibility violation', async () => {
    await expectAccessible(page, '/compte', 'account');
  });

  it('the account page with a refused password change has no accessibility violation', async () => {
    await page.goto('/compte');
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.waitForLoadState();
    assert.ok(await page.locator('.error-summary').isVisible(), 'the password form shows its errors');
    await checkA11y(page, 'account with password errors');
  });

  it('the access tokens: refused, shown once when made, then listed, without accessibility violation', async () => {
    await page.goto('/compte');
    await page.getByLabel('Lire : vos documents JSON et CSV, tels que vous les voyez').uncheck();
    let response = await submit(page, page.getByRole('button', { name: 'Créer le jeton' }));
    assert.equal(response.status(), 422);
    assert.ok(await page.locator('#f-token_scopes-error').isVisible(), 'the scopes show their error');
    await checkA11y(page, 'account with a refused token');
    await page.getByLabel('Nom du jeton').fill('Script du tableau de bord');
    await page.getByLabel('Écrire : envoyer les formulaires du site en votre nom').check();
    response = await submit(page, page.getByRole('button', { name: 'Créer le jeton' }));
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#jeton').textContent(), /^fabrique_[A-Za-z0-9_-]{43}$/);
    await checkA11y(page, 'new access token');
    await expectAccessible(page, '/compte', 'account with a token');
    assert.ok(await page.getByRole('button', { name: 'Révoquer Script du tableau de bord' }).isVisible());
  });

  it('the form to add an organisation has no accessibility violation', async () => {
    await expectAccessible(page, '/organisations/nouvelle', 'new organisation');
  });

  it('the form to add an organisation, refused, has no accessibility violation', async () => {
    await page.goto('/organisations/nouvelle');
    await page.getByRole('main').getByRole('button', { name: 'Ajouter l’organisation' }).click();
    await page.waitForLoadState();
    assert.ok(await page.locator('.error-summary').isVisible(), 'the form shows its errors');
    await checkA11y(page, 'new organisation with errors');
  });

  it('the edit form of their own organisation has no accessibility violation', async () => {
    await expectAccessible(page, `${organisationPath}/modifier`, 'edit organisation (member)');
  });

  it('the page refusing the kinds of organisation to a member has no accessibility violation', async () => {
    await expectAccessible(page, '/organisations/types', 'kinds refused to a member', 403);
  });
});

describe('in French, signed out', () => {
  let page;
  before(async () => { page = await env.newPage(); });
  after(async () => page?.context().close());

  it('the home page has no accessibility violation', async () => {
    await expectAccessible(page, '/', 'home');
  });

  it('the sign-up form has no accessibility violation', async () => {
    await expectAccessible(page, '/inscription', 'sign up');
  });

  it('the sign-up form sent empty, with its errors shown, has no accessibility violation', async () => {
    await page.goto('/inscription');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Créer mon compte' }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState();
    await checkA11y(page, 'sign up with errors');
  });

  it('the sign-in form has no accessibility violation', async () => {
    await expectAccessible(page, '/connexion', 'sign in');
  });

  it('the sign-in form refused for a wrong password has no accessibility violation', async () => {
    await page.goto('/connexion');
    await page.getByLabel('Adresse électronique').fill(MEMBER.email);
    await page.getByLabel('Mot de passe').fill('not-the-password');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click(),
    ]);
    assert.equal(response.status(), 422);
    await page.waitForLoadState();
    await checkA11y(page, 'sign in with a wrong password');
  });

  it('the list of organisations has no accessibility violation', async () => {
    await expectAccessible(page, '/organisations', 'organisations');
  });

  it('the list of organisations filtered by kind has no accessibility violation', async () => {
    await expectAccessible(page, '/organisations?type=association-tech', 'organisations filtered');
  });

  it('the register of environmental data, empty and filtered, has no accessibility violation', async () => {
    await expectAccessible(page, '/donnees', 'datasets');
    await expectAccessible(page, '/donnees?theme=air&territoire=nulle-part', 'datasets filtered');
  });

  it('an organisation page with a description, a website and a member has no accessibility violation', async () => {
    await page.goto(organisationPath);
    await page.getByRole('heading', { level: 1, name: ORGANISATION.name }).waitFor();
    await checkA11y(page, 'organisation');
  });

  it('the page not found has no accessibility violation', async () => {
    await expectAccessible(page, '/cette-page-nexiste-pas', 'not found', 404);
  });

  it('the page refusing an edit form to someone signed out redirects to an accessible sign-in form', async () => {
    await page.goto(`${organisationPath}/modifier`);
    assert.equal(new URL(page.url()).pathname, '/connexion');
    await checkA11y(page, 'sign in on the way to an edit form');
  });
});

describe('as an animateur', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => page?.context().close());

  it('the kinds of organisation page has no accessibility violation', async () => {
    await expectAccessible(page, '/organisations/types', 'kinds');
  });

  it('the themes of environmental data page has no accessibility violation', async () => {
    await expectAccessible(page, '/donnees/themes', 'dataset themes');
  });

  it('the kinds of organisation page, with a refused new kind, has no accessibility violation', async () => {
    await page.goto('/organisations/types');
    await page.locator('form[action="/organisations/types"] button[type="submit"]').click();
    await page.waitForLoadState();
    assert.ok(await page.locator('.error-summary').isVisible(), 'the form shows its errors');
    await checkA11y(page, 'kinds with errors');
  });

  it('the edit form of any organisation has no accessibility violation', async () => {
    await expectAccessible(page, `${organisationPath}/modifier`, 'edit organisation (animateur)');
  });

  it('the list of organisations, with the animateur links, has no accessibility violation', async () => {
    await expectAccessible(page, '/organisations', 'organisations (animateur)');
  });

  it('the account page of an animateur has no accessibility violation', async () => {
    await expectAccessible(page, '/compte', 'account (animateur)');
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

  it('the home page has no accessibility violation', async () => {
    await expectAccessible(page, '/', 'home (en)');
  });

  it('the sign-up form sent empty, with its errors shown, has no accessibility violation', async () => {
    await page.goto('/inscription');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.waitForLoadState();
    assert.ok(await page.locator('.error-summary').isVisible(), 'the form shows its errors');
    await checkA11y(page, 'sign up with errors (en)');
  });

  it('the sign-in form has no accessibility violation', async () => {
    await expectAccessible(page, '/connexion', 'sign in (en)');
  });

  it('the list of organisations has no accessibility violation', async () => {
    await expectAccessible(page, '/organisations', 'organisations (en)');
  });

  it('the register of environmental data has no accessibility violation', async () => {
    await expectAccessible(page, '/donnees', 'datasets (en)');
  });

  it('an organisation page has no accessibility violation', async () => {
    await expectAccessible(page, organisationPath, 'organisation (en)');
  });

  it('the page not found has no accessibility violation', async () => {
    await expectAccessible(page, '/no-such-page', 'not found (en)', 404);
  });

  it('the account page of a member has no accessibility violation', async () => {
    await signIn(page, MEMBER.email, MEMBER.password);
    await expectAccessible(page, '/compte', 'account (en)');
    await expectAccessible(page, '/organisations/nouvelle', 'new organisation (en)');
  });
});

// `fabrique export --static` of the demo programme, opened from the file system as someone who
// downloaded the archive would: one page of every kind the archive holds (each GET route of the
// site's table that has a page in it), in French and in English.
describe('the static archive, opened from the file system', () => {
  let dir;
  let site;
  let page;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fabrique-archive-'));
    site = join(dir, 'site');
    const database = join(dir, 'demo.db');
    for (const args of [['migrate'], ['demo', 'load'], ['export', '--static', site, '--base_url', 'https://archive.example.org']]) {
      const r = spawnSync(process.env.FABRIQUE_BIN, [...args, '--database', database], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, `fabrique ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
    }
    page = await env.newPage();
  });
  after(async () => {
    await page?.context().close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Every page of the archive in one language, as its path in the site ('' for the home page).
  const pagesOf = (root, at = '') => readdirSync(join(root, at), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const path = at ? `${at}/${e.name}` : e.name;
      return [...(existsSync(join(root, path, 'index.html')) ? [path] : []), ...pagesOf(root, path)];
    });

  it('one page of every kind, in French and in English, has no accessibility violation', async () => {
    const routes = pageRoutes();
    const firstOfKind = new Map();
    for (const path of ['', ...pagesOf(join(site, 'fr')).sort()]) {
      const kind = routes.find((r) => r.pattern.test(path));
      assert.ok(kind, `the archived page /${path} is no page of the site`);
      if (!firstOfKind.has(kind.route)) firstOfKind.set(kind.route, path);
    }
    assert.ok(firstOfKind.size >= 25, `only ${firstOfKind.size} kinds of page in the archive`);
    for (const [route, path] of firstOfKind) {
      for (const lang of ['fr', 'en']) {
        await page.goto(pathToFileURL(join(site, lang, path, 'index.html')).href);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        await checkA11y(page, `archived ${lang} ${route} (/${path})`);
      }
    }
  });
});
