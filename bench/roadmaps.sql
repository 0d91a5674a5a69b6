-- Roadmaps and impact for the generated programme (bench/run.sh), after bench/coalitions.sql in the
-- same sqlite3 session (it reuses the temporary table n of row numbers), in one transaction.
--
-- Per coalition: 6 actions on the three levers at every status (abandoned ones with a reason), the
-- 6th with 3 sub-actions; 1 or 2 carrying organisations per action; one revision each; 2 impact
-- indicators with 8 monthly measurements each. Deterministic, like the rest of the generator.

BEGIN;

INSERT INTO actions (id, coalition_id, parent_id, title, description, lever, scale, status, abandon_reason,
                     starts_on, due_on, progress, victory, qualities, resources, revision, created_at, updated_at)
SELECT (k.id - 1) * 9 + j.i, k.id, NULL,
       CASE j.i WHEN 1 THEN 'Atelier territorial avec les producteurs de données'
                WHEN 2 THEN 'Guide de bonnes pratiques pour les collectivités'
                WHEN 3 THEN 'Critères d’achat public responsables'
                WHEN 4 THEN 'Inventaire des outils et des données disponibles'
                WHEN 5 THEN 'Formation des agents et des élus'
                ELSE 'Identifier trois ou quatre cas d’usage exemplaires' END,
       'Une action transformatrice générée pour le banc d’essai : elle réunit des acteurs hétérogènes '
         || 'autour d’un objectif concret, daté et mesurable.',
       CASE (k.id + j.i) % 3 WHEN 0 THEN 'commande' WHEN 1 THEN 'offre' ELSE 'usages' END,
       CASE j.i % 3 WHEN 0 THEN 'local' WHEN 1 THEN 'national' ELSE 'europeen' END,
       CASE (k.id * 7 + j.i) % 5 WHEN 0 THEN 'proposee' WHEN 1 THEN 'engagee' WHEN 2 THEN 'en-cours'
         WHEN 3 THEN 'realisee' ELSE 'abandonnee' END,
       CASE WHEN (k.id * 7 + j.i) % 5 = 4 THEN 'Reprise par une autre coalition du programme.' ELSE '' END,
       (k.created_at / 86400 + 30 * j.i) * 86400, (k.created_at / 86400 + 30 * j.i + 180) * 86400,
       CASE (k.id * 7 + j.i) % 5 WHEN 3 THEN 100 WHEN 2 THEN 5 + (k.id * 13 + j.i * 17) % 90 ELSE 0 END,
       CASE WHEN j.i IN (1, 2) THEN 1 ELSE 0 END,
       ',' || CASE (k.id + j.i) % 7 WHEN 0 THEN 'inclusif' WHEN 1 THEN 'frugal' WHEN 2 THEN 'democratique'
         WHEN 3 THEN 'protecteur' WHEN 4 THEN 'innovant' WHEN 5 THEN 'capacitant' ELSE 'equitable' END || ','
         || CASE (k.id + j.i) % 2 WHEN 0 THEN 'capacitant,' ELSE '' END,
       '', 1, k.created_at + 86400 * j.i, k.last_activity_at
FROM coalitions k JOIN n j ON j.i <= 6;

-- Three sub-actions under the 6th action of each coalition (the use cases).
INSERT INTO actions (id, coalition_id, parent_id, title, description, lever, scale, status, abandon_reason,
                     starts_on, due_on, progress, victory, qualities, resources, revision, created_at, updated_at)
SELECT (k.id - 1) * 9 + 6 + j.i, k.id, (k.id - 1) * 9 + 6,
       'Cas d’usage ' || j.i, '', 'offre', 'national',
       CASE j.i WHEN 1 THEN 'realisee' WHEN 2 THEN 'en-cours' ELSE 'proposee' END, '',
       NULL, NULL, CASE j.i WHEN 1 THEN 100 WHEN 2 THEN 40 ELSE 0 END, 0, ',democratique,', '', 1,
       k.created_at + 86400 * (200 + j.i), k.last_activity_at
FROM coalitions k JOIN n j ON j.i <= 3;

INSERT OR IGNORE INTO action_organisations (action_id, organisation_id)
SELECT a.id, 1 + (a.id * 37 + j.i * 101) % (SELECT COUNT(*) FROM organisations)
FROM actions a JOIN n j ON j.i <= 1 + a.id % 2;

INSERT INTO action_revisions (action_id, number, author_id, created_at, comment, snapshot)
SELECT a.id, 1, NULL, a.created_at, '',
       '{"title":"' || replace(a.title, '"', '') || '","lever":"' || a.lever || '","status":"' || a.status || '"}'
FROM actions a;

INSERT INTO indicators (id, coalition_id, name, unit, quality, impact, baseline, target, description,
                        created_at, updated_at)
SELECT (k.id - 1) * 2 + j.i, k.id,
       CASE j.i WHEN 1 THEN 'Participants aux ateliers' ELSE 'Jeux de données réutilisés' END,
       CASE j.i WHEN 1 THEN 'personnes' ELSE 'jeux' END,
       CASE j.i WHEN 1 THEN 'capacitant' ELSE 'democratique' END,
       CASE j.i WHEN 1 THEN 'social' ELSE 'environnemental' END,
       0, 50 * j.i + k.id % 100, '', k.created_at, k.last_activity_at
FROM coalitions k JOIN n j ON j.i <= 2;

INSERT INTO measurements (indicator_id, measured_on, value, source, author_id, created_at)
SELECT i.id, (i.created_at / 86400 + 30 * m.i) * 86400, m.i * (3 + i.id % 7) + (i.id * m.i) % 5,
       'Comptage de la coalition', NULL, i.created_at + 86400 * 30 * m.i
FROM indicators i JOIN n m ON m.i <= 8;

COMMIT;
