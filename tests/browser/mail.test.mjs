// Reaching people by mail, as a person does it: a forgotten password recovered from the link of the
// mail the server wrote, with the keyboard alone, every page passing axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, createOrganisation, expectAccessible, linkIn, pressOn, readMail, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();
const NEW_PASSWORD = 'une-phrase-toute-neuve-2026';

describe('a forgotten password', () => {
  let page;
  before(async () => { page = await env.newPage(); });
  after(async () => page?.context().close());

  it('is asked for from the sign-in page, with the keyboard, and the answer tells nothing about the account', async () => {
    await expectAccessible(page, '/connexion', 'sign in');
    await pressOn(page, page.getByRole('link', { name: 'Mot de passe oublié ?' }));
    await Promise.all([page.waitForURL('**/mot-de-passe-oublie'), page.keyboard.press('Enter')]);
    await checkA11y(page, 'forgotten password');
    await pressOn(page, page.getByLabel('Adresse électronique'));
    await page.keyboard.type(MEMBER.email);
    await pressOn(page, page.getByRole('main').getByRole('button', { name: 'M’envoyer un lien' }));
    await Promise.all([page.waitForURL('**/mot-de-passe-oublie?envoye=1'), page.keyboard.press('Enter')]);
    assert.match(await page.getByRole('status').innerText(), /Si un compte utilise cette adresse/);
    await checkA11y(page, 'forgotten password, link sent');
  });

  it('is chosen again from the link of the mail, which then no longer works', async () => {
    const mail = await readMail(env.mailDir, MEMBER.email, { matching: /nouveau mot de passe/ });
    const link = linkIn(mail, '/mot-de-passe-oublie/nouveau');
    await expectAccessible(page, link, 'new password');
    await pressOn(page, page.getByLabel('Nouveau mot de passe', { exact: true }));
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASSWORD);
    await pressOn(page, page.getByRole('main').getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }));
    await Promise.all([page.waitForURL('**/connexion?mot-de-passe=1'), page.keyboard.press('Enter')]);
    await checkA11y(page, 'signed out after the new password');
    await signIn(page, MEMBER.email, NEW_PASSWORD);
    assert.equal(new URL(page.url()).pathname, '/compte');

    const again = await page.goto(link);
    assert.equal(again.status(), 400);
    assert.match(await page.getByRole('alert').innerText(), /Ce lien a déjà servi/);
    await checkA11y(page, 'a used link');
  });
});

describe('choosing which mails come', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, MEMBER.email, NEW_PASSWORD);
  });
  after(async () => page?.context().close());

  it('the pages of mail choices and of a change of address have no accessibility violation', async () => {
    await expectAccessible(page, '/compte/courriels', 'mail choices');
    await expectAccessible(page, '/compte/adresse', 'change of address');
  });

  it('a kind of mail is turned off with the keyboard alone, and the choice is kept', async () => {
    await page.goto('/compte/courriels');
    const box = page.getByLabel('Les changements des événements auxquels je suis inscrit·e');
    assert.equal(await box.isChecked(), true);
    await pressOn(page, box);
    await page.keyboard.press('Space');
    await pressOn(page, page.getByRole('main').getByRole('button', { name: 'Enregistrer mes choix' }));
    await Promise.all([page.waitForURL('**/compte/courriels?fait=1'), page.keyboard.press('Enter')]);
    assert.match(await page.getByRole('status').innerText(), /Enregistré/);
    assert.equal(await page.getByLabel('Les changements des événements auxquels je suis inscrit·e').isChecked(), false);
    await checkA11y(page, 'mail choices, saved');
  });

  it('an organisation is followed from its page and the digest made daily, with the keyboard alone', async () => {
    const path = await createOrganisation(page, { name: 'Fing', kind: 'Association tech', website: '', description: '' });
    await expectAccessible(page, path, 'organisation with its follow button');
    await pressOn(page, page.getByRole('main').getByRole('button', { name: 'Suivre Fing' }));
    await page.keyboard.press('Enter');  // back on the same page, now followed
    await page.getByRole('main').getByRole('button', { name: 'Ne plus suivre Fing' }).waitFor();

    await expectAccessible(page, '/compte/notifications', 'mail choices with the digest and what is followed');
    assert.match(await page.getByRole('region', { name: 'Mon résumé' }).innerText(), /Fing/);
    // Tab reaches the radio group at its chosen option; the arrows choose another.
    await pressOn(page, page.getByLabel('Chaque semaine, le lundi'), 60);
    await page.keyboard.press('ArrowUp');
    await pressOn(page, page.getByRole('button', { name: 'Enregistrer la fréquence' }), 60);
    await Promise.all([page.waitForURL('**/compte/notifications?fait=1#resume'), page.keyboard.press('Enter')]);
    assert.equal(await page.getByLabel('Chaque jour').isChecked(), true);
    await checkA11y(page, 'mail choices, digest saved');
  });

  it('the animateurs’ outbox has no accessibility violation', async () => {
    const animateur = await env.newPage();
    await signIn(animateur, ANIMATEUR.email, ANIMATEUR.password);
    await expectAccessible(animateur, '/animation/courriels', 'outbox');
    assert.match(await animateur.getByRole('main').innerText(), /courriel envoyé/);
    await animateur.context().close();
  });
});

describe('deleting one’s account', () => {
  let page;
  before(async () => {
    page = await env.newPage();
    await signIn(page, MEMBER.email, NEW_PASSWORD);
  });
  after(async () => page?.context().close());

  it('is reached from the account page, which lists the sessions, with the keyboard alone', async () => {
    await expectAccessible(page, '/compte', 'account with its sessions');
    assert.match(await page.getByRole('region', { name: 'Mes sessions' }).innerText(), /Ce navigateur/);
    // The last link of a long page: every control before it is passed on the way.
    await pressOn(page, page.getByRole('link', { name: 'Supprimer mon compte' }), 200);
    await Promise.all([page.waitForURL('**/compte/supprimer'), page.keyboard.press('Enter')]);
    await checkA11y(page, 'delete my account');
  });

  it('refuses a wrong password next to the field, then deletes with the right one and says so by mail', async () => {
    await pressOn(page, page.getByLabel('Votre mot de passe, pour confirmer'));
    await page.keyboard.type('pas le bon mot de passe');
    await pressOn(page, page.getByRole('main').getByRole('button', { name: 'Supprimer définitivement mon compte' }));
    const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter')]);
    assert.equal(refused.status(), 422);
    await page.waitForLoadState();
    assert.match(await page.locator('#f-password-error').innerText(), /Le mot de passe est faux/);
    await checkA11y(page, 'delete my account, wrong password');

    await pressOn(page, page.getByLabel('Votre mot de passe, pour confirmer'));
    await page.keyboard.type(NEW_PASSWORD);
    await pressOn(page, page.getByRole('main').getByRole('button', { name: 'Supprimer définitivement mon compte' }));
    await Promise.all([page.waitForURL('**/compte/supprime'), page.keyboard.press('Enter')]);
    assert.match(await page.getByRole('status').innerText(), /Votre compte a été supprimé/);
    await checkA11y(page, 'account deleted');
    await page.goto('/compte');
    assert.equal(new URL(page.url()).pathname, '/connexion');

    // Waits for that mail (the reset mail before it is not it), and fails when it never comes.
    await readMail(env.mailDir, MEMBER.email, { matching: /Votre compte a été supprimé/ });
  });
});
