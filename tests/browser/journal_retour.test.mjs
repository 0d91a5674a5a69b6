// A "Retour sur" started from an event of the demo programme: the link on the event's page opens the
// journal's form already filled (kind, title, the event and its coalitions, the minutes' decisions
// and next steps), published with the keyboard alone; the form and the post pass axe-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, checkA11y, pressOn, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser({ demo: true });

describe('a "Retour sur" from an event', () => {
  let anim;
  before(async () => {
    anim = await env.newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    await anim?.context().close();
  });

  it('is started from the event and published with the keyboard alone', async () => {
    await anim.goto('/evenements/reset-day-juin-2021');
    const start = anim.getByRole('link', { name: 'Écrire un « Retour sur » cet événement dans le journal' });
    await pressOn(anim, start, 300);
    await Promise.all([anim.waitForURL('**/journal/ecrire?evenement=reset-day-juin-2021'), anim.keyboard.press('Enter')]);
    await checkA11y(anim, 'post form started from an event');
    assert.match(await anim.getByLabel('Titre', { exact: true }).inputValue(), /^Retour sur Reset Day du 15 juin 2021/);
    assert.equal(await anim.getByLabel('Type', { exact: true }).inputValue(), 'retour-sur');
    assert.ok(await anim.getByRole('checkbox', { name: /Reset Day du 15 juin 2021/ }).isChecked());
    assert.match(await anim.getByLabel(/^Texte/).inputValue(), /## /);
    await pressOn(anim, anim.getByRole('button', { name: 'Publier' }), 200);
    const [published] = await Promise.all([
      anim.waitForResponse((r) => r.request().method() === 'POST'), anim.keyboard.press('Enter')]);
    assert.equal(published.status(), 303);
    await anim.getByRole('heading', { level: 1, name: /^Retour sur Reset Day du 15 juin 2021/ }).waitFor();
    assert.equal(await anim.getByRole('link', { name: 'Reset Day du 15 juin 2021' }).count(), 1);
    await checkA11y(anim, 'post started from an event');
    // The event's page now shows it among the latest posts.
    await anim.goto('/evenements/reset-day-juin-2021');
    await anim.getByRole('heading', { name: 'Derniers billets du journal' }).waitFor();
    assert.ok(await anim.getByRole('link', { name: /^Retour sur Reset Day du 15 juin 2021/ }).count() >= 1);
  });
});
