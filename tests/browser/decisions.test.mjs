// Deciding together (issue #17): an animateur opens a consent decision through the form, a member
// answers it with the keyboard alone (a block with its reason, then changes it), and the list, the
// decision page and the form (its group picked by searching) have no accessibility violation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, expectAccessible, pressOn, signIn, submit, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

// "2030-06-15T18:00": a closing date well in the future, as a datetime-local field takes it.
const CLOSES = '2030-06-15T18:00';

describe('a consent decision', () => {
  let animateur;
  let member;
  let address;
  before(async () => {
    animateur = await env.newPage();
    await signIn(animateur, ANIMATEUR.email, ANIMATEUR.password);
    member = await env.newPage();
    await signIn(member, MEMBER.email, MEMBER.password);
  });
  after(async () => {
    for (const p of [animateur, member]) await p?.context().close();
  });

  it('the form refuses a closing date in the past next to the field, then opens the decision', async () => {
    await expectAccessible(animateur, '/decisions/nouvelle', 'the form opening a decision');
    await animateur.getByLabel('Question').fill('Tenons-nous la prochaine assemblée à Lyon ?');
    // The group is picked: searched for, the form comes back with the groups to tick, nothing saved.
    await animateur.getByLabel('Ajouter un groupe', { exact: true }).fill('programme');
    const searched = await submit(animateur, animateur.getByRole('button', { name: 'Chercher des groupes' }));
    assert.equal(searched.status(), 200);
    assert.equal(await animateur.getByLabel('Question').inputValue(), 'Tenons-nous la prochaine assemblée à Lyon ?');
    await checkA11y(animateur, 'the form with the groups to tick');
    await animateur.getByRole('checkbox', { name: 'Les membres du programme', exact: true }).check();
    await animateur.getByLabel('Date et heure de clôture').fill('2020-01-01T10:00');
    const refused = await submit(animateur, animateur.getByRole('button', { name: 'Ouvrir la décision' }));
    assert.equal(refused.status(), 422);
    const field = animateur.getByLabel('Date et heure de clôture');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(await animateur.locator('#f-closes_at-error').textContent(), /dans le futur/);
    assert.equal(await animateur.getByLabel('Question').inputValue(), 'Tenons-nous la prochaine assemblée à Lyon ?');
    await checkA11y(animateur, 'the form with its errors');
    await field.fill(CLOSES);
    const opened = await submit(animateur, animateur.getByRole('button', { name: 'Ouvrir la décision' }));
    assert.equal(opened.status(), 303);
    address = new URL(animateur.url()).pathname;
    assert.match(address, /^\/decisions\/[0-9]+$/);
  });

  it('a member blocks with the keyboard alone, is asked for the reason, gives it, then changes the answer', async () => {
    await member.goto(address);
    const block = member.getByRole('radio', { name: 'Blocage' });
    await pressOn(member, member.getByRole('radio').first());
    // Arrow keys move within the group of positions, as in any radio group.
    for (let i = 0; i < 3; i += 1) await member.keyboard.press('ArrowDown');
    assert.ok(await block.isChecked());
    await member.keyboard.press('Tab');
    const reason = member.getByLabel('Motif');
    assert.ok(await reason.evaluate((el) => el === document.activeElement));
    await member.keyboard.press('Tab');
    const [refused] = await Promise.all([
      member.waitForResponse((r) => r.request().method() === 'POST'),
      member.keyboard.press('Enter'),
    ]);
    await member.waitForLoadState();
    assert.equal(refused.status(), 422);
    assert.equal(await member.getByLabel('Motif').getAttribute('aria-invalid'), 'true');
    assert.ok(await member.getByRole('radio', { name: 'Blocage' }).isChecked());
    await checkA11y(member, 'a refused answer');
    await member.getByLabel('Motif').focus();
    await member.keyboard.type('Lyon est loin pour les membres de Bretagne.');
    await member.keyboard.press('Tab');
    const [saved] = await Promise.all([
      member.waitForResponse((r) => r.request().method() === 'POST'),
      member.keyboard.press('Enter'),
    ]);
    await member.waitForLoadState();
    assert.equal(saved.status(), 303);
    const blocks = member.getByRole('table', { name: 'La dernière réponse de chaque personne, avec sa raison' });
    assert.match(await blocks.textContent(), /Lyon est loin pour les membres de Bretagne\./);
    await checkA11y(member, 'a decision page with an answer');

    await member.getByRole('radio', { name: 'D’accord' }).check();
    await member.getByLabel('Motif').fill('');
    await submit(member, member.getByRole('button', { name: 'Modifier ma réponse' }));
    const counts = member.getByRole('table', { name: 'Réponses par position' });
    assert.match(await counts.getByRole('row', { name: /D’accord/ }).textContent(), /1/);
    assert.match(await counts.getByRole('row', { name: /Blocage/ }).textContent(), /0/);
  });

  it('the list, the decision page and its closing form have no accessibility violation', async () => {
    const visitor = await env.newPage();
    await expectAccessible(visitor, '/decisions', 'the list of decisions');
    await expectAccessible(visitor, address, 'a decision page, for a visitor');
    await visitor.context().close();
    await expectAccessible(animateur, address, 'a decision page, for its opener');
    await animateur.getByLabel('Issue').fill('L’assemblée se tiendra à Lyon, avec une salle en ligne.');
    const closed = await submit(animateur, animateur.getByRole('button', { name: 'Clore maintenant et consigner l’issue' }));
    assert.equal(closed.status(), 303);
    assert.match(await animateur.getByRole('region', { name: 'Issue', exact: true }).textContent(), /avec une salle en ligne/);
    await checkA11y(animateur, 'a closed decision');
    await expectAccessible(member, '/decisions?etat=closes', 'the closed decisions');
  });
});
