-- A generated programme of coalitions for the benchmark (bench/run.sh), loaded in one transaction.
--
-- Expects a migrated database that already holds organisations and users (ids 1..N, dense), and a
-- temporary table made by the caller:
--   CREATE TEMP TABLE bench_params (coalitions INTEGER, revisions INTEGER, members INTEGER,
--                                   declarations INTEGER, now INTEGER);
-- (coalitions; booklet revisions per coalition; members and interest declarations per coalition;
-- the current time in unix seconds).
--
-- Everything is deterministic: pseudo-random choices come from integer hashes of the row numbers.
-- Section texts are Markdown paragraphs (and sometimes a list) assembled from a pool of sentences;
-- each revision rewrites 1 to 3 sections, each text 300 B to ~2 KB, as booklets are really edited.

PRAGMA foreign_keys = ON;
BEGIN;

-- h(x) in [0, 2^31 - 1): a cheap integer hash, good enough to spread choices.
-- SQLite has no user functions here, so the expression is written out where needed:
--   ((x * 1103515245 + 12345) % 2147483647)
CREATE TEMP TABLE n (i INTEGER PRIMARY KEY);
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 100000)
INSERT INTO n SELECT i FROM r;

INSERT INTO coalition_families (id, slug, label, position) VALUES
  (1, 'democratie-et-droits', 'Démocratie et droits', 1),
  (2, 'numerique-responsable', 'Numérique responsable', 2),
  (3, 'communs-et-donnees', 'Communs et données', 3),
  (4, 'travail-et-competences', 'Travail et compétences', 4),
  (5, 'territoires', 'Territoires', 5),
  (6, 'sante-et-soin', 'Santé et soin', 6);

INSERT INTO coalition_cohorts (id, slug, label, position) VALUES
  (1, 'pilotes-2024', 'Pilotes 2024', 1),
  (2, 'deuxieme-promotion-2025', 'Deuxième promotion 2025', 2),
  (3, 'troisieme-promotion-2025', 'Troisième promotion 2025', 3),
  (4, 'quatrieme-promotion-2026', 'Quatrième promotion 2026', 4);

CREATE TEMP TABLE verbs (id INTEGER PRIMARY KEY, label TEXT, slug TEXT);
INSERT INTO verbs (id, label, slug) VALUES
  (0, 'Dématérialiser sans déshumaniser', 'dematerialiser-sans-deshumaniser'),
  (1, 'Acheter numérique responsable', 'acheter-numerique-responsable'),
  (2, 'Ouvrir les données', 'ouvrir-les-donnees'),
  (3, 'Réparer plutôt que jeter', 'reparer-plutot-que-jeter'),
  (4, 'Former aux usages', 'former-aux-usages'),
  (5, 'Rendre accessibles', 'rendre-accessibles'),
  (6, 'Mutualiser les outils libres', 'mutualiser-les-outils-libres'),
  (7, 'Décider ensemble', 'decider-ensemble'),
  (8, 'Sobriété des services', 'sobriete-des-services'),
  (9, 'Protéger les libertés', 'proteger-les-libertes'),
  (10, 'Relocaliser l''hébergement', 'relocaliser-l-hebergement'),
  (11, 'Mesurer l''empreinte', 'mesurer-l-empreinte'),
  (12, 'Inclure les éloignés du numérique', 'inclure-les-eloignes-du-numerique'),
  (13, 'Gouverner les algorithmes', 'gouverner-les-algorithmes'),
  (14, 'Outiller les aidants', 'outiller-les-aidants'),
  (15, 'Partager les communs', 'partager-les-communs'),
  (16, 'Allonger la durée de vie', 'allonger-la-duree-de-vie'),
  (17, 'Concevoir avec les usagers', 'concevoir-avec-les-usagers'),
  (18, 'Équiper sans exclure', 'equiper-sans-exclure'),
  (19, 'Maîtriser ses données', 'maitriser-ses-donnees');

CREATE TEMP TABLE objects (id INTEGER PRIMARY KEY, label TEXT, slug TEXT);
INSERT INTO objects (id, label, slug) VALUES
  (0, 'dans les services publics', 'services-publics'),
  (1, 'à l''école', 'ecole'),
  (2, 'dans les collectivités', 'collectivites'),
  (3, 'à l''hôpital', 'hopital'),
  (4, 'dans les entreprises', 'entreprises'),
  (5, 'dans les associations', 'associations'),
  (6, 'pour les aînés', 'aines'),
  (7, 'dans la culture', 'culture'),
  (8, 'dans l''agriculture', 'agriculture'),
  (9, 'dans les mobilités', 'mobilites'),
  (10, 'dans le logement social', 'logement-social'),
  (11, 'à l''université', 'universite'),
  (12, 'dans l''action sociale', 'action-sociale'),
  (13, 'dans les médias', 'medias'),
  (14, 'dans l''emploi', 'emploi'),
  (15, 'en Europe', 'europe'),
  (16, 'dans les quartiers', 'quartiers'),
  (17, 'dans la justice', 'justice'),
  (18, 'dans le commerce local', 'commerce-local'),
  (19, 'dans l''énergie', 'energie'),
  (20, 'dans les bibliothèques', 'bibliotheques'),
  (21, 'dans le sport', 'sport'),
  (22, 'dans le tourisme', 'tourisme'),
  (23, 'dans l''industrie', 'industrie'),
  (24, 'dans les territoires ruraux', 'territoires-ruraux'),
  (25, 'dans la recherche', 'recherche'),
  (26, 'dans les achats', 'achats'),
  (27, 'dans la formation continue', 'formation-continue'),
  (28, 'dans la petite enfance', 'petite-enfance'),
  (29, 'dans l''eau et l''environnement', 'eau-et-environnement'),
  (30, 'dans les transports publics', 'transports-publics'),
  (31, 'dans le handicap', 'handicap'),
  (32, 'dans la santé mentale', 'sante-mentale'),
  (33, 'dans les prisons', 'prisons'),
  (34, 'dans l''économie sociale et solidaire', 'economie-sociale-et-solidaire'),
  (35, 'dans les villes moyennes', 'villes-moyennes'),
  (36, 'dans l''outre-mer', 'outre-mer'),
  (37, 'dans les PME', 'pme'),
  (38, 'dans la presse locale', 'presse-locale'),
  (39, 'dans les démarches en ligne', 'demarches-en-ligne'),
  (40, 'dans les fermes', 'fermes'),
  (41, 'dans les lycées professionnels', 'lycees-professionnels'),
  (42, 'dans les musées', 'musees'),
  (43, 'dans la restauration collective', 'restauration-collective'),
  (44, 'dans les maisons France services', 'maisons-france-services'),
  (45, 'dans la banque', 'banque'),
  (46, 'dans l''assurance', 'assurance'),
  (47, 'dans les crèches', 'creches'),
  (48, 'dans les EHPAD', 'ehpad'),
  (49, 'dans les ports', 'ports');

-- The pool of sentences section texts are made of (80 to 260 bytes each).
CREATE TEMP TABLE sentences (id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO sentences (id, body) VALUES
  (0, 'Les démarches en ligne se sont multipliées sans que personne ne vérifie qui restait au bord du chemin.'),
  (1, 'Une part importante des personnes reçues dans les centres sociaux renonce à un droit faute de pouvoir faire la démarche seule.'),
  (2, 'Nous voulons que chaque service numérique public garde une porte d''entrée humaine, joignable et compétente.'),
  (3, 'Les achats publics représentent un levier considérable : un cahier des charges bien écrit change tout un marché.'),
  (4, 'Les collectivités achètent souvent des outils fermés, faute de connaître les alternatives libres qui existent déjà.'),
  (5, 'La coalition rassemble des acheteurs, des éditeurs, des associations d''usagers et des chercheurs autour d''une même table.'),
  (6, 'Le premier Reset Day a permis de cartographier une trentaine d''initiatives déjà engagées sur ce sujet.'),
  (7, 'Nous mesurerons l''impact par le nombre de personnes accompagnées, mais aussi par la qualité de l''accompagnement reçu.'),
  (8, 'Un terminal reconditionné évite l''essentiel de l''empreinte carbone d''un équipement neuf, qui se joue à la fabrication.'),
  (9, 'Les données produites par les services publics devraient revenir à celles et ceux qui en ont besoin pour agir.'),
  (10, 'Trop de projets s''arrêtent à l''expérimentation : personne ne sait comment les faire durer une fois le financement épuisé.'),
  (11, 'Le récit que nous proposons est celui d''un numérique qui répare, relie et rend du pouvoir d''agir plutôt qu''il n''en retire.'),
  (12, 'Les agents d''accueil sont en première ligne et disent manquer de temps, d''outils et de reconnaissance pour ce travail.'),
  (13, 'La commande publique peut exiger l''accessibilité, l''interopérabilité et la réversibilité dès la rédaction du marché.'),
  (14, 'Côté offre, des entreprises et des associations développent déjà des services sobres, ouverts et conçus avec leurs usagers.'),
  (15, 'Côté usages, la médiation numérique doit être pensée comme un service public à part entière et non comme un palliatif.'),
  (16, 'Plusieurs villes ont déjà testé des ateliers de réparation partagés ; leurs retours montrent une forte demande.'),
  (17, 'Il manque encore autour de la table des acteurs du financement, des syndicats et des représentants des personnes concernées.'),
  (18, 'Une première victoire serait de publier un guide d''achat commun, relu par les acheteurs de cinq collectivités volontaires.'),
  (19, 'Nous publierons chaque trimestre un état d''avancement, avec ce qui a marché et ce qui n''a pas marché.'),
  (20, 'La gouvernance de la coalition repose sur deux co-porteurs et un comité ouvert qui se réunit chaque mois.'),
  (21, 'Les algorithmes utilisés pour attribuer des aides doivent être publiés, expliqués et contestables par les personnes concernées.'),
  (22, 'L''enjeu n''est pas seulement technique : il touche à la confiance entre les institutions et les habitants.'),
  (23, 'Nous nous appuyons sur les travaux de la Fing, de l''Inria et de plusieurs laboratoires de sciences sociales.'),
  (24, 'Un atelier de conception avec des usagers a fait émerger des besoins que personne n''avait imaginés au départ.'),
  (25, 'La sobriété numérique n''est pas une privation : c''est le choix de services utiles, durables et compréhensibles.'),
  (26, 'Les petites structures n''ont ni le temps ni les moyens de suivre seules l''évolution des outils ; la mutualisation les aide.'),
  (27, 'Le changement visé : dans trois ans, aucune démarche essentielle ne pourra être rendue obligatoire en ligne sans alternative.'),
  (28, 'Nous documentons chaque expérience dans un format ouvert, pour que d''autres territoires puissent la reprendre.'),
  (29, 'Les retours des bibliothèques montrent qu''un lieu de confiance de proximité fait toute la différence.'),
  (30, 'Les entreprises du numérique peuvent s''engager sur la durée de mise à jour de leurs logiciels et de leurs terminaux.'),
  (31, 'La coalition propose des indicateurs simples : délai de réponse humain, taux de renoncement, durée de vie des équipements.'),
  (32, 'Un hébergement local et mutualisé réduit la dépendance à quelques fournisseurs et garde la valeur sur le territoire.'),
  (33, 'Les personnes âgées ne sont pas les seules concernées : des jeunes très connectés peinent aussi avec les démarches administratives.'),
  (34, 'Nous avons besoin de juristes pour traduire nos principes en clauses de marché utilisables dès demain.'),
  (35, 'La formation des agents et des bénévoles est la condition de tout le reste ; elle doit être reconnue et financée.'),
  (36, 'Nous travaillons avec trois départements pilotes qui ont accepté de partager leurs données d''accueil anonymisées.'),
  (37, 'Un prototype de guichet partagé sera testé pendant six mois dans deux maisons France services volontaires.'),
  (38, 'L''accessibilité numérique reste très en deçà de ce que la loi exige ; les audits publiés le montrent chaque année.'),
  (39, 'Le numérique responsable ne doit pas devenir un label de plus : nous voulons des engagements vérifiables.'),
  (40, 'La coalition a choisi de commencer petit, sur un territoire, avant d''essaimer ce qui aura fait ses preuves.'),
  (41, 'Chaque partenaire apporte ce qu''il sait faire : des données, un terrain d''expérimentation, du temps ou des compétences.'),
  (42, 'Les usagers ne sont pas consultés à la fin : ils participent dès le cadrage et à chaque étape de la feuille de route.'),
  (43, 'Nous visons un impact social, en réduisant le non-recours, et un impact environnemental, en allongeant la durée de vie des équipements.'),
  (44, 'Le diagnostic partagé a mis en évidence trois freins : le manque de coordination, la complexité des outils et le coût des licences.'),
  (45, 'Des communs numériques existent déjà ; il s''agit surtout de les faire connaître, de les maintenir et de les financer.'),
  (46, 'La prochaine étape est une rencontre avec les élus pour inscrire la démarche dans le budget de l''an prochain.'),
  (47, 'Nous invitons toute organisation intéressée à déclarer son intérêt sur cette page et à dire ce qu''elle peut apporter.');

CREATE TEMP TABLE items (id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO items (id, body) VALUES
  (0, 'un guide d''achat public relu par les acheteurs'),
  (1, 'une carte des lieux de médiation numérique'),
  (2, 'des ateliers de réparation mensuels'),
  (3, 'un référentiel d''indicateurs partagé'),
  (4, 'une formation de deux jours pour les agents d''accueil'),
  (5, 'un jeu de données ouvert et documenté'),
  (6, 'une charte signée par les partenaires'),
  (7, 'un prototype testé avec des usagers'),
  (8, 'une clause type sur la réversibilité'),
  (9, 'un annuaire des communs numériques utiles'),
  (10, 'un retour d''expérience publié'),
  (11, 'une rencontre avec les élus du territoire'),
  (12, 'un audit d''accessibilité des démarches'),
  (13, 'un fonds de dotation pour la maintenance'),
  (14, 'une plateforme d''hébergement mutualisée'),
  (15, 'un groupe de travail avec les syndicats');

-- Coalitions: number i, number_key zero-padded to 6 digits, a unique slug, a title from two lists.
INSERT INTO coalitions (id, number, number_key, slug, title, summary, family_id, cohort_id, stage, stage_since,
                        animating_organisation_id, scale_local, scale_national, scale_european, booklet_revision,
                        created_at, updated_at, last_activity_at)
SELECT i, CAST(i AS TEXT), printf('%06d', i),
       v.slug || '-' || o.slug || '-' || i,
       v.label || ' ' || o.label,
       (SELECT body FROM sentences WHERE id = (i * 7) % 48),
       1 + (i * 5) % 6,
       CASE WHEN i % 9 = 0 THEN NULL ELSE 1 + (i * 3) % 4 END,
       CASE (i * 13) % 8 WHEN 0 THEN 'idee' WHEN 1 THEN 'cristallisation' WHEN 2 THEN 'cadrage'
         WHEN 3 THEN 'diagnostic' WHEN 4 THEN 'feuille-de-route' WHEN 5 THEN 'en-action' WHEN 6 THEN 'atterrie'
         ELSE 'en-pause' END,
       p.now - 86400 * (5 + (i * 31) % 200),
       CASE WHEN i % 7 = 0 THEN NULL ELSE 1 + (i * 17) % (SELECT COUNT(*) FROM organisations) END,
       (i % 2), (i % 3 = 0), (i % 5 = 0),
       p.revisions,
       p.now - 86400 * (400 + (i * 11) % 300), p.now - 3600 * (1 + i % 500), p.now - 3600 * (1 + i % 500)
FROM n, bench_params p
JOIN verbs v ON v.id = i % 20
JOIN objects o ON o.id = (i / 20) % 50
WHERE i <= p.coalitions;

-- Stage history: from 'idee' up to the current stage (en-pause counts as after 'en-action').
INSERT INTO coalition_stage_changes (coalition_id, from_stage, to_stage, changed_at, changed_by)
SELECT k.id,
       CASE WHEN s.i = 1 THEN NULL ELSE (SELECT slug FROM (SELECT 1 AS n, 'idee' AS slug UNION ALL SELECT 2, 'cristallisation'
         UNION ALL SELECT 3, 'cadrage' UNION ALL SELECT 4, 'diagnostic' UNION ALL SELECT 5, 'feuille-de-route'
         UNION ALL SELECT 6, 'en-action' UNION ALL SELECT 7, 'atterrie' UNION ALL SELECT 8, 'en-pause') WHERE n = s.i - 1) END,
       (SELECT slug FROM (SELECT 1 AS n, 'idee' AS slug UNION ALL SELECT 2, 'cristallisation'
         UNION ALL SELECT 3, 'cadrage' UNION ALL SELECT 4, 'diagnostic' UNION ALL SELECT 5, 'feuille-de-route'
         UNION ALL SELECT 6, 'en-action' UNION ALL SELECT 7, 'atterrie' UNION ALL SELECT 8, 'en-pause') WHERE n = s.i),
       k.created_at + (k.stage_since - k.created_at) * (s.i - 1) / ((k.id * 13) % 8 + 1),
       NULL
FROM coalitions k JOIN n s ON s.i <= (k.id * 13) % 8 + 1;

-- Members: `members` per coalition, spread over all users; the first two are co-porteurs.
INSERT INTO coalition_members (coalition_id, user_id, role, created_at)
SELECT k.id, 1 + (k.id * 37 + (j.i - 1) * 1009) % (SELECT COUNT(*) FROM users),
       CASE WHEN j.i <= 2 THEN 'co-porteur' ELSE 'membre' END, k.created_at + 86400 * j.i
FROM coalitions k JOIN bench_params p JOIN n j ON j.i <= p.members;

-- Interest declarations from other users, with a message.
INSERT INTO interest_declarations (coalition_id, user_id, organisation_id, lever_commande, lever_offre, lever_usages,
                                   message, created_at, updated_at)
SELECT k.id, 1 + (k.id * 53 + (j.i - 1) * 2003 + 5000) % (SELECT COUNT(*) FROM users),
       (SELECT MIN(organisation_id) FROM user_organisations
        WHERE user_id = 1 + (k.id * 53 + (j.i - 1) * 2003 + 5000) % (SELECT COUNT(*) FROM users)),
       (j.i % 2), (j.i % 3 = 0), 1 - (j.i % 2),
       (SELECT body FROM sentences WHERE id = (k.id + j.i * 11) % 48),
       k.created_at + 86400 * (3 + j.i), k.created_at + 86400 * (3 + j.i)
FROM coalitions k JOIN bench_params p JOIN n j ON j.i <= p.declarations
WHERE NOT EXISTS (SELECT 1 FROM coalition_members m WHERE m.coalition_id = k.id
                  AND m.user_id = 1 + (k.id * 53 + (j.i - 1) * 2003 + 5000) % (SELECT COUNT(*) FROM users));

-- Revisions 1..R of every coalition, written by its members, a few days apart.
INSERT INTO booklet_revisions (id, coalition_id, number, author_id, created_at, comment, restored_from)
SELECT (k.id - 1) * p.revisions + r.i, k.id, r.i,
       1 + (k.id * 37 + ((k.id + r.i) % p.members) * 1009) % (SELECT COUNT(*) FROM users),
       k.created_at + (k.last_activity_at - k.created_at) * r.i / p.revisions,
       CASE (k.id + r.i) % 5 WHEN 0 THEN 'Après le Reset Day' WHEN 1 THEN '' WHEN 2 THEN 'Relecture'
         WHEN 3 THEN 'Ajouts des partenaires' ELSE 'Précisions demandées par les co-porteurs' END,
       NULL
FROM coalitions k JOIN bench_params p JOIN n r ON r.i <= p.revisions;

-- The sections each revision changed: 1 to 3 distinct ones (start + j * step, step coprime to 10).
CREATE TEMP TABLE changed (revision_id INTEGER, section TEXT, seed INTEGER, PRIMARY KEY (revision_id, section));
INSERT INTO changed (revision_id, section, seed)
SELECT b.id,
       CASE (((b.id * 1103515245 + 12345) % 2147483647) % 10
             + (j.i - 1) * CASE b.id % 3 WHEN 0 THEN 1 WHEN 1 THEN 3 ELSE 7 END) % 10
         WHEN 0 THEN 'intention' WHEN 1 THEN 'probleme' WHEN 2 THEN 'vision' WHEN 3 THEN 'impact'
         WHEN 4 THEN 'levier-commande' WHEN 5 THEN 'levier-offre' WHEN 6 THEN 'levier-usages'
         WHEN 7 THEN 'experiences' WHEN 8 THEN 'acteurs' ELSE 'victoires' END,
       (b.id * 16807 + j.i * 48271) % 2147483647
FROM booklet_revisions b JOIN n j ON j.i <= 1 + ((b.id * 2654435761) % 2147483647) % 3;

-- Texts: 3 to 14 sentences (the fewer the likelier: 300 B to ~2 KB, ~800 B on average), a blank
-- line every third sentence, and a bullet list of 3 items in one section out of four.
INSERT INTO booklet_revision_sections (revision_id, section, body)
SELECT revision_id, section,
       group_concat(piece, '')
       || CASE WHEN seed % 4 = 0 THEN char(10, 10)
            || '- ' || (SELECT body FROM items WHERE id = (seed / 4) % 16) || char(10)
            || '- ' || (SELECT body FROM items WHERE id = (seed / 4 + 5) % 16) || char(10)
            || '- ' || (SELECT body FROM items WHERE id = (seed / 4 + 11) % 16)
          ELSE '' END
FROM (SELECT c.revision_id, c.section, c.seed,
             CASE WHEN j.i = 1 THEN '' WHEN j.i % 3 = 1 THEN char(10, 10) ELSE ' ' END || s.body AS piece
      FROM changed c
      JOIN n j ON j.i <= 3 + min((c.seed / 7) % 12, (c.seed / 97) % 12)
      JOIN sentences s ON s.id = ((c.seed + j.i * 7919) * 1103515245 % 2147483647) % 48
      ORDER BY c.revision_id, c.section, j.i)
GROUP BY revision_id, section;

-- The current text of each section: the one of the latest revision that changed it.
INSERT INTO booklet_current (coalition_id, section, body)
SELECT coalition_id, section, body FROM (
  SELECT b.coalition_id, s.section, s.body,
         row_number() OVER (PARTITION BY b.coalition_id, s.section ORDER BY b.number DESC) AS rank
  FROM booklet_revision_sections s JOIN booklet_revisions b ON b.id = s.revision_id)
WHERE rank = 1;

COMMIT;
