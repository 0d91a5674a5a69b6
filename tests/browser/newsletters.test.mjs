// The newsletters in the browser, on the demo programme: the list of those sent and the demo's digest
// read as a visitor; an animateur composes a digest with the keyboard alone (refused first without a
// subject, next to the field), sends a test to themselves, then confirms the send to everyone, which
// a member receives. Every new page — the list, a newsletter, the form (with its errors, after a
// test), the confirmation — passes axe-core with zero violations.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { ANIMATEUR, MEMBER, checkA11y, expectAccessible, pressOn, readMail, signIn, useServerAndBrowser } from './support.mjs';

const env = useServerAndBrowser({ demo: true });

const SUBJECT = 'La lettre de la fabrique';

// Presses Enter on the focused button and resolves to the response of the POST, once the page it led
// to has loaded.
async function pressEnter(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.keyboard.press('Enter'),
  ]);
  await page.waitForLoadState();
  return response;
}

describe('the newsletters', () => {
  let anim;
  before(async () => {
    anim = await env.newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    await anim?.context().close();
  });

  it('a visitor reads the newsletters sent and the demo digest', async () => {
    const visitor = await env.newPage();
    try {
      await expectAccessible(visitor, '/journal', 'journal, visitor');
      await Promise.all([visitor.waitForURL('**/journal/lettres'),
        visitor.getByRole('link', { name: 'Lettres d’information' }).click()]);
      await checkA11y(visitor, 'newsletters, visitor');
      assert.equal(await visitor.getByRole('link', { name: 'Envoyer une lettre d’information' }).count(), 0);
      await Promise.all([visitor.waitForURL(/\/journal\/lettres\/[0-9]+$/),
        visitor.getByRole('link', { name: /La lettre de Reset/ }).click()]);
      await visitor.getByRole('heading', { level: 2, name: /Reset Fest Bretagne/ }).waitFor();
      await checkA11y(visitor, 'a newsletter, visitor');
    } finally {
      await visitor.context().close();
    }
  });

  it('an animateur composes, tests and sends a digest with the keyboard alone', async () => {
    await expectAccessible(anim, '/journal/lettres', 'newsletters, animateur');
    await pressOn(anim, anim.getByRole('link', { name: 'Envoyer une lettre d’information' }));
    await Promise.all([anim.waitForURL('**/journal/lettres/ecrire'), anim.keyboard.press('Enter')]);
    await checkA11y(anim, 'newsletter form');
    assert.match(await anim.locator('#reach').innerText(), /atteint [0-9]+ personnes/);

    // A post ticked, no subject: refused next to the field, the rest kept.
    const post = anim.getByRole('checkbox', { name: /Reset Fest Bretagne/ });
    await pressOn(anim, post, 60);
    await anim.keyboard.press('Space');
    await pressOn(anim, anim.getByRole('button', { name: 'M’envoyer un essai' }), 80);
    assert.equal((await pressEnter(anim)).status(), 422);
    await anim.locator('.error-summary').waitFor();
    await checkA11y(anim, 'newsletter form with errors');
    assert.ok(await anim.getByRole('checkbox', { name: /Reset Fest Bretagne/ }).isChecked());

    // The test, to the animateur only.
    await pressOn(anim, anim.getByLabel('Objet'), 60);
    await anim.keyboard.type(SUBJECT);
    await pressOn(anim, anim.getByRole('button', { name: 'M’envoyer un essai' }), 80);
    assert.equal((await pressEnter(anim)).status(), 200);
    await anim.getByText(`Un essai a été envoyé à ${ANIMATEUR.email} seulement`).waitFor();
    await checkA11y(anim, 'newsletter form after a test');
    assert.match(await readMail(env.mailDir, ANIMATEUR.email, { matching: /Reset Fest Bretagne/ }), /Reset Fest Bretagne/);

    // The send asks for confirmation with the count, then sends.
    await pressOn(anim, anim.getByRole('button', { name: 'Envoyer à tous…' }), 80);
    assert.equal((await pressEnter(anim)).status(), 200);
    await anim.getByRole('heading', { level: 1, name: 'Envoyer cette lettre d’information ?' }).waitFor();
    await checkA11y(anim, 'newsletter confirmation');
    const send = anim.getByRole('button', { name: /^Envoyer à [0-9]+ personnes$/ });
    await pressOn(anim, send);
    assert.equal((await pressEnter(anim)).status(), 303);
    await anim.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await anim.getByRole('status').filter({ hasText: 'La lettre part vers' }).waitFor();
    await checkA11y(anim, 'newsletter sent');
    const mail = await readMail(env.mailDir, MEMBER.email, { matching: /Reset Fest Bretagne/ });
    assert.match(mail, /\/journal\/lettres\/[0-9]+/);  // its web version
  });
});
