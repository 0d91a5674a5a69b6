// The journal in the browser: an animateur writes a post with the keyboard alone, previews it, then
// publishes it; the list, the post and the form (with its errors) pass axe-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, checkA11y, expectAccessible, pressOn, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser();

const TITLE = 'Retour sur la journée des communs';

describe('the journal', () => {
  let anim;
  before(async () => {
    anim = await env.newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    await anim?.context().close();
  });

  it('an animateur writes, previews and publishes a post with the keyboard alone', async () => {
    await expectAccessible(anim, '/journal', 'journal, animateur');
    await pressOn(anim, anim.getByRole('link', { name: 'Écrire un billet' }));
    await Promise.all([anim.waitForURL('**/journal/ecrire'), anim.keyboard.press('Enter')]);
    await checkA11y(anim, 'post form');
    // Published with no title: refused next to the field, the rest kept.
    await pressOn(anim, anim.getByLabel('Type', { exact: true }));
    await anim.keyboard.press('ArrowDown');
    await pressOn(anim, anim.getByLabel(/^Texte/));
    await anim.keyboard.type('Une journée **riche** en échanges.');
    await pressOn(anim, anim.getByRole('button', { name: 'Publier' }));
    const [refused] = await Promise.all([
      anim.waitForResponse((r) => r.request().method() === 'POST'), anim.keyboard.press('Enter')]);
    assert.equal(refused.status(), 422);
    await anim.locator('.error-summary').waitFor();  // the page the 422 drew, not the one it replaces
    await checkA11y(anim, 'post form with errors');
    assert.match(await anim.getByLabel(/^Texte/).inputValue(), /riche/);
    await pressOn(anim, anim.getByLabel('Titre', { exact: true }));
    await anim.keyboard.type(TITLE);
    await pressOn(anim, anim.getByRole('button', { name: 'Aperçu' }));
    const [preview] = await Promise.all([
      anim.waitForResponse((r) => r.request().method() === 'POST'), anim.keyboard.press('Enter')]);
    assert.equal(preview.status(), 200);
    await anim.waitForLoadState();
    await anim.getByRole('heading', { name: 'Aperçu' }).waitFor();
    assert.equal(await anim.locator('.preview strong').textContent(), 'riche');
    await checkA11y(anim, 'post preview');
    await pressOn(anim, anim.getByRole('button', { name: 'Publier' }), 60);
    const [published] = await Promise.all([
      anim.waitForResponse((r) => r.request().method() === 'POST'), anim.keyboard.press('Enter')]);
    assert.equal(published.status(), 303);
    await anim.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await checkA11y(anim, 'published post, animateur');
  });

  it('a visitor reads the journal and the post', async () => {
    const visitor = await env.newPage();
    try {
      await expectAccessible(visitor, '/journal', 'journal, visitor');
      await Promise.all([visitor.waitForURL((u) => u.pathname.startsWith('/journal/')),
        visitor.getByRole('link', { name: TITLE }).click()]);
      await checkA11y(visitor, 'post, visitor');
      assert.equal(await visitor.getByRole('link', { name: 'Modifier' }).count(), 0);
    } finally {
      await visitor.context().close();
    }
  });
});
