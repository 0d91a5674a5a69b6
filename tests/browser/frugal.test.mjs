// The site is frugal: few requests and few bytes per page, no JavaScript needed, usable on a
// 320 px wide screen, and nothing that the Content-Security-Policy has to block.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, createOrganisation, linkIn, readMail, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

const MAX_REQUESTS = 3;
const MAX_BYTES = 30 * 1024;
const CSP = /Content[- ]Security[- ]Policy|Refused to (apply|load|execute|connect|frame|evaluate)/i;

const PUBLIC_PAGES = [
  ['the home page', '/', 200],
  ['the sign-up form', '/inscription', 200],
  ['the sign-in form', '/connexion', 200],
  ['the list of organisations', '/organisations', 200],
  ['the list of organisations filtered by kind', '/organisations?type=association-tech', 200],
  ['an organisation page', null, 200], // filled in once the organisation exists
  ['the page not found', '/rien-ici', 404],
];
let organisationPath;

// Made once, through the UI, by the first describe block that needs it.
async function ensureOrganisation() {
  if (organisationPath) return;
  const page = await env.newPage();
  await signIn(page, MEMBER.email, MEMBER.password);
  organisationPath = await createOrganisation(page, {
    name: 'Atelier Sobriété Numérique',
    kind: 'Association tech',
    website: 'https://example.org/sobriete',
    description: 'Des ateliers pour faire durer le matériel et alléger les services numériques.',
  });
  await page.context().close();
}

const pathOf = (path) => path ?? organisationPath;

// Loads `path` in a fresh context (empty cache, as a first visit) and counts what went over the
// wire: every request, and for each response the bytes received (headers and encoded body), as
// Chromium's network stack measured them.
async function measure(path) {
  const context = await env.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests = [];
  const bytes = new Map();
  page.on('request', (r) => requests.push(r.url()));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  const cspMessages = [];
  page.on('console', (m) => { if (CSP.test(m.text())) cspMessages.push(m.text()); });
  const response = await page.goto(path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const total = [...bytes.values()].reduce((a, b) => a + b, 0);
  await context.close();
  return { status: response.status(), requests, bytes: total, cspMessages };
}

describe('each public page is light', () => {
  before(ensureOrganisation);
  for (const [name, path, status] of PUBLIC_PAGES) {
    it(`${name} loads in at most ${MAX_REQUESTS} requests and ${MAX_BYTES / 1024} KB on a first visit`, async () => {
      const m = await measure(pathOf(path));
      console.log(`${pathOf(path)}: ${m.requests.length} requests, ${m.bytes} bytes`);
      assert.equal(m.status, status);
      assert.ok(m.requests.length <= MAX_REQUESTS, `${m.requests.length} requests:\n${m.requests.join('\n')}`);
      assert.ok(m.bytes > 0, 'the transferred bytes were measured');
      assert.ok(m.bytes <= MAX_BYTES, `${m.bytes} bytes transferred`);
      assert.deepEqual(m.cspMessages, [], 'no Content-Security-Policy violation');
    });
  }
});

describe('the site works without JavaScript', () => {
  let context;
  before(async () => { context = await env.newContext({ javaScriptEnabled: false }); });
  after(async () => context?.close());

  it('a person signs up, confirms the mailed link, lands on their account and signs out with JavaScript disabled', async () => {
    const page = await context.newPage();
    await page.goto('data:text/html,<title>off</title><script>document.title = "on"</script>');
    assert.equal(await page.title(), 'off', 'page scripts really are off');
    await page.goto('/inscription');
    await page.getByLabel('Votre nom', { exact: true }).fill('Sans Script');
    await page.getByLabel('Adresse électronique').fill('sans.script@example.org');
    await page.getByLabel('Mot de passe', { exact: true }).fill('aucun-javascript-ici');
    await page.getByLabel('Confirmation du mot de passe').fill('aucun-javascript-ici');
    await page.getByLabel('Nom de l’organisation').fill('Atelier Sobriété Numérique');
    await Promise.all([page.waitForURL('**/inscription/envoyee'),
      page.getByRole('button', { name: 'Créer mon compte' }).click()]);
    // The mailed link leads to one button, a plain form: it works without JavaScript too.
    await page.goto(linkIn(await readMail(env.mailDir, 'sans.script@example.org'), '/inscription/confirmer'));
    await Promise.all([page.waitForURL('**/compte'),
      page.getByRole('main').getByRole('button', { name: 'Confirmer mon adresse' }).click()]);
    assert.equal(await page.getByLabel('Votre nom', { exact: true }).inputValue(), 'Sans Script');
    assert.ok(await page.getByRole('region', { name: 'Mes organisations' })
      .getByRole('link', { name: 'Atelier Sobriété Numérique' }).isVisible(), 'joined the existing organisation');
    await Promise.all([page.waitForURL((u) => u.pathname === '/'),
      page.getByRole('button', { name: 'Se déconnecter' }).click()]);
  });

  it('the list of organisations is filtered by kind with JavaScript disabled', async () => {
    const page = await context.newPage();
    await page.goto('/organisations');
    await page.getByLabel(/^Type\b/).selectOption({ label: 'Entreprise' });
    await Promise.all([page.waitForURL('**/organisations?type=entreprise'),
      page.getByRole('button', { name: 'Filtrer' }).click()]);
    assert.ok(await page.getByText('Aucune organisation pour l’instant.').isVisible()
      || await page.getByRole('status').isVisible());
    assert.equal(await page.getByRole('link', { name: 'Atelier Sobriété Numérique' }).count(), 0,
      'an association is not listed among companies');
  });
});

describe('at 320 px wide, no page scrolls sideways', () => {
  let anonymous;
  let member;
  let animateur;
  before(async () => {
    await ensureOrganisation();
    const narrow = { viewport: { width: 320, height: 640 } };
    anonymous = await env.newPage(narrow);
    member = await env.newPage(narrow);
    await signIn(member, MEMBER.email, MEMBER.password);
    animateur = await env.newPage(narrow);
    await signIn(animateur, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    for (const p of [anonymous, member, animateur]) await p?.context().close();
  });

  const pages = () => [
    ['signed out', anonymous, '/'], ['signed out', anonymous, '/inscription'], ['signed out', anonymous, '/connexion'],
    ['signed out', anonymous, '/organisations'], ['signed out', anonymous, organisationPath],
    ['signed out', anonymous, '/rien-ici'],
    ['a member', member, '/compte'], ['a member', member, '/organisations/nouvelle'],
    ['a member', member, `${organisationPath}/modifier`],
    ['an animateur', animateur, '/organisations/types'], ['an animateur', animateur, '/organisations'],
  ];

  it('every page fits in 320 px, also with a form’s errors shown', async () => {
    const wide = [];
    const check = async (who, page, label) => {
      const { scrollWidth, culprit } = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const over = [...document.querySelectorAll('body *')].find((el) => el.getBoundingClientRect().right > width + 0.5);
        return { scrollWidth: document.documentElement.scrollWidth,
          culprit: over ? over.outerHTML.slice(0, 120) : '' };
      });
      if (scrollWidth > 320) wide.push(`${label} as ${who}: ${scrollWidth}px wide (${culprit})`);
    };
    for (const [who, page, path] of pages()) {
      await page.goto(path);
      await check(who, page, path);
    }
    await anonymous.goto('/inscription');
    await anonymous.getByRole('button', { name: 'Créer mon compte' }).click();
    await anonymous.waitForLoadState();
    await check('signed out', anonymous, '/inscription with errors');
    await animateur.goto('/organisations/types');
    await animateur.locator('form[action="/organisations/types"] button[type="submit"]').click();
    await animateur.waitForLoadState();
    await check('an animateur', animateur, '/organisations/types with errors');
    assert.deepEqual(wide, []);
  });
});

describe('nothing is blocked by the Content-Security-Policy', () => {
  before(ensureOrganisation);
  it('no page logs a Content-Security-Policy violation, signed out or in', async () => {
    const context = await env.newContext();
    // Page-level listener installed before any page script: it sees violations the console may not show.
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation',
        (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const messages = [];
    page.on('console', (m) => { if (CSP.test(m.text())) messages.push(`${page.url()}: ${m.text()}`); });
    const visit = async (path) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const seen = await page.evaluate(() => window.__csp);
      for (const v of seen) messages.push(`${path}: ${v}`);
    };
    for (const path of ['/', '/inscription', '/connexion', '/organisations', organisationPath, '/rien-ici']) await visit(path);
    await signIn(page, ANIMATEUR.email, ANIMATEUR.password);
    for (const path of ['/compte', '/organisations/nouvelle', '/organisations/types', `${organisationPath}/modifier`]) {
      await visit(path);
    }
    await context.close();
    assert.deepEqual(messages, []);
  });
});
