// The observatory in the browser: an entry imported with the real CLI (`fabrique observatoire
// import`), then every observatory page passes axe-core — scoreboard, entry, history, edit form,
// new entry form (also with its errors), correction form (also with its errors), contributions and
// moderation, editors, public body page with its chart — and the member's account shows the notice
// of the editors' decision. A citizen fills in an entry by keyboard, the links given offered as
// evidence beside their criteria, previews its score and sends it; an editor accepts its evidence
// criterion by criterion in one review. A citizen corrects several fields of an entry with their
// evidence in one form, by keyboard, previews the score and sends it; an editor accepts part of it in
// one review and the score changes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ANIMATEUR, MEMBER, checkA11y, expectAccessible, launchBrowser, pressOn, signIn, startServer, submit } from './support.mjs';

const ENTRY = {
  id: '7d4f9a52-3c1e-4b7a-9f0e-2a6b8c1d5e34',
  slug: 'parcoursup',
  published: '2024-03-12T13:00:00Z',
  updated: '2024-03-12T13:00:00Z',
  name: 'Parcoursup — classement et appel des candidats',
  summary: 'Un algorithme à règles réordonne le classement de chaque formation pour respecter des quotas.',
  organisation: 'Ministère de l’Enseignement supérieur et de la Recherche',
  organisation_siren: '110044013',
  contact: 'https://www.parcoursup.fr/',
  status: 'in-use',
  category: 'impactful',
  theme: 'Éducation',
  purpose: 'Répartir les places des formations.',
  decision_role: 'Les commissions classent ; l’algorithme calcule l’ordre d’appel.',
  automation: 'decision-support',
  affected_public: 'Lycéens et étudiants.',
  legal_basis: 'Loi n° 2018-166 du 8 mars 2018.',
  legal_basis_url: 'https://www.legifrance.gouv.fr/',
  human_oversight: 'Commissions d’examen des vœux.',
  appeal: 'Recours administratif.',
  explicit_mention: 'no',
  algorithm_type: 'rules',
  technical_description: 'Réordonnancement du classement selon des taux minimaux de boursiers.',
  risks: 'Outils locaux non publiés.',
  data_sources: [{ name: 'Dossiers de candidature', description: '', origin: '', collection: '', url: '' }],
  impact_assessments: [],
  evidence: [
    { criterion: 'O4', level: 'partial', url: 'https://framagit.org/parcoursup/algorithmes-de-parcoursup',
      checked_on: '2024-03-10', note: 'Code national seulement.', to_verify: false },
    { criterion: 'E1', level: 'met', url: 'https://www.parcoursup.fr/', checked_on: '2024-03-10', note: '',
      to_verify: true },
  ],
};
const BODY = '/observatoire/organismes/ministere-de-l-enseignement-superieur-et-de-la-recherche';

const env = {};
let dir;
before(async () => {
  const server = await startServer();
  env.server = server;
  env.browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'fabrique-observatoire-'));
  const file = join(dir, 'export.json');
  writeFileSync(file, JSON.stringify({ entries: [ENTRY] }));
  const r = spawnSync(process.env.FABRIQUE_BIN, ['observatoire', 'import', file, '--database', server.database],
    { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, `import failed: ${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /1 created/);
});
after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function newPage(locale = 'fr-FR') {
  const context = await env.browser.newContext({ baseURL: env.server.baseURL, locale });
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  return context.newPage();
}

// Types into the control named `label` in `scope` of `page`, as someone at the keyboard.
async function type(page, scope, label, text) {
  await scope.getByLabel(label, { exact: true }).first().focus();
  await page.keyboard.type(text);
}

// Presses Enter on the control that has the focus; resolves to the response of the POST it sent,
// once the page that followed has loaded.
async function pressEnter(page) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),
    page.keyboard.press('Enter'),
  ]);
  return response;
}

describe('a visitor reads the observatory', () => {
  it('scoreboard, entry, history and public body pages have no accessibility violation', async () => {
    const page = await newPage();
    await expectAccessible(page, '/observatoire', 'scoreboard');
    await expectAccessible(page, '/observatoire?ouverture=opaque&tri=total', 'filtered scoreboard');
    await expectAccessible(page, '/observatoire/parcoursup', 'entry');
    assert.ok(await page.getByText('4/50 — opaque').isVisible(), 'the computed openness score is shown');
    await expectAccessible(page, '/observatoire/parcoursup/historique', 'entry history');
    await expectAccessible(page, BODY, 'public body page');
    assert.ok(await page.getByRole('img', { name: /Nombre de fiches par niveau/ }).isVisible(), 'the chart is named');
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto('/observatoire/parcoursup');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'the entry fits in 320 px');
    await page.context().close();
  });

  it('reads the entry in English too', async () => {
    const page = await newPage('en-GB');
    await expectAccessible(page, '/observatoire/parcoursup', 'entry (English)');
    await page.context().close();
  });
});

describe('a member contributes and an animateur moderates', () => {
  let member;
  let anim;
  before(async () => {
    member = await newPage();
    await signIn(member, MEMBER.email, MEMBER.password);
    anim = await newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    await member?.context().close();
    await anim?.context().close();
  });

  it('the member sees the proposal form, and its errors', async () => {
    await expectAccessible(member, '/observatoire/nouvelle', 'propose an entry');
    const response = await submit(member, member.getByRole('button', { name: 'Envoyer la proposition' }));
    assert.equal(response.status(), 422);
    await checkA11y(member, 'propose an entry with errors');
  });

  it('the member proposes a correction of the entry', async () => {
    await expectAccessible(member, '/observatoire/parcoursup/proposer', 'correction form');
    const o7 = member.getByRole('group', { name: /^Critère O7/ });
    await o7.getByLabel(/^Preuve \(adresse web publique\)/).fill('pas une adresse');
    await member.getByRole('textbox', { name: 'Source', exact: true }).fill('Site du ministère');
    let response = await submit(member, member.getByRole('button', { name: 'Envoyer la correction' }));
    assert.equal(response.status(), 422);
    await checkA11y(member, 'correction form with errors');
    await o7.getByLabel(/^Niveau/).selectOption('summary');
    await o7.getByLabel(/^Preuve \(adresse web publique\)/).fill('https://www.enseignementsup-recherche.gouv.fr/');
    await o7.getByLabel(/^Vérifiée le/).fill('2024-03-11');
    response = await submit(member, member.getByRole('button', { name: 'Prévisualiser le score' }));
    assert.equal(response.status(), 200);
    await checkA11y(member, 'correction form previewed');
    // The contact and the legal basis link the entry gives are offered for O2 and O3; O7 adds its 3 points.
    assert.ok(await member.getByRole('heading', { name: /^Score si l’entrée est publiée telle quelle : 20\/100$/ }).isVisible());
    response = await submit(member, member.getByRole('button', { name: 'Envoyer la correction' }));
    assert.equal(response.status(), 303);
    await checkA11y(member, 'my contributions');
  });

  it('the animateur sees the queue, the contribution, the editors page and the edit forms', async () => {
    await expectAccessible(anim, '/observatoire/contributions', 'contributions to moderate');
    await anim.getByRole('link', { name: '1', exact: true }).click();
    await anim.waitForLoadState();
    await checkA11y(anim, 'contribution with moderation forms');
    const response = await submit(anim, anim.getByRole('button', { name: 'Rejeter' }));
    assert.equal(response.status(), 422);
    await checkA11y(anim, 'rejection without a reason');
    await anim.getByLabel(/^Motif du refus/).fill('Le document ne décrit pas l’algorithme.');
    await submit(anim, anim.getByRole('button', { name: 'Rejeter' }));
    await expectAccessible(anim, '/observatoire/editeurs', 'editors');
    await expectAccessible(anim, '/observatoire/parcoursup/modifier', 'edit an entry');
    await expectAccessible(anim, '/observatoire/nouvelle', 'publish an entry');
    await expectAccessible(anim, BODY, 'public body page for an editor');
  });

  it('the member is told on their account page', async () => {
    await expectAccessible(member, '/compte', 'account with a notification');
    assert.ok(await member.getByText('1 notification non lue').isVisible());
    await expectAccessible(member, '/observatoire/contributions/1', 'my rejected contribution');
    assert.ok(await member.getByText('Le document ne décrit pas l’algorithme.').isVisible());
  });
});

describe('a citizen gives the evidence where it is asked and an editor reviews it criterion by criterion', () => {
  let citizen;
  let anim;
  let contribution;
  before(async () => {
    citizen = await newPage();
    await signIn(citizen, MEMBER.email, MEMBER.password);
    anim = await newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    await citizen?.context().close();
    await anim?.context().close();
  });

  it('fills in the entry, previews its score and sends it, by keyboard', async () => {
    await citizen.goto('/observatoire/nouvelle');
    const main = citizen.getByRole('main');
    await type(citizen, main, 'Nom', 'Calcul des aides au logement');
    await type(citizen, main, 'Résumé en langage clair', 'Calcule le montant de l’aide au logement à partir d’un barème.');
    await type(citizen, main, 'Organisme public', 'Caisse nationale des allocations familiales');
    await type(citizen, main, 'SIREN de l’organisme public', '180035024');
    await type(citizen, main, 'Contact (adresse électronique ou web)', 'contact@example.org');
    await main.getByLabel('Statut', { exact: true }).selectOption('in-use');
    await main.getByLabel('Catégorie', { exact: true }).selectOption('impactful');
    await type(citizen, main, 'Finalité et impact', 'Calculer le droit.');
    await type(citizen, main, 'Rôle dans la décision', 'Le calcul fixe le montant.');
    await main.getByLabel('Niveau d’automatisation', { exact: true }).selectOption('fully-automated');
    await type(citizen, main, 'Public concerné', 'Les locataires.');
    await type(citizen, main, 'Base légale', 'Code de la construction et de l’habitation.');
    await type(citizen, main, 'Lien vers la base légale', 'https://www.legifrance.gouv.fr/');
    await type(citizen, main, 'Contrôle humain', 'Réclamations traitées par des agents.');
    await type(citizen, main, 'Voie de recours', 'Recours amiable puis contentieux.');
    await main.getByLabel('Mention explicite sur les décisions', { exact: true }).selectOption('no');
    await main.getByLabel('Type d’algorithme', { exact: true }).selectOption('rules');
    await type(citizen, main, 'Description technique', 'Un barème à règles.');
    await type(citizen, main, 'Code source (facultatif)', 'https://example.org/code');
    await type(citizen, main, 'Risques et mesures d’atténuation', 'Erreurs de déclaration.');
    await type(citizen, main.getByRole('group', { name: 'Source de données 1' }), 'Nom', 'Déclarations du foyer');
    await type(citizen, main, 'Source', 'https://example.org/article');

    // Enter in a field previews (the form's first button): the links given are offered as evidence,
    // O4 asks which level its code shows; nothing is sent.
    let response = await pressEnter(citizen);
    assert.equal(response.status(), 422);
    await checkA11y(citizen, 'entry form previewed, with an offer to confirm');
    const o3 = main.getByRole('group', { name: /^Critère O3/ });
    assert.equal(await o3.getByLabel(/^Preuve \(adresse web publique\)/).inputValue(), 'https://www.legifrance.gouv.fr/');
    const o4 = main.getByRole('group', { name: /^Critère O4/ });
    assert.equal(await o4.getByLabel(/^Preuve \(adresse web publique\)/).inputValue(), 'https://example.org/code');
    assert.ok(await citizen.getByRole('heading', { name: 'Score si l’entrée est publiée telle quelle : 4/100' }).isVisible());

    await o4.getByLabel(/^Niveau/).selectOption('current');
    await main.getByRole('textbox', { name: 'Source', exact: true }).focus();
    response = await pressEnter(citizen);
    assert.equal(response.status(), 200);
    await checkA11y(citizen, 'entry form previewed');
    assert.ok(await citizen.getByRole('heading', { name: 'Score si l’entrée est publiée telle quelle : 12/100' }).isVisible());
    assert.ok(await citizen.getByRole('cell', { name: 'Code à jour publié — https://example.org/code' }).isVisible());

    await main.getByRole('textbox', { name: 'Source', exact: true }).focus();
    await pressOn(citizen, main.getByRole('button', { name: 'Envoyer la proposition' }), 3);
    response = await pressEnter(citizen);
    assert.equal(response.status(), 303);
    contribution = new URL(citizen.url()).pathname;
    await checkA11y(citizen, 'the proposal sent');
  });

  it('the editor accepts the legal basis and not the code, in one review, and the citizen is told', async () => {
    await expectAccessible(anim, contribution, 'review of a proposed entry');
    const o4 = anim.getByRole('group', { name: /^O4/ });
    await o4.getByLabel('Ne pas l’accepter').focus();
    await anim.keyboard.press('Space');
    let response = await submit(anim, anim.getByRole('button', { name: 'Accepter et publier' }));
    assert.equal(response.status(), 422);
    await checkA11y(anim, 'review refused without a reason');
    await anim.getByLabel(/^Pourquoi une partie des preuves/).fill('Ce dépôt n’est pas celui de la CNAF.');
    response = await submit(anim, anim.getByRole('button', { name: 'Accepter et publier' }));
    assert.equal(response.status(), 303);
    await checkA11y(anim, 'the entry published from the review');
    assert.ok(await anim.getByText('4/50 — opaque').first().isVisible(), 'the score counts the accepted evidence only');

    await expectAccessible(citizen, '/compte', 'account told of the review');
    assert.ok(await citizen.getByText(/avec ses preuves pour ces critères : O3\./).isVisible());
    await expectAccessible(citizen, contribution, 'my reviewed contribution');
    assert.ok(await citizen.getByText('Ce dépôt n’est pas celui de la CNAF.').isVisible());
  });
});

describe('a citizen corrects several fields with their evidence in one form and an editor accepts part of it', () => {
  let citizen;
  let anim;
  before(async () => {
    citizen = await newPage();
    await signIn(citizen, MEMBER.email, MEMBER.password);
    anim = await newPage();
    await signIn(anim, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    await citizen?.context().close();
    await anim?.context().close();
  });

  it('the citizen corrects the budget and the risks, gives their evidence, previews and sends, by keyboard', async () => {
    await expectAccessible(citizen, '/observatoire/parcoursup/proposer', 'correction form of the whole entry');
    const main = citizen.getByRole('main');
    // Every field shows its value now.
    assert.equal(await main.getByLabel('Nom', { exact: true }).first().inputValue(), ENTRY.name);
    await type(citizen, main, 'Budget (facultatif)', 'Environ 1 M€ par an.');
    const o11 = main.getByRole('group', { name: /^Critère O11/ });
    await type(citizen, o11, /^Preuve \(adresse web publique\)/, 'https://www.ccomptes.fr/parcoursup');
    await type(citizen, o11, /^Citation de la preuve, ou une note/, 'Le coût annuel est d’environ 1 M€.');
    await main.getByLabel('Risques et mesures d’atténuation', { exact: true }).focus();
    await citizen.keyboard.press('Control+End');
    await citizen.keyboard.type(' Biais possibles des quotas.');
    const o8 = main.getByRole('group', { name: /^Critère O8/ });
    await type(citizen, o8, /^Preuve \(adresse web publique\)/, 'https://www.ccomptes.fr/parcoursup-risques');
    await type(citizen, main, 'Source', 'Rapport de la Cour des comptes, 2020');

    // Enter previews (the form's first button): the score the entry would get; nothing is sent.
    let response = await pressEnter(citizen);
    assert.equal(response.status(), 200);
    await checkA11y(citizen, 'correction of the whole entry previewed');
    // 9 now, 4 + 4 offered for O2 and O3 from the entry's own links, 3 for O11, 4 for O8.
    assert.ok(await citizen.getByRole('heading', { name: 'Score si l’entrée est publiée telle quelle : 24/100' }).isVisible());
    assert.equal(await main.getByLabel('Budget (facultatif)', { exact: true }).inputValue(), 'Environ 1 M€ par an.');

    await main.getByRole('textbox', { name: 'Source', exact: true }).focus();
    await pressOn(citizen, main.getByRole('button', { name: 'Envoyer la correction' }), 3);
    response = await pressEnter(citizen);
    assert.equal(response.status(), 303);
    await checkA11y(citizen, 'the correction sent');
    assert.ok(await citizen.getByText('Merci : votre contribution a été transmise aux éditeurs de l’observatoire.').isVisible());
  });

  it('the editor accepts the budget and its evidence but not the risks, in one review, and the score changes', async () => {
    await expectAccessible(anim, '/observatoire/contributions', 'contributions to moderate, with a correction');
    await anim.getByRole('link', { name: '3', exact: true }).focus();
    await Promise.all([anim.waitForEvent('load'), anim.keyboard.press('Enter')]);
    await checkA11y(anim, 'review of a correction');
    assert.ok(await anim.getByText('La fiche obtient 9/100 aujourd’hui ; avec tout accepté, 24/100.').isVisible());
    for (const name of ['Risques et mesures d’atténuation', /^O8 —/]) {
      await anim.getByRole('group', { name, exact: true }).getByLabel('Ne pas l’accepter').focus();
      await anim.keyboard.press('Space');
    }
    const send = anim.getByRole('button', { name: 'Enregistrer la décision' });
    await send.focus();
    let response = await pressEnter(anim);
    assert.equal(response.status(), 422);
    await checkA11y(anim, 'review of a correction refused without a reason');
    await anim.getByLabel(/^Pourquoi une partie des modifications/).focus();
    await anim.keyboard.type('Le rapport ne parle pas de biais.');
    await anim.getByRole('button', { name: 'Enregistrer la décision' }).focus();
    response = await pressEnter(anim);
    assert.equal(response.status(), 303);
    await checkA11y(anim, 'the entry after the review');
    // Openness 4 → 15: O2, O3 and O11 accepted, O8 not.
    assert.ok(await anim.getByText('15/50 — opaque').first().isVisible(), 'the score counts what was accepted');
    assert.ok(await anim.getByText('Environ 1 M€ par an.').isVisible());
    assert.equal(await anim.getByText('Biais possibles des quotas.').count(), 0);

    await expectAccessible(citizen, '/compte', 'account told of the partial acceptance');
    assert.ok(await citizen.getByText(/acceptée en partie/).first().isVisible());
  });
});

describe('two editors edit an entry at once', () => {
  let first;
  let second;
  before(async () => {
    first = await newPage();
    await signIn(first, ANIMATEUR.email, ANIMATEUR.password);
    second = await newPage();
    await signIn(second, ANIMATEUR.email, ANIMATEUR.password);
  });
  after(async () => {
    await first?.context().close();
    await second?.context().close();
  });

  it('the field both changed is settled side by side by keyboard, what only one changed is kept', async () => {
    const edit = '/observatoire/parcoursup/modifier';
    await first.goto(edit);
    await second.goto(edit);
    await first.getByLabel('Budget (facultatif)', { exact: true }).fill('Environ 2 M€ par an.');
    assert.equal((await submit(first, first.getByRole('button', { name: 'Enregistrer la fiche' }))).status(), 303);
    await second.getByLabel('Budget (facultatif)', { exact: true }).fill('Environ 3 M€ par an.');
    await second.getByLabel('Thème (facultatif)', { exact: true }).fill('Enseignement supérieur');
    const conflict = await submit(second, second.getByRole('button', { name: 'Enregistrer la fiche' }));
    assert.equal(conflict.status(), 409);
    assert.ok(await second.getByRole('heading', { name: 'Quelqu’un a enregistré cette fiche pendant que vous la modifiiez' }).isVisible());
    const side = second.locator('.merge');
    assert.equal(await side.count(), 1, 'only the budget is to settle');
    assert.ok(await side.getByRole('heading', { name: /^Tel qu’il était \(version \d+\)$/ }).isVisible());
    assert.equal(await second.getByLabel('Thème (facultatif)', { exact: true }).inputValue(), 'Enseignement supérieur');
    await checkA11y(second, 'entry conflict to settle');

    await second.getByLabel('Garder mon texte', { exact: true }).focus();
    await second.keyboard.press('Space');
    await second.getByRole('button', { name: 'Enregistrer la fiche' }).focus();
    const saved = await pressEnter(second);
    assert.equal(saved.status(), 303);
    await checkA11y(second, 'entry saved merged');
    assert.ok(await second.getByText(/^Enregistré\. La version \d+ a été enregistrée pendant que vous modifiiez/).isVisible());
    assert.ok(await second.getByText('Environ 3 M€ par an.').isVisible());
    assert.ok(await second.getByText('Enseignement supérieur').first().isVisible());
  });
});
