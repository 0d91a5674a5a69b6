// Breakout groups in the browser: an organiser splits a workshop's registered people into groups
// with the keyboard alone (a topic, a facilitator found with the person picker, then everyone
// spread evenly), and the facilitator writes a note in their group with the keyboard alone. The
// groups' page, a group's notes page and the minutes showing the groups pass axe-core with zero
// violations, also with the form refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, expectAccessible, pressEnter, pressOn, signIn, submit, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

const year = new Date().getUTCFullYear() + 1;
let eventPath;

describe('breakout groups', () => {
  let anim;
  let member;
  before(async () => {
    anim = await env.newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
    member = await env.newPage();
    await signIn(member, MEMBER.email, MEMBER.password);
    await anim.goto('/evenements/nouveau');
    await anim.getByLabel('Type', { exact: true }).selectOption({ label: 'Atelier de coalition' });
    await anim.getByLabel('Titre', { exact: true }).fill('Atelier données environnementales');
    await anim.getByLabel(/^Début/).fill(`${year}-04-14T14:00`);
    await anim.getByLabel(/^Fin/).fill(`${year}-04-14T17:00`);
    await Promise.all([
      anim.waitForURL((u) => /^\/evenements\/[a-z0-9-]+$/.test(u.pathname) && u.pathname !== '/evenements/nouveau'),
      anim.getByRole('button', { name: 'Créer' }).click(),
    ]);
    eventPath = new URL(anim.url()).pathname;
    for (const page of [anim, member]) {
      await page.goto(eventPath);
      assert.equal((await submit(page, page.getByRole('button', { name: 'M’inscrire' }))).status(), 303);
    }
  });
  after(async () => {
    await anim?.context().close();
    await member?.context().close();
  });

  it('an organiser makes a group with its facilitator, then spreads everyone, with the keyboard alone', async () => {
    await anim.goto(eventPath);
    await anim.getByRole('navigation', { name: 'Organiser cet événement' }).getByRole('link', { name: 'Groupes' }).click();
    await anim.waitForURL((u) => u.pathname === `${eventPath}/groupes`);
    await checkA11y(anim, 'groups, none yet');
    const added = anim.getByRole('group', { name: 'Un nouveau groupe' });
    // A facilitator but no topic: refused next to the field, what was chosen kept.
    await added.getByLabel('Trouver une personne inscrite').fill('Marc');
    await submit(anim, added.getByRole('button', { name: 'Chercher des personnes' }));
    await added.getByRole('checkbox', { name: /Marc Membre/ }).check();
    const refused = await submit(anim, anim.getByRole('button', { name: 'Enregistrer les groupes' }));
    assert.equal(refused.status(), 422);
    assert.match(await anim.locator('#f-topic-new-error').innerText(), /Donnez un thème à ce groupe/);
    assert.equal(await added.getByRole('checkbox', { name: /Marc Membre/ }).isChecked(), true);
    await checkA11y(anim, 'groups, refused');

    await pressOn(anim, added.getByLabel(/^Thème/), 60);
    await anim.keyboard.type('Expériences en cours');
    await pressOn(anim, anim.getByRole('button', { name: 'Enregistrer les groupes' }), 80);
    const saved = await pressEnter(anim);
    assert.equal(saved.status(), 303);
    assert.match(await anim.getByRole('status').innerText(), /Les groupes sont enregistrés/);
    assert.equal(await anim.getByRole('group', { name: 'Groupe 1' }).getByLabel(/^Thème/).inputValue(), 'Expériences en cours');

    await pressOn(anim, anim.getByLabel(/^Nombre de groupes/), 80);
    await anim.keyboard.type('2');
    await pressOn(anim, anim.getByRole('button', { name: 'Répartir tout le monde' }), 10);
    const spread = await pressEnter(anim);
    assert.equal(spread.status(), 303);
    await anim.getByRole('group', { name: 'Groupe 2' }).waitFor();  // added by the spread
    const chosen = [await anim.getByRole('combobox', { name: ANIMATEUR.name, exact: true }).inputValue(),
      await anim.getByRole('combobox', { name: MEMBER.name, exact: true }).inputValue()];
    assert.equal(new Set(chosen).size, 2, 'one person in each group');
    await checkA11y(anim, 'groups, spread');
  });

  it('the facilitator writes a note in their group with the keyboard alone, shown in the minutes', async () => {
    await member.goto(`${eventPath}/compte-rendu`);
    await member.getByRole('link', { name: /Écrire les notes de ce groupe/ }).click();
    await member.waitForURL((u) => /\/groupes\/[0-9]+$/.test(u.pathname));
    await checkA11y(member, 'a group\'s notes');
    await pressOn(member, member.getByLabel(/^Type de note/), 60);
    await member.keyboard.press('ArrowDown');  // from "Idée" to "Prochaine étape"
    await pressOn(member, member.getByLabel(/^Note/), 10);
    await member.keyboard.type('Recenser les portails de données de la région');
    await pressOn(member, member.getByRole('button', { name: 'Ajouter la note' }), 10);
    const response = await pressEnter(member);
    assert.equal(response.status(), 303);
    await member.getByText('Recenser les portails de données de la région').waitFor();
    await expectAccessible(member, `${eventPath}/compte-rendu`, 'minutes with groups');
    const group = member.getByRole('region', { name: /Groupe 1 : Expériences en cours/ });
    assert.match(await group.innerText(), /Recenser les portails de données de la région/);
    await expectAccessible(anim, `${eventPath}/compte-rendu`, 'minutes with groups, as organiser');
  });
});
