// The site is frugal: few requests, few bytes and a small DOM per page (EcoIndex A), no JavaScript
// needed, every page laid out on screens 320, 768 and 1280 px wide without scrolling sideways, and
// nothing that the Content-Security-Policy has to block. The server holds the demo programme, so
// that the pages are measured with content.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, createOrganisation, linkIn, pageRoutes, readMail, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser({ demo: true });

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
  // The other entries of the main menu, and the programme roadmap.
  ['the list of coalitions', '/coalitions', 200],
  ['the list of events', '/evenements', 200],
  ['the programme dashboard', '/tableau-de-bord', 200],
  ['the programme roadmap', '/feuille-de-route', 200],
  ['the commons', '/ressources', 200],
  ['the journal', '/journal', 200],
  ['the newsletters sent', '/journal/lettres', 200],
  ['the observatory\'s scoreboard', '/observatoire', 200],
  ['the register of environmental data', '/donnees', 200],
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

// EcoIndex (ecoindex.fr, the method of cnumr/ecoindex_reference): the page's DOM elements, requests
// and kilobytes each placed among the quantiles of the HTTP Archive's pages, weighted 3, 2 and 1,
// for a score out of 100 and a grade from A (above 80) to G.
const QUANTILES = {
  dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  requests: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  kilobytes: [0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08,
    2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26],
};
const GRADES = [[80, 'A'], [70, 'B'], [55, 'C'], [40, 'D'], [25, 'E'], [10, 'F']];

function quantile(quantiles, value) {
  for (let i = 1; i < quantiles.length; i++) {
    if (value < quantiles[i]) return i - 1 + (value - quantiles[i - 1]) / (quantiles[i] - quantiles[i - 1]);
  }
  return quantiles.length - 1;
}

function ecoIndex({ dom, requests, bytes }) {
  const score = 100 - (5 * (3 * quantile(QUANTILES.dom, dom) + 2 * quantile(QUANTILES.requests, requests)
    + quantile(QUANTILES.kilobytes, bytes / 1024))) / 6;
  return { score, grade: GRADES.find(([above]) => score > above)?.[1] ?? 'G' };
}

// Loads `path` in a fresh context (empty cache, as a first visit) and counts what went over the
// wire: every request, and for each response the bytes received (headers and encoded body), as
// Chromium's network stack measured them; and the page's DOM elements as EcoIndex counts them, those
// drawing inside an SVG image left out.
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
  const dom = await page.evaluate(() => document.querySelectorAll('*').length - document.querySelectorAll('svg *').length);
  await context.close();
  return { status: response.status(), requests, bytes: total, dom, cspMessages };
}

describe('each public page is light', () => {
  before(ensureOrganisation);
  for (const [name, path, status] of PUBLIC_PAGES) {
    it(`${name} loads in at most ${MAX_REQUESTS} requests and ${MAX_BYTES / 1024} KB on a first visit, EcoIndex A`, async () => {
      const m = await measure(pathOf(path));
      const eco = ecoIndex({ dom: m.dom, requests: m.requests.length, bytes: m.bytes });
      console.log(`${pathOf(path)}: ${m.requests.length} requests, ${m.bytes} bytes, ${m.dom} elements: `
        + `EcoIndex ${eco.score.toFixed(1)} ${eco.grade}`);
      assert.equal(m.status, status);
      assert.ok(m.requests.length <= MAX_REQUESTS, `${m.requests.length} requests:\n${m.requests.join('\n')}`);
      assert.ok(m.bytes > 0, 'the transferred bytes were measured');
      assert.ok(m.bytes <= MAX_BYTES, `${m.bytes} bytes transferred`);
      assert.ok(m.dom > 0, 'the DOM elements were counted');
      assert.equal(eco.grade, 'A', `EcoIndex ${eco.score.toFixed(1)} (${m.dom} elements)`);
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
    await Promise.all([page.waitForURL('**/organisations?type=entreprise*'),
      page.getByRole('button', { name: 'Filtrer' }).click()]);
    assert.ok(await page.getByText('Aucune organisation pour l’instant.').isVisible()
      || await page.getByRole('status').isVisible());
    assert.equal(await page.getByRole('link', { name: 'Atelier Sobriété Numérique' }).count(), 0,
      'an association is not listed among companies');
  });
});

// The screens pages are laid out for: a phone, a tablet, a laptop.
const WIDTHS = [320, 768, 1280];

// What is wrong with the layout of the page as it is now: the page scrolls sideways, an element of
// main passes an edge of the screen outside a region that scrolls it, a table stands outside the
// named, focusable region that scrolls it (views/templates/table.html), or, on a `wide` screen, a
// table does not show whole.
function layoutProblems(wide) {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const { scrollWidth } = document.documentElement;
  if (scrollWidth > width) problems.push(`the page is ${scrollWidth}px wide`);
  const scrolled = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (/auto|scroll/.test(getComputedStyle(a).overflowX)) return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if ((r.right > width + 0.5 || r.left < -0.5) && !scrolled(el)) {
      problems.push(`from ${Math.round(r.left)} to ${Math.round(r.right)}px: ${el.outerHTML.slice(0, 100)}`);
    }
  }
  for (const table of document.querySelectorAll('main table')) {
    const region = table.closest('[role="region"]');
    const name = (region?.getAttribute('aria-labelledby') ?? '').split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent.trim() ?? '').join(' ').trim();
    if (!region || !name || region.tabIndex !== 0 || !scrolled(table)) {
      problems.push(`a table outside a named, focusable region that scrolls it: ${table.outerHTML.slice(0, 100)}`);
    } else if (wide && region.scrollWidth > region.clientWidth) {
      problems.push(`the table "${name}" is cut: ${region.scrollWidth}px in ${region.clientWidth}px`);
    }
  }
  return problems.slice(0, 3);
}

// Every kind of page of the sitemap (the first and the last of each kind, in the sitemap's order:
// two pages with different content, not every coalition), a page not found, the forms with their
// errors, and the signed-in pages people work on: a member's account, the event page seen by an
// organiser, the booklet's editor. Each page is loaded once at 320 px, then widened.
describe('at 320, 768 and 1280 px wide, no page scrolls sideways', () => {
  let anonymous;
  let member;
  let animateur;
  let sampled;
  before(async () => {
    await ensureOrganisation();
    const narrow = { viewport: { width: WIDTHS[0], height: 800 } };
    anonymous = await env.newPage(narrow);
    member = await env.newPage(narrow);
    await signIn(member, MEMBER.email, MEMBER.password);
    animateur = await env.newPage(narrow);
    await signIn(animateur, ANIMATEUR.email, ANIMATEUR.password);
    const locs = async (path) => {
      const xml = await (await anonymous.request.get(path)).text();
      return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1].replace(/&amp;/g, '&')));
    };
    let pages = await locs('/sitemap.xml');
    if (pages.some((u) => u.pathname.startsWith('/sitemaps/'))) {
      pages = (await Promise.all(pages.map((u) => locs(u.pathname)))).flat();
    }
    const routes = pageRoutes();
    const byKind = new Map();
    for (const u of pages) {
      const kind = routes.find((r) => r.pattern.test(u.pathname.slice(1)));
      assert.ok(kind, `the sitemap's ${u.pathname} is no page of the site`);
      byKind.set(kind.route, [...(byKind.get(kind.route) ?? []), u.pathname + u.search]);
    }
    sampled = [...byKind].map(([route, paths]) => [route, [...new Set([paths[0], paths.at(-1)])]]);
  });
  after(async () => {
    for (const p of [anonymous, member, animateur]) await p?.context().close();
  });

  it('every kind of page fits at each width, signed out and in, also with a form’s errors shown', async () => {
    assert.ok(sampled.length >= 20, `only ${sampled.length} kinds of page in the sitemap`);
    const pathOfKind = (route) => sampled.find(([r]) => r === route)?.[1][0];
    const event = pathOfKind('/evenements/{slug}');
    const coalition = pathOfKind('/coalitions/{slug}');
    assert.ok(event && coalition, 'the sitemap lists events and coalitions');
    const problems = [];
    // `open` brings `page` to what is checked, at the narrowest width.
    const check = async (who, page, label, open) => {
      await page.setViewportSize({ width: WIDTHS[0], height: 800 });
      await open();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const wide = width === WIDTHS.at(-1);
        for (const p of await page.evaluate(layoutProblems, wide)) problems.push(`${label} as ${who} at ${width} px: ${p}`);
      }
    };
    const visit = (who, page, path) => check(who, page, path, () => page.goto(path));
    for (const [, paths] of sampled) for (const path of paths) await visit('signed out', anonymous, path);
    for (const path of ['/inscription', '/connexion', '/rien-ici', organisationPath]) await visit('signed out', anonymous, path);
    for (const path of ['/compte', '/organisations/nouvelle', `${organisationPath}/modifier`]) await visit('a member', member, path);
    for (const path of [event, `${coalition}/modifier`, '/organisations/types']) await visit('an animateur', animateur, path);
    console.log(`${sampled.length} kinds of page, ${sampled.flatMap(([, paths]) => paths).length} pages of the sitemap`);
    await check('signed out', anonymous, '/inscription with errors', async () => {
      await anonymous.goto('/inscription');
      await anonymous.getByRole('button', { name: 'Créer mon compte' }).click();
      await anonymous.waitForLoadState();
    });
    await check('an animateur', animateur, '/organisations/types with errors', async () => {
      await animateur.goto('/organisations/types');
      await animateur.locator('form[action="/organisations/types"] button[type="submit"]').click();
      await animateur.waitForLoadState();
    });
    assert.deepEqual(problems, []);
  });

  it('at 320 px, the scoreboard scrolls in its region, which the keyboard reaches, shows focused and scrolls', async () => {
    await anonymous.setViewportSize({ width: WIDTHS[0], height: 800 });
    await anonymous.goto('/observatoire');
    const region = anonymous.getByRole('region', { name: 'Fiches du registre et leurs scores' });
    assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table is wider than the phone');
    let presses = 0;
    while (!await region.evaluate((el) => el === document.activeElement)) {
      assert.ok(++presses <= 60, 'Tab never reached the table');
      await anonymous.keyboard.press('Tab');
    }
    assert.notEqual(await region.evaluate((el) => getComputedStyle(el).outlineStyle), 'none', 'the focus shows');
    for (let i = 0; i < 5; i++) await anonymous.keyboard.press('ArrowRight');
    // Keyboard scrolling is animated: the region gets there within a few frames.
    const scrolls = await anonymous.waitForFunction((el) => el.scrollLeft > 0, await region.elementHandle(),
      { timeout: 5_000 }).then(() => true, () => false);
    assert.ok(scrolls, 'the arrow keys scroll the table');
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
