// Shared set-up of the browser tests: a fresh fabrique server per test file (its own temporary
// database, an animateur and a member made with the real CLI), Debian's chromium driven by
// playwright-core (never a downloaded browser), and axe-core for the accessibility checks.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const STARTUP_TIMEOUT_MS = 20_000;
// Generous: the suite runs beside compilers and other test binaries on a 2-core machine, where a
// single page load has been seen to take over 20 s. A page that never answers still fails.
const ACTION_TIMEOUT_MS = 60_000;

export const ANIMATEUR = { email: 'anim@example.org', name: 'Alice Animatrice', password: 'animateur-secret-2024' };
export const MEMBER = { email: 'membre@example.org', name: 'Marc Membre', password: 'membre-secret-2024' };

function binary() {
  const bin = process.env.FABRIQUE_BIN;
  assert.ok(bin, 'FABRIQUE_BIN must name the fabrique binary (e.g. FABRIQUE_BIN=$PWD/build/fabrique)');
  return bin;
}

function run(args) {
  const r = spawnSync(binary(), args, { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) {
    throw new Error(`fabrique ${args.join(' ')} failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

// Starts `fabrique serve` on a free port of 127.0.0.1 over a new database, and resolves once it
// printed its listening line. The returned stop() kills it and removes the temporary directory.
// With `demo`, the database also holds the demo programme (`fabrique demo load`) and its accounts;
// with `territories`, the official geography.
export async function startServer({ demo = false, territories = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'fabrique-browser-'));
  const database = join(dir, 'fabrique.db');
  const mailDir = join(dir, 'mail');
  let child;
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(['migrate', '--database', database]);
    // The official geography from the npm package `npm ci` installed: about a second.
    if (territories) run(['territories', 'load', '--database', database]);
    for (const [who, admin] of [[ANIMATEUR, true], [MEMBER, false]]) {
      const passwordFile = join(dir, `${who.email}.password`);
      writeFileSync(passwordFile, `${who.password}\n`, { mode: 0o600 });
      run(['user', 'add', '--email', who.email, '--name', who.name, ...(admin ? ['--admin'] : []),
        '--password-file', passwordFile, '--database', database]);
    }
    if (demo) run(['demo', 'load', '--database', database]);
    // No SMTP server: the mails are written to mailDir as .eml files, which readMail() reads.
    child = spawn(binary(), ['serve', '--database', database, '--listen', '127.0.0.1:0', '--log_requests', 'false',
      '--mail_dir', mailDir],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    // If the test process dies without running its hooks, do not leave the server behind.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    child.once('exit', () => process.removeListener('exit', orphan));

    const baseURL = await new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(
        () => reject(new Error(`fabrique serve printed no listening line in ${STARTUP_TIMEOUT_MS} ms:\n${out}\n${err}`)),
        STARTUP_TIMEOUT_MS);
      child.stderr.on('data', (d) => { err += d; });
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/fabrique listening on (http:\/\/\S+?)\/?\s/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`fabrique serve exited (${code ?? signal}) before listening:\n${out}\n${err}`));
      });
    });
    child.stdout.resume();
    child.stderr.resume();
    return { baseURL, database, mailDir, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export async function launchBrowser() {
  // launch() gives each run a fresh temporary profile (user-data-dir), removed on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

// Registers, for the calling test file, hooks that start a server (given startServer's `options`)
// and a browser before its tests and stop both after them (also when a test failed). The returned
// object is filled in by then.
export function useServerAndBrowser(options = {}) {
  const env = { baseURL: undefined, browser: undefined, url: (path) => env.baseURL + path };
  let server;
  before(async () => {
    server = await startServer(options);
    env.baseURL = server.baseURL;
    env.mailDir = server.mailDir;
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await server?.stop();
  });
  // A new isolated browser context (cookies, cache) on the server, French unless told otherwise.
  env.newContext = async (options = {}) => {
    const context = await env.browser.newContext({ baseURL: env.baseURL, locale: 'fr-FR', ...options });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
    return context;
  };
  env.newPage = async (options = {}) => (await env.newContext(options)).newPage();
  return env;
}

// The plain-text part of the newest mail to `to` that the server wrote (it sends within a second or
// two), decoded from quoted-printable; waits for it up to `timeoutMs`. With `matching`, the newest
// whose text matches it: an earlier mail to the same person is not mistaken for one still on its way.
export async function readMail(mailDir, to, { matching = null, timeoutMs = 20_000 } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    let files = [];
    try { files = readdirSync(mailDir).filter((f) => f.endsWith('.eml')); } catch { /* not yet created */ }
    files.sort((a, b) => parseInt(b, 10) - parseInt(a, 10));
    for (const f of files) {
      const raw = readFileSync(join(mailDir, f), 'latin1');
      const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
      if (!new RegExp(`^To: .*<?${to.replace(/[.+]/g, '\\$&')}>?\r?$`, 'mi').test(head)) continue;
      // The text part ends at its own boundary line, not at any line starting with "--": a soft line
      // break of quoted-printable can put a token's "--" at the start of a line.
      const alternative = raw.match(/multipart\/alternative; boundary="([^"]+)"/);
      assert.ok(alternative, `no text and HTML parts in ${f}`);
      const start = raw.indexOf('Content-Type: text/plain');
      const body = raw.slice(raw.indexOf('\r\n\r\n', start) + 4, raw.indexOf(`\r\n--${alternative[1]}`, start));
      const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      const text = Buffer.from(bytes, 'latin1').toString('utf8');
      if (!matching || matching.test(text)) return text;
    }
    if (Date.now() > until) throw new Error(`no mail to ${to}${matching ? ` matching ${matching}` : ''} in ${mailDir}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Presses Tab until `locator` has the focus, as someone using the keyboard alone; fails after `most`.
export async function pressOn(page, locator, most = 30) {
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press('Tab');
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  assert.fail('the keyboard never reached the control');
}

// Searches the territory picker of the form on `page` for `words`, with the keyboard alone: the form
// comes back (200), nothing saved, with the territories matching them to tick; checked with axe.
export async function searchTerritories(page, words, label) {
  await pressOn(page, page.getByLabel('Ajouter un territoire'), 60);
  await page.keyboard.type(words);
  const [searched] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
    page.keyboard.press('Enter')]);
  assert.equal(searched.status(), 200, 'the search draws the form again, nothing saved');
  await page.waitForLoadState();
  assert.match(await page.getByRole('group', { name: 'Territoires' }).getByRole('status').innerText(),
    new RegExp(words));
  await checkA11y(page, label);
}

// Ticks the box of a territory the picker offers (`name`: its accessible name), with the keyboard.
export async function tickTerritory(page, name) {
  const box = page.getByRole('checkbox', { name });
  await pressOn(page, box, 60);
  await page.keyboard.press('Space');
  assert.ok(await box.isChecked());
}

// The site's page routes (`fabrique routes`: GET, neither data nor files) in the order the router
// tries them (literal paths before {slug}), each with a pattern over a page's path without its
// leading slash: the kind of a page is the first route whose pattern matches it.
export function pageRoutes() {
  const r = spawnSync(binary(), ['routes'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((line) => line.startsWith('GET /') && !/\.[a-z]+$/.test(line))
    .map((line) => {
      const route = line.slice('GET '.length);
      const parts = route.slice(1).split('/').map((part) => part
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[a-z_]+:int\}/g, '[0-9]+').replace(/\{[a-z_]+\}/g, '[^/]+'));
      return { route, pattern: new RegExp(`^${parts.join('/')}$`) };
    });
}

// The path and query of the first link to the site in `text` that starts with `path`.
export function linkIn(text, path) {
  const m = text.match(new RegExp(`https?://[^/\\s]+(${path}[^\\s]*)`));
  assert.ok(m, `no link to ${path} in the mail:\n${text}`);
  return m[1];
}

// Signs in through the form, finding its fields by their visible labels, in either language.
export async function signIn(page, email, password) {
  await page.goto('/connexion');
  await page.getByLabel(/^(Adresse électronique|E-mail address)$/).fill(email);
  await page.getByLabel(/^(Mot de passe|Password)$/).fill(password);
  await Promise.all([
    page.waitForURL((u) => u.pathname !== '/connexion'),
    page.getByRole('main').getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click(),
  ]);
}

export async function signOut(page) {
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/'),
    page.getByRole('button', { name: /^(Se déconnecter|Sign out)$/ }).click(),
  ]);
}

// Creates an organisation through the form as the signed-in person; resolves to its address.
export async function createOrganisation(page, { name, kind, website = '', description = '' }) {
  await page.goto('/organisations/nouvelle');
  await page.getByLabel(/^(Nom|Name)$/).fill(name);
  await page.getByLabel(/^(Type d’organisation|Type d'organisation|Kind of organisation)$/).selectOption({ label: kind });
  if (website) await page.getByLabel(/^(Site web|Website)/).fill(website);
  if (description) await page.getByLabel(/^(Courte description|Short description)/).fill(description);
  await Promise.all([
    page.waitForURL((u) => u.pathname.startsWith('/organisations/') && u.pathname !== '/organisations/nouvelle'),
    page.getByRole('main').getByRole('button', { name: /^(Ajouter l’organisation|Add the organisation)$/ }).click(),
  ]);
  return new URL(page.url()).pathname;
}

// A 'request' listener gathering the requests of one page load into `requests` ("METHOD url"): those
// from its document request on. A late request of the page before (its icon, asked for once it had
// loaded) belongs to that page, not to this one.
export function requestsOfOneLoad() {
  const requests = [];
  let started = false;
  const listener = (r) => {
    if (r.resourceType() === 'document') started = true;
    if (started) requests.push(`${r.method()} ${r.url()}`);
  };
  return { requests, listener };
}

export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describeViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`);
    return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
  }).join('\n');
}

// Runs axe-core on the page as it is now (WCAG 2.0/2.1 A and AA rules) and fails on any violation,
// naming each one with the elements at fault. Also checks one thing axe no longer does: no id is
// used twice (a label's `for` reaches only the first element with its id, leaving the others
// without a name).
//
// Legacy mode runs axe.run() in the page itself. The default runs each frame apart and joins the
// results in a blank page opened for each check, which took 40% longer: our pages have no frames.
export async function checkA11y(page, label) {
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).setLegacyMode(true).analyze();
  const { violations } = results;
  if (violations.length > 0) {
    const message = `${label} (${page.url()}): ${violations.length} accessibility violation(s)\n${describeViolations(violations)}`;
    console.log(message);
    assert.fail(message);
  }
  const duplicates = await page.evaluate(() => {
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  });
  assert.deepEqual(duplicates, [], `${label} (${page.url()}): ids used more than once`);
  return results;
}

// Opens `path`, checks the status it answered with, then checks the page as checkA11y does.
export async function expectAccessible(page, path, label, expectedStatus = 200) {
  const response = await page.goto(path);
  assert.equal(response.status(), expectedStatus, `${path} answered ${response.status()}`);
  await checkA11y(page, label);
  return response;
}

// Opens `path` at each of `widths` (px): it answers 200, its HTML stays under 30 KB, it asks for 3
// requests at most and never scrolls sideways; then the page passes axe.
export async function expectLight(page, path, widths = [320, 768, 1280]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const response = await page.goto(path);
    page.removeAllListeners('request');
    assert.equal(response.status(), 200, path);
    const body = await response.body();
    assert.ok(body.length < 30_000, `${path} weighs ${body.length} bytes`);
    assert.ok(requests.length <= 3, `${path}: ${requests.length} requests`);
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 0, `${path} scrolls sideways by ${over} px at ${width} px`);
  }
  await checkA11y(page, path);
}

// Presses Enter on the focused button and resolves to the response of the POST it sent, once the
// page it led to has loaded.
export async function pressEnter(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForResponse((r) => r.request().method() === 'GET' && r.request().isNavigationRequest()),
    page.waitForEvent('load'),  // the answer comes before the new document is shown
    page.keyboard.press('Enter'),
  ]);
  return response;
}

// Clicks a submit button and resolves to the response of the POST it sent, once the page that
// followed has loaded.
export async function submit(page, button) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),  // the answer comes before the new document is shown
    button.click(),
  ]);
  return response;
}
