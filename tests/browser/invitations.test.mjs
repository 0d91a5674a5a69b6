// Invitations and choosing a date together in the browser: an animateur invites by e-mail with the
// keyboard alone (an invalid address refused first, next to the field), the invited member follows
// the mailed link and accepts with the keyboard, then answers the event's date poll with the keyboard
// alone; the organiser picks the date. Every new page — a coalition's and an event's invitations,
// the invitation a link opens, a used link, the date poll as organiser and as one who answers —
// passes axe-core with zero violations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, expectAccessible, linkIn, pressEnter, pressOn, readMail, signIn, submit, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

const year = new Date().getUTCFullYear() + 1;
let eventPath;      // the event whose date is to be confirmed
let coalitionPath;  // a coalition of that event

describe('invitations and a date poll', () => {
  let anim;
  let member;
  before(async () => {
    anim = await env.newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
    member = await env.newPage();
    await signIn(member, MEMBER.email, MEMBER.password);
    // A coalition, and an event of it whose date is to be confirmed, with two candidate dates.
    await anim.goto('/coalitions/familles');
    await anim.locator('form[action="/coalitions/familles"]').getByLabel('Libellé').fill('Communs');
    await submit(anim, anim.locator('form[action="/coalitions/familles"]').getByRole('button', { name: 'Ajouter' }));
    await anim.goto('/coalitions/nouvelle');
    await anim.getByLabel('Numéro').fill('8.a');
    await anim.getByLabel('Titre', { exact: true }).fill('Communs numériques');
    await anim.getByLabel('Famille').selectOption({ label: 'Communs' });
    await anim.getByLabel('Étape').selectOption({ label: 'Cadrage' });
    await Promise.all([
      anim.waitForURL((u) => /^\/coalitions\/[a-z0-9-]+$/.test(u.pathname) && u.pathname !== '/coalitions/nouvelle'),
      anim.getByRole('button', { name: 'Enregistrer la fiche' }).click(),
    ]);
    coalitionPath = new URL(anim.url()).pathname;
    await anim.goto('/evenements/nouveau');
    await anim.getByLabel('Type', { exact: true }).selectOption({ label: 'Atelier de coalition' });
    await anim.getByLabel('Titre', { exact: true }).fill('Atelier territorial');
    await anim.getByLabel(/^Début/).fill(`${year}-06-22T14:00`);
    await anim.getByLabel(/^Fin/).fill(`${year}-06-22T17:00`);
    await anim.getByLabel(/^Statut/).selectOption({ label: 'Date à confirmer' });
    // The coalition is found with the form's picker: a search draws the form again, as typed.
    await anim.getByLabel('Ajouter une coalition', { exact: true }).fill('Communs');
    await submit(anim, anim.getByRole('button', { name: 'Chercher des coalitions' }));
    await anim.getByRole('checkbox', { name: /Communs numériques/ }).check();
    await Promise.all([
      anim.waitForURL((u) => /^\/evenements\/[a-z0-9-]+$/.test(u.pathname) && u.pathname !== '/evenements/nouveau'),
      anim.getByRole('button', { name: 'Créer' }).click(),
    ]);
    eventPath = new URL(anim.url()).pathname;
    for (const [start, end] of [['22T14:00', '22T17:00'], ['23T09:30', '23T12:00']]) {
      await anim.goto(`${eventPath}/dates`);
      await anim.getByLabel(/^Début/).fill(`${year}-06-${start}`);
      await anim.getByLabel(/^Fin/).fill(`${year}-06-${end}`);
      const response = await submit(anim, anim.getByRole('button', { name: 'Ajouter la date' }));
      assert.equal(response.status(), 303);
    }
  });
  after(async () => {
    await anim?.context().close();
    await member?.context().close();
  });

  it('the invitations of a coalition, reached from its page, pass axe, also with the form refused', async () => {
    await anim.goto(coalitionPath);
    await anim.getByRole('link', { name: 'Inviter des personnes par courriel' }).click();
    await anim.waitForURL((u) => u.pathname === `${coalitionPath}/invitations`);
    await checkA11y(anim, 'coalition invitations');
    await anim.getByLabel(/^Adresses électroniques/).fill('pas-une-adresse');
    const refused = await submit(anim, anim.getByRole('button', { name: 'Envoyer les invitations' }));
    assert.equal(refused.status(), 422);
    assert.match(await anim.locator('#f-emails-error').innerText(), /Certaines adresses ne sont pas valides/);
    assert.equal(await anim.getByLabel(/^Adresses électroniques/).inputValue(), 'pas-une-adresse', 'what was typed is kept');
    await checkA11y(anim, 'coalition invitations, refused');
  });

  it('an animateur invites a member to the event with the keyboard alone', async () => {
    await expectAccessible(anim, `${eventPath}/invitations`, 'event invitations');
    await pressOn(anim, anim.getByLabel(/^Adresses électroniques/), 60);
    await anim.keyboard.type(MEMBER.email);
    await pressOn(anim, anim.getByLabel(/^Message personnel/), 60);
    await anim.keyboard.type('Venez choisir la date avec nous.');
    await pressOn(anim, anim.getByRole('button', { name: 'Envoyer les invitations' }), 60);
    const response = await pressEnter(anim);
    assert.equal(response.status(), 303);
    assert.match(await anim.getByRole('status').innerText(), /1 invitation envoyée/);
    assert.ok(await anim.getByRole('row').filter({ hasText: MEMBER.email }).isVisible());
    await checkA11y(anim, 'event invitations, sent');
  });

  it('the member accepts from the mailed link with the keyboard, and the link then says it was used', async () => {
    const mail = await readMail(env.mailDir, MEMBER.email, { matching: /Atelier territorial/ });
    assert.match(mail, /Venez choisir la date avec nous\./);
    const link = linkIn(mail, '/invitations/accepter');
    await expectAccessible(member, link, 'an invitation');
    await pressOn(member, member.getByRole('button', { name: 'Accepter l’invitation' }), 60);
    const [response] = await Promise.all([
      member.waitForResponse((r) => r.request().method() === 'POST'),
      member.waitForURL((u) => u.pathname === eventPath),
      member.keyboard.press('Enter'),
    ]);
    assert.equal(response.status(), 303);
    const again = await member.goto(link);
    assert.equal(again.status(), 400);
    assert.match(await member.getByRole('alert').innerText(), /déjà été acceptée/);
    await checkA11y(member, 'a used invitation');
  });

  it('the invited member answers the date poll with the keyboard alone', async () => {
    await member.goto(eventPath);
    await member.getByRole('link', { name: 'Choisir la date ensemble' }).click();
    await member.waitForURL((u) => u.pathname === `${eventPath}/dates`);
    await checkA11y(member, 'date poll, to answer');
    const first = member.getByRole('group', { name: /22/ });
    const second = member.getByRole('group', { name: /23/ });
    await pressOn(member, first.getByLabel('Oui'), 60);
    await member.keyboard.press('Space');
    await pressOn(member, second.getByLabel('Oui'), 60);
    await member.keyboard.press('ArrowDown');  // moves within the radio group to "Si besoin"
    assert.equal(await second.getByLabel('Si besoin').isChecked(), true);
    await pressOn(member, member.getByRole('button', { name: 'Enregistrer mes réponses' }), 60);
    const response = await pressEnter(member);
    assert.equal(response.status(), 303);
    assert.match(await member.getByRole('status').innerText(), /Vos réponses sont enregistrées/);
    const table = member.getByRole('table', { name: 'Réponses par date proposée' });
    assert.equal(await table.getByRole('row').filter({ hasText: '22' }).getByRole('cell').first().innerText(), '1');
    await checkA11y(member, 'date poll, answered');
  });

  it('the organiser sees who answered what and picks the date, which confirms the event', async () => {
    await expectAccessible(anim, `${eventPath}/dates`, 'date poll, organiser');
    assert.ok(await anim.getByRole('table', { name: 'Qui a répondu quoi' }).getByText(MEMBER.name).isVisible());
    const row = anim.getByRole('table', { name: 'Réponses par date proposée' }).getByRole('row').filter({ hasText: '23' });
    await pressOn(anim, row.getByRole('button', { name: /^Choisir cette date/ }), 60);
    const response = await pressEnter(anim);
    assert.equal(response.status(), 303);
    assert.match(await anim.getByRole('status').innerText(), /La date est choisie/);
    await checkA11y(anim, 'date poll, closed');
    await anim.goto(eventPath);
    assert.ok(await anim.getByText('09:30–12:00').isVisible(), 'the event takes the chosen date');
  });
});

// An invitation as co-porteur, bound to the address it was sent to: another account is refused; the
// invited person, without an account, signs up from the invitation with the keyboard alone, confirms
// the address from the mail, comes back to the invitation and accepts it in one step. Every page of
// the journey passes axe.
describe('an invitation as co-porteur followed by someone who signs up', () => {
  const invited = { email: 'nouvelle.porteuse@example.org', name: 'Nina Nouvelle', password: 'nouvelle-secret-2024' };
  let link;
  before(async () => {
    const anim = await env.newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
    await anim.goto(`${coalitionPath}/invitations`);
    await anim.getByLabel(/^Adresses électroniques/).fill(invited.email);
    await anim.getByLabel(/^Invité·e comme/).selectOption({ label: 'Co-porteur' });
    assert.equal((await submit(anim, anim.getByRole('button', { name: 'Envoyer les invitations' }))).status(), 303);
    await anim.context().close();
    link = linkIn(await readMail(env.mailDir, invited.email, { matching: /co-porteur/ }), '/invitations/accepter');
  });

  it('another account holding the link is refused, told to which address it was sent', async () => {
    const member = await env.newPage();
    await signIn(member, MEMBER.email, MEMBER.password);
    const refused = await member.goto(link);
    assert.equal(refused.status(), 403);
    assert.match(await member.getByRole('alert').innerText(), /envoyée à n\*\*\*@example\.org/);
    assert.equal(await member.getByRole('button', { name: 'Accepter l’invitation' }).count(), 0);
    await checkA11y(member, 'an invitation for someone else');
    await member.context().close();
  });

  it('the invited person signs up from it with the keyboard, confirms, comes back and accepts', async () => {
    const page = await env.newPage();
    await expectAccessible(page, link, 'an invitation, signed out');
    assert.match(await page.getByRole('main').innerText(), /n\*\*\*@example\.org/);
    await pressOn(page, page.getByRole('main').getByRole('link', { name: 'Créer un compte' }), 60);
    await Promise.all([page.waitForURL((u) => u.pathname === '/inscription'), page.keyboard.press('Enter')]);
    await checkA11y(page, 'sign up from an invitation');
    for (const [label, text] of [[/^Votre nom/, invited.name], [/^Adresse électronique/, invited.email],
      [/^Mot de passe/, invited.password], [/^Confirmation du mot de passe/, invited.password]]) {
      await pressOn(page, page.getByLabel(label).first(), 60);
      await page.keyboard.type(text);
    }
    await pressOn(page, page.getByRole('button', { name: 'Créer mon compte' }), 60);
    await Promise.all([page.waitForURL((u) => u.pathname === '/inscription/envoyee'), page.keyboard.press('Enter')]);

    const confirm = linkIn(await readMail(env.mailDir, invited.email, { matching: /inscription\/confirmer/ }),
      '/inscription/confirmer');
    await expectAccessible(page, confirm, 'confirming the address from an invitation');
    await pressOn(page, page.getByRole('main').getByRole('button', { name: 'Confirmer mon adresse' }), 60);
    await Promise.all([page.waitForURL((u) => u.pathname === '/invitations/accepter'), page.keyboard.press('Enter')]);
    await page.waitForLoadState();
    await checkA11y(page, 'the invitation, back after signing up');

    await pressOn(page, page.getByRole('button', { name: 'Accepter l’invitation' }), 60);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.waitForURL((u) => u.pathname === coalitionPath),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(response.status(), 303);
    await checkA11y(page, 'the coalition, joined from an invitation');
    await page.context().close();
  });
});
