-- The rest of a whole programme for the benchmark (bench/generate.sh), after bench/coalitions.sql and
-- bench/roadmaps.sql in the same sqlite3 session: it reuses their temporary tables (n, verbs,
-- objects, sentences, items), in one transaction.
--
-- Expects, besides the coalitions, organisations and users (ids dense from 1):
--   CREATE TEMP TABLE programme_params (events INTEGER, resources INTEGER, observatory INTEGER,
--     bodies INTEGER, posts INTEGER, decisions INTEGER, datasets INTEGER, reuses INTEGER);
-- and the demo programme attached as `demo` (`fabrique demo load` into a scratch database): its
-- observatory entries are the templates of the generated ones, whose JSON documents and scores must
-- be what the site itself writes.
--
-- Events past and future, in series or not, with a programme of slots, registrations (attended, and
-- a waiting list where the event is full), minutes with three revisions and their items; resources of
-- the commons with their revisions; observatory entries with their revisions and scores; journal
-- posts with their revisions and links; decisions with options and answers; datasets with their
-- distributions and revisions, and reuses of them; and, when the territories were loaded (the COG),
-- organisations, coalitions, events, resources, entries and datasets placed on them.
-- Deterministic: pseudo-random choices are integer hashes of row numbers, as in coalitions.sql:
--   ((x * 1103515245 + 12345) % 2147483647)

PRAGMA foreign_keys = ON;
BEGIN;

-- Row numbers up to the largest count asked for (coalitions.sql made 1..100000).
WITH RECURSIVE r(i) AS (SELECT (SELECT MAX(i) FROM n) + 1 UNION ALL SELECT i + 1 FROM r
                        WHERE i < (SELECT MAX(events, resources, observatory, posts, decisions, datasets, reuses)
                                   FROM programme_params))
INSERT INTO n SELECT i FROM r WHERE i <= (SELECT MAX(events, resources, observatory, posts, decisions, datasets, reuses)
                                          FROM programme_params);

CREATE TEMP TABLE counts AS
SELECT (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM organisations) AS organisations,
       (SELECT COUNT(*) FROM coalitions) AS coalitions;

-- ---------------------------------------------------------------------------------------------
-- Events: one in four belongs to a series of ten occurrences; about 60 % are past.

INSERT INTO event_series (id, title, rule, created_at)
SELECT s.i, 'Permanence ' || o.label, 'Chaque mois, le troisième mardi, de 14 h à 16 h', p.now - 86400 * 500
FROM n s JOIN programme_params q JOIN bench_params p JOIN objects o ON o.id = s.i % 50
WHERE s.i <= q.events / 40;

CREATE TEMP TABLE ev AS
SELECT e.i AS id, ((e.i * 1103515245 + 12345) % 2147483647) AS h,
       CASE WHEN e.i % 4 = 0 AND q.events >= 40 THEN 1 + (e.i / 4) % (q.events / 40) END AS series_id,
       (p.now / 86400 + ((e.i * 1103515245 + 12345) % 2147483647) % 730 - 440) * 86400 + 3600 * (7 + e.i % 4) AS starts_at
FROM n e JOIN programme_params q JOIN bench_params p WHERE e.i <= q.events;

INSERT INTO events (id, slug, kind_id, title, starts_at, ends_at, place, online_url, capacity, description,
                    registration_closes_at, series_id, minutes, minutes_revision, created_by, created_at, updated_at,
                    status)
SELECT ev.id, k.slug || '-' || o.slug || '-' || ev.id, k.id,
       COALESCE((SELECT title FROM event_series WHERE id = ev.series_id), k.label || ' : ' || v.label || ' ' || o.label),
       ev.starts_at, ev.starts_at + 3600 * (2 + ev.id % 6),
       CASE WHEN ev.id % 5 = 0 THEN '' ELSE 'Salle ' || (1 + ev.id % 12) || ', ' || o.label END,
       CASE WHEN ev.id % 3 = 0 THEN 'https://visio.example.org/reunion-' || ev.id ELSE '' END,
       CASE WHEN ev.id % 3 = 0 THEN NULL ELSE 20 + ev.h % 60 END,
       (SELECT body FROM sentences WHERE id = ev.id % 48) || ' ' || (SELECT body FROM sentences WHERE id = (ev.id * 7 + 3) % 48)
         || char(10, 10) || (SELECT body FROM sentences WHERE id = (ev.id * 11 + 5) % 48),
       NULL, ev.series_id, '', CASE WHEN ev.starts_at < p.now THEN 3 ELSE 0 END,
       1 + (ev.id * 37) % c.users, ev.starts_at - 86400 * 60, ev.starts_at - 86400 * 30,
       CASE WHEN ev.id % 50 = 0 THEN 'cancelled' WHEN ev.starts_at > p.now AND ev.id % 17 = 0 THEN 'tentative'
         ELSE 'confirmed' END
FROM ev JOIN bench_params p JOIN counts c
JOIN event_kinds k ON k.id = 1 + (ev.h / 3) % 6
JOIN verbs v ON v.id = ev.id % 20
JOIN objects o ON o.id = (ev.id / 20) % 50;

INSERT OR IGNORE INTO event_coalitions (event_id, coalition_id)
SELECT ev.id, 1 + (ev.id * 13) % c.coalitions FROM ev JOIN counts c
UNION ALL SELECT ev.id, 1 + (ev.id * 29 + 7) % c.coalitions FROM ev JOIN counts c WHERE ev.id % 3 = 0;

INSERT OR IGNORE INTO event_organisations (event_id, organisation_id, role)
SELECT ev.id, 1 + (ev.id * 7) % c.organisations, 'organiser' FROM ev JOIN counts c
UNION ALL
SELECT ev.id, 1 + (ev.id * 7 + j.i * 31) % c.organisations, 'present'
FROM ev JOIN counts c JOIN bench_params p JOIN n j ON j.i <= 3 WHERE ev.starts_at < p.now;

-- The programme: four slots (plenary, workshop on one of its coalitions, break, testimony), each but
-- the break with an organisation as speaker.
INSERT INTO event_slots (id, event_id, starts_at, ends_at, title, kind, speakers, coalition_id)
SELECT (ev.id - 1) * 4 + j.i, ev.id, ev.starts_at + 2700 * (j.i - 1), ev.starts_at + 2700 * j.i,
       CASE j.i WHEN 1 THEN 'Ouverture et tour de table' WHEN 2 THEN 'Atelier : ' || v.label
         WHEN 3 THEN 'Pause' ELSE 'Témoignage d’un territoire' END,
       CASE j.i WHEN 1 THEN 'pleniere' WHEN 2 THEN 'atelier' WHEN 3 THEN 'pause' ELSE 'temoignage' END,
       '', CASE WHEN j.i = 2 THEN 1 + (ev.id * 13) % c.coalitions END
FROM ev JOIN counts c JOIN n j ON j.i <= 4 JOIN verbs v ON v.id = ev.id % 20;

INSERT INTO event_slot_speakers (slot_id, organisation_id, user_id, consent, position)
SELECT s.id, 1 + (s.id * 17) % c.organisations, NULL, NULL, 0
FROM event_slots s JOIN counts c WHERE s.kind <> 'pause';

-- Registrations: 10 to 90 per event (50 on average), beyond the capacity on the waiting list; after
-- the event, four registered people in five attended.
INSERT INTO registrations (event_id, user_id, status, attended, created_at)
SELECT ev.id, 1 + (ev.id * 104729 + j.i * 7919) % c.users,
       CASE WHEN e.capacity IS NULL OR j.i <= e.capacity THEN 'registered' ELSE 'waiting' END,
       CASE WHEN ev.starts_at < p.now AND (e.capacity IS NULL OR j.i <= e.capacity) AND j.i % 5 <> 0 THEN 1 ELSE 0 END,
       e.created_at + 3600 * j.i
FROM ev JOIN events e ON e.id = ev.id JOIN counts c JOIN bench_params p
JOIN n j ON j.i <= 10 + (ev.h / 7) % 81
ORDER BY ev.id, j.i;

-- Minutes of past events: three revisions, the last one current, and four items.
INSERT INTO minutes_revisions (event_id, number, author_id, created_at, comment, restored_from, body)
SELECT ev.id, r.i, 1 + (ev.id * 37 + r.i * 101) % c.users, ev.starts_at + 86400 * r.i,
       CASE r.i WHEN 1 THEN 'Premier jet' WHEN 2 THEN 'Relecture' ELSE 'Ajouts des participants' END, NULL,
       '## Ce qui a été dit' || char(10, 10)
         || (SELECT body FROM sentences WHERE id = (ev.id * 3 + 1) % 48) || ' '
         || (SELECT body FROM sentences WHERE id = (ev.id * 5 + 2) % 48) || char(10, 10)
         || '- ' || (SELECT body FROM items WHERE id = ev.id % 16) || char(10)
         || '- ' || (SELECT body FROM items WHERE id = (ev.id + 5) % 16)
         || CASE WHEN r.i >= 2 THEN char(10, 10) || '## Suites' || char(10, 10)
              || (SELECT body FROM sentences WHERE id = (ev.id * 7 + 4) % 48) ELSE '' END
         || CASE WHEN r.i >= 3 THEN ' ' || (SELECT body FROM sentences WHERE id = (ev.id * 13 + 9) % 48) ELSE '' END
FROM ev JOIN counts c JOIN bench_params p JOIN n r ON r.i <= 3 WHERE ev.starts_at < p.now;

UPDATE events SET minutes = (SELECT body FROM minutes_revisions m WHERE m.event_id = events.id AND m.number = 3)
WHERE minutes_revision = 3;

INSERT INTO minutes_items (event_id, kind, body, asked_by, asked_to, answer, due_at, coalition_id, created_at)
SELECT ev.id,
       CASE j.i WHEN 1 THEN 'question' WHEN 2 THEN 'decision' WHEN 3 THEN 'next_step' ELSE 'idea' END,
       CASE j.i WHEN 1 THEN 'Comment associer les personnes concernées dès le cadrage ?'
         WHEN 2 THEN 'La coalition publiera ' || (SELECT body FROM items WHERE id = ev.id % 16) || '.'
         WHEN 3 THEN 'Préparer ' || (SELECT body FROM items WHERE id = (ev.id + 3) % 16)
         ELSE (SELECT body FROM sentences WHERE id = (ev.id * 17) % 48) END,
       CASE j.i WHEN 1 THEN 'Une participante' WHEN 3 THEN 'Les co-porteurs' ELSE '' END,
       CASE j.i WHEN 1 THEN 'Les organisateurs' ELSE '' END,
       CASE j.i WHEN 1 THEN (SELECT body FROM sentences WHERE id = (ev.id * 19 + 1) % 48) ELSE '' END,
       CASE j.i WHEN 3 THEN ev.starts_at + 86400 * 45 END,
       CASE j.i WHEN 3 THEN 1 + (ev.id * 13) % c.coalitions END,
       ev.starts_at + 86400
FROM ev JOIN counts c JOIN bench_params p JOIN n j ON j.i <= 4 WHERE ev.starts_at < p.now;

-- ---------------------------------------------------------------------------------------------
-- Resources of the commons: 1 to 3 revisions each, two tags, one in two about a coalition, one in
-- twenty still a draft.

CREATE TEMP TABLE tags (id INTEGER PRIMARY KEY, tag TEXT);
INSERT INTO tags (id, tag) VALUES (0, 'accessibilite'), (1, 'achats'), (2, 'communs'), (3, 'donnees'),
  (4, 'ecoconception'), (5, 'formation'), (6, 'gouvernance'), (7, 'inclusion'), (8, 'logiciel-libre'),
  (9, 'mediation'), (10, 'mesure'), (11, 'reemploi'), (12, 'sobriete'), (13, 'territoires'), (14, 'usages'),
  (15, 'collectivites'), (16, 'education'), (17, 'sante'), (18, 'emploi'), (19, 'algorithmes');

CREATE TEMP TABLE kinds (id INTEGER PRIMARY KEY, slug TEXT, label TEXT);
INSERT INTO kinds (id, slug, label) VALUES (0, 'guide', 'Guide'), (1, 'demonstrateur', 'Démonstrateur'),
  (2, 'outil', 'Outil'), (3, 'podcast', 'Podcast'), (4, 'presentation', 'Présentation'), (5, 'note', 'Note'),
  (6, 'manifeste', 'Manifeste'), (7, 'jeu-de-donnees', 'Jeu de données'), (8, 'site', 'Site');

CREATE TEMP TABLE licences (id INTEGER PRIMARY KEY, spdx TEXT);
INSERT INTO licences (id, spdx) VALUES (0, 'CC-BY-4.0'), (1, 'CC-BY-SA-4.0'), (2, 'etalab-2.0'), (3, 'ODbL-1.0'),
  (4, 'MIT'), (5, 'CC-BY-4.0'), (6, 'AGPL-3.0-or-later'), (7, 'CC-BY-NC-SA-4.0');

INSERT INTO resources (id, slug, title, description, url, file_id, kind, licence, status, submitted_by, revision,
                       created_at, updated_at, published_at, creator)
SELECT r.i, k.slug || '-' || o.slug || '-' || r.i, k.label || ' : ' || v.label || ' ' || o.label,
       (SELECT body FROM sentences WHERE id = (r.i * 7) % 48) || ' ' || (SELECT body FROM sentences WHERE id = (r.i * 3 + 1) % 48),
       'https://ressources.example.org/' || k.slug || '/' || r.i, NULL, k.slug, l.spdx,
       CASE WHEN r.i % 20 = 0 THEN 'draft' ELSE 'published' END,
       1 + (r.i * 43) % c.users, 1 + r.i % 3,
       p.now - 86400 * (30 + (r.i * 7) % 900), p.now - 86400 * (1 + (r.i * 7) % 30),
       CASE WHEN r.i % 20 = 0 THEN NULL ELSE p.now - 86400 * (29 + (r.i * 7) % 900) END,
       (SELECT name FROM organisations WHERE id = 1 + (r.i * 11) % c.organisations)
FROM n r JOIN programme_params q JOIN bench_params p JOIN counts c
JOIN kinds k ON k.id = r.i % 9 JOIN licences l ON l.id = (r.i / 9) % 8
JOIN verbs v ON v.id = (r.i * 3) % 20 JOIN objects o ON o.id = (r.i / 7) % 50
WHERE r.i <= q.resources;

INSERT OR IGNORE INTO resource_tags (resource_id, tag)
SELECT s.id, t.tag FROM resources s JOIN n j ON j.i <= 2 JOIN tags t ON t.id = (s.id * 7 + j.i * 3) % 20;

INSERT INTO resource_coalitions (resource_id, coalition_id)
SELECT s.id, 1 + (s.id * 7) % c.coalitions FROM resources s JOIN counts c WHERE s.id % 2 = 0;

INSERT INTO resource_revisions (resource_id, number, author_id, created_at, title, description, url, kind, licence,
                                tags, coalitions, creator)
SELECT s.id, j.i, s.submitted_by, s.created_at + (s.updated_at - s.created_at) * (j.i - 1) / s.revision,
       CASE WHEN j.i = s.revision THEN s.title ELSE s.title || ' (version ' || j.i || ')' END,
       CASE WHEN j.i = s.revision THEN s.description ELSE (SELECT body FROM sentences WHERE id = (s.id * 7) % 48) END,
       s.url, s.kind, s.licence,
       (SELECT group_concat(tag, ',') FROM (SELECT tag FROM resource_tags WHERE resource_id = s.id ORDER BY tag)),
       COALESCE((SELECT k.slug FROM resource_coalitions rc JOIN coalitions k ON k.id = rc.coalition_id
                 WHERE rc.resource_id = s.id), ''),
       s.creator
FROM resources s JOIN n j ON j.i <= s.revision;

-- ---------------------------------------------------------------------------------------------
-- The observatory: public bodies, and entries made from the demo's (their JSON documents and scores,
-- with the name and body changed), two revisions each.

INSERT INTO observatory_bodies (id, slug, name, siren, organisation_id, created_at)
SELECT b.i, 'organisme-public-' || b.i,
       CASE b.i % 4 WHEN 0 THEN 'Commune de ' WHEN 1 THEN 'Département ' WHEN 2 THEN 'Agence ' ELSE 'Caisse ' END
         || o.label || ' n° ' || b.i,
       printf('%09d', 200000000 + b.i), NULL, p.now - 86400 * 700
FROM n b JOIN programme_params q JOIN bench_params p JOIN objects o ON o.id = b.i % 50 WHERE b.i <= q.bodies;

CREATE TEMP TABLE obs_templates AS
SELECT row_number() OVER (ORDER BY id) - 1 AS k, document, status, category, theme, rubric_version, openness,
       explainability, score
FROM demo.observatory_entries;

CREATE TEMP TABLE obs AS
SELECT e.i AS id, 1 + e.i % q.bodies AS body_id,
       json_extract(t.document, '$.name') || ' — ' || b.name || ' (' || e.i || ')' AS name, t.k AS template
FROM n e JOIN programme_params q
JOIN obs_templates t ON t.k = e.i % (SELECT COUNT(*) FROM obs_templates)
JOIN observatory_bodies b ON b.id = 1 + e.i % q.bodies
WHERE e.i <= q.observatory;

INSERT INTO observatory_entries (id, uuid, slug, name, name_key, body_id, status, category, theme, revision, document,
                                 rubric_version, openness, explainability, score, published_at, updated_at)
SELECT obs.id, printf('%08x-0000-4000-8000-%012x', obs.id, obs.id), 'algorithme-public-' || obs.id, obs.name,
       lower(obs.name), obs.body_id, t.status, t.category, t.theme, 2,
       json_set(t.document, '$.name', obs.name, '$.organisation', b.name, '$.organisation_siren', b.siren),
       t.rubric_version, t.openness, t.explainability, t.score,
       p.now - 86400 * (60 + (obs.id * 7) % 600), p.now - 86400 * (1 + obs.id % 59)
FROM obs JOIN obs_templates t ON t.k = obs.template JOIN observatory_bodies b ON b.id = obs.body_id JOIN bench_params p;

INSERT INTO observatory_revisions (entry_id, number, document, author_id, source, comment, created_at)
SELECT e.id, j.i,
       CASE WHEN j.i = 2 THEN e.document
         ELSE json_set(e.document, '$.summary', (SELECT body FROM sentences WHERE id = e.id % 48)) END,
       NULL, CASE WHEN j.i = 1 THEN 'import' ELSE '' END,
       CASE WHEN j.i = 1 THEN 'Imported' ELSE 'Précisions sur le résumé' END,
       CASE WHEN j.i = 1 THEN e.published_at ELSE e.updated_at END
FROM observatory_entries e JOIN n j ON j.i <= 2;

INSERT INTO observatory_scores (entry_id, revision, rubric_version, openness, explainability, score, computed_at)
SELECT id, 2, rubric_version, openness, explainability, score, updated_at FROM observatory_entries;

-- ---------------------------------------------------------------------------------------------
-- The charter: the demo's two adopted versions, signed by one member in ten (for themselves or their
-- first organisation), with comments from its consultation. The boussole: a card per 5 coalitions,
-- made from the demo's, each with its first revision.

INSERT INTO charter_versions (id, number, label, summary, consultation_opens_at, consultation_closes_at, adopted_at,
                              created_by, created_at, updated_at, consultation_announced_at)
SELECT id, number, label, summary, consultation_opens_at, consultation_closes_at, adopted_at, NULL, created_at, updated_at,
       consultation_announced_at
FROM demo.charter_versions;
INSERT INTO charter_sections (version_id, section, body) SELECT version_id, section, body FROM demo.charter_sections;

INSERT INTO charter_signatures (version_id, user_id, organisation_id, created_at)
SELECT (SELECT MAX(id) FROM charter_versions), u.id,
       CASE WHEN u.id % 3 = 0 THEN 0 ELSE COALESCE((SELECT MIN(organisation_id) FROM user_organisations WHERE user_id = u.id), 0) END,
       (SELECT adopted_at FROM charter_versions ORDER BY number DESC LIMIT 1) + u.id
FROM users u WHERE u.id % 10 = 0 AND EXISTS (SELECT 1 FROM charter_versions);

INSERT INTO charter_comments (version_id, section, author_id, body, created_at)
SELECT v.id, s.section, 1 + (v.id * 31 + j.i * 7919) % c.users, (SELECT body FROM sentences WHERE id = (j.i * 5) % 48),
       v.consultation_opens_at + 3600 * j.i
FROM charter_versions v JOIN charter_sections s ON s.version_id = v.id JOIN counts c JOIN n j ON j.i <= 5
WHERE v.consultation_opens_at IS NOT NULL;

CREATE TEMP TABLE card_templates AS
SELECT row_number() OVER (ORDER BY id) - 1 AS k, * FROM demo.boussole_cards WHERE status = 'published';

INSERT INTO boussole_cards (id, slug, title, context, tried, outcome, learned, tensions, sources, coalition_id, status,
                            submitted_by, revision, created_at, updated_at)
SELECT b.i, t.slug || '-' || b.i, t.title || ' (' || b.i || ')', t.context, t.tried, t.outcome, t.learned, t.tensions,
       t.sources, 1 + (b.i * 5) % c.coalitions, 'published', 1 + (b.i * 71) % c.users, 1,
       p.now - 86400 * (10 + b.i % 500), p.now - 86400 * (b.i % 10)
FROM n b JOIN counts c JOIN bench_params p
JOIN card_templates t ON t.k = b.i % (SELECT COUNT(*) FROM card_templates)
WHERE b.i <= c.coalitions / 5;

INSERT INTO boussole_card_revisions (card_id, number, author_id, created_at, title, context, tried, outcome, learned,
                                     tensions, sources, coalition)
SELECT k.id, 1, k.submitted_by, k.created_at, k.title, k.context, k.tried, k.outcome, k.learned, k.tensions, k.sources,
       (SELECT slug FROM coalitions WHERE id = k.coalition_id)
FROM boussole_cards k;

-- ---------------------------------------------------------------------------------------------
-- The journal: posts about coalitions (and, for the reports, an event), two revisions each.

INSERT INTO posts (id, slug, title, kind, link, summary, body, coalition_id, status, published_at, author_id, revision,
                   created_at, updated_at)
SELECT b.i, 'billet-' || b.i || '-' || v.slug,
       CASE b.i % 5 WHEN 0 THEN 'Retour sur l’atelier ' WHEN 1 THEN 'Lancement : ' WHEN 2 THEN 'Appel à contributions : '
         WHEN 3 THEN 'Annonce : ' ELSE 'Podcast : ' END || v.label || ' ' || o.label,
       CASE b.i % 5 WHEN 0 THEN 'retour-sur' WHEN 1 THEN 'lancement' WHEN 2 THEN 'appel' WHEN 3 THEN 'annonce' ELSE 'podcast' END,
       CASE WHEN b.i % 5 = 4 THEN 'https://podcast.example.org/episode-' || b.i ELSE '' END,
       (SELECT body FROM sentences WHERE id = (b.i * 5) % 48),
       (SELECT body FROM sentences WHERE id = (b.i * 7 + 1) % 48) || ' ' || (SELECT body FROM sentences WHERE id = (b.i * 11 + 2) % 48)
         || char(10, 10) || '## Ce que nous retenons' || char(10, 10)
         || '- ' || (SELECT body FROM items WHERE id = b.i % 16) || char(10)
         || '- ' || (SELECT body FROM items WHERE id = (b.i + 7) % 16) || char(10, 10)
         || (SELECT body FROM sentences WHERE id = (b.i * 13 + 3) % 48),
       NULL, CASE WHEN b.i % 10 = 0 THEN 'draft' ELSE 'published' END,
       CASE WHEN b.i % 10 = 0 THEN NULL ELSE p.now - 86400 * ((b.i * 3) % 700) END,
       1 + (b.i * 53) % c.users, 2, p.now - 86400 * (1 + (b.i * 3) % 700), p.now - 86400 * ((b.i * 3) % 700)
FROM n b JOIN programme_params q JOIN bench_params p JOIN counts c
JOIN verbs v ON v.id = b.i % 20 JOIN objects o ON o.id = (b.i / 3) % 50
WHERE b.i <= q.posts;

INSERT INTO post_links (post_id, coalition_id, event_id, dataset_id, resource_id, position)
SELECT s.id, 1 + (s.id * 7) % c.coalitions, NULL, NULL, NULL, 0 FROM posts s JOIN counts c
UNION ALL
SELECT s.id, NULL, 1 + (s.id * 11) % q.events, NULL, NULL, 0 FROM posts s JOIN programme_params q
WHERE s.kind = 'retour-sur' AND q.events > 0;

INSERT INTO post_revisions (post_id, number, author_id, created_at, title, kind, link, summary, body, coalition)
SELECT s.id, j.i, s.author_id, CASE WHEN j.i = 1 THEN s.created_at ELSE s.updated_at END,
       s.title, s.kind, s.link, s.summary,
       CASE WHEN j.i = 2 THEN s.body ELSE substr(s.body, 1, instr(s.body, char(10, 10)) - 1) END,
       (SELECT k.slug FROM post_links l JOIN coalitions k ON k.id = l.coalition_id WHERE l.post_id = s.id)
FROM posts s JOIN n j ON j.i <= 2;

-- ---------------------------------------------------------------------------------------------
-- Decisions: by consent or by a choice among three options, for the programme, a coalition or an
-- event; half of them closed; 20 answers each.

INSERT INTO decisions (id, question, details, group_kind, group_coalition_id, group_event_id, charter_version_id,
                       coalition_id, action_id, process, closes_at, outcome, outcome_at, closing_told, opened_by,
                       created_at, updated_at)
SELECT d.i, 'Faut-il ' || lower(v.label) || ' ' || o.label || ' ?', (SELECT body FROM sentences WHERE id = (d.i * 3) % 48),
       CASE WHEN d.i % 3 = 0 OR q.events = 0 THEN 'programme' WHEN d.i % 3 = 1 THEN 'coalition' ELSE 'event' END,
       CASE WHEN d.i % 3 = 1 THEN 1 + (d.i * 7) % c.coalitions END,
       CASE WHEN d.i % 3 = 2 AND q.events > 0 THEN 1 + (d.i * 11) % q.events END,
       NULL, CASE WHEN d.i % 3 = 1 THEN 1 + (d.i * 7) % c.coalitions END, NULL,
       CASE d.i % 4 WHEN 0 THEN 'consent' WHEN 1 THEN 'one' WHEN 2 THEN 'several' ELSE 'ranked' END,
       p.now + 86400 * (CASE WHEN d.i % 2 = 0 THEN -(1 + d.i % 300) ELSE 1 + d.i % 30 END),
       CASE WHEN d.i % 2 = 0 THEN 'Adopté après discussion.' ELSE '' END,
       CASE WHEN d.i % 2 = 0 THEN p.now - 86400 * (d.i % 300) END,
       CASE WHEN d.i % 2 = 0 THEN 1 ELSE 0 END,
       1 + (d.i * 59) % c.users, p.now - 86400 * (30 + d.i % 300), p.now - 86400 * (d.i % 300)
FROM n d JOIN programme_params q JOIN bench_params p JOIN counts c
JOIN verbs v ON v.id = d.i % 20 JOIN objects o ON o.id = (d.i / 2) % 50
WHERE d.i <= q.decisions;

INSERT INTO decision_options (decision_id, position, label)
SELECT d.id, j.i, CASE j.i WHEN 1 THEN 'Oui, dès cette année' WHEN 2 THEN 'Oui, l’an prochain' ELSE 'Non' END
FROM decisions d JOIN n j ON j.i <= 3 WHERE d.process <> 'consent';

INSERT INTO decision_answers (decision_id, user_id, position, reason, created_at, updated_at)
SELECT d.id, 1 + (d.id * 104729 + j.i * 7919) % c.users,
       CASE WHEN d.process = 'consent' THEN
         CASE j.i % 7 WHEN 0 THEN 'abstain' WHEN 1 THEN 'disagree' WHEN 2 THEN CASE WHEN j.i = 2 THEN 'block' ELSE 'agree' END
           ELSE 'agree' END
         ELSE '' END,
       CASE WHEN j.i % 5 = 0 THEN (SELECT body FROM sentences WHERE id = (d.id + j.i) % 48) ELSE '' END,
       d.created_at + 3600 * j.i, d.created_at + 3600 * j.i
FROM decisions d JOIN counts c JOIN n j ON j.i <= 20;

INSERT INTO decision_answer_options (answer_id, option_id, rank)
SELECT a.id, o.id, CASE WHEN d.process = 'ranked' THEN o.position ELSE 1 END
FROM decision_answers a JOIN decisions d ON d.id = a.decision_id
JOIN decision_options o ON o.decision_id = d.id
WHERE (d.process = 'one' AND o.position = 1 + a.id % 3)
   OR (d.process = 'several' AND o.position <> 1 + a.id % 3)
   OR d.process = 'ranked';

-- ---------------------------------------------------------------------------------------------
-- Datasets of the register, produced by the organisations, and reuses of them.

INSERT INTO datasets (id, slug, title, title_key, description, producer_id, contact, keywords, licence, frequency,
                      temporal_start, temporal_end, issued, modified, conforms_to, conforms_to_url, revision,
                      created_by, created_at, updated_at)
SELECT d.i, t.slug || '-' || o.slug || '-' || d.i, t.label || ' ' || o.label || ' (' || d.i || ')',
       lower(t.label || ' ' || o.label || ' (' || d.i || ')'),
       (SELECT body FROM sentences WHERE id = (d.i * 5 + 2) % 48) || ' ' || (SELECT body FROM sentences WHERE id = (d.i * 9) % 48),
       1 + (d.i * 13) % c.organisations, 'donnees@example.org', t.slug || ', ' || o.slug,
       CASE d.i % 5 WHEN 0 THEN 'etalab-2.0' WHEN 1 THEN 'ODbL-1.0' WHEN 2 THEN 'CC-BY-4.0' WHEN 3 THEN 'CC-BY-SA-4.0' ELSE 'CC0-1.0' END,
       CASE d.i % 4 WHEN 0 THEN 'DAILY' WHEN 1 THEN 'MONTHLY' WHEN 2 THEN 'ANNUAL' ELSE 'IRREG' END,
       printf('%04d-01-01', 2010 + d.i % 12), '', '', '', '', '', 2,
       1 + (d.i * 61) % c.users, p.now - 86400 * (100 + d.i % 600), p.now - 86400 * (d.i % 100)
FROM n d JOIN programme_params q JOIN bench_params p JOIN counts c
JOIN dataset_themes t ON t.id = 1 + d.i % 10 JOIN objects o ON o.id = (d.i / 10) % 50
WHERE d.i <= q.datasets;

INSERT INTO dataset_theme_links (dataset_id, theme_id)
SELECT id, 1 + id % 10 FROM datasets UNION ALL SELECT id, 1 + (id + 3) % 10 FROM datasets WHERE id % 3 = 0;

INSERT INTO dataset_distributions (dataset_id, position, access_url, format, format_key, media_type, byte_size)
SELECT d.id, j.i, 'https://donnees.example.org/' || d.slug || CASE j.i WHEN 1 THEN '.csv' ELSE '/api' END,
       CASE j.i WHEN 1 THEN 'CSV' ELSE 'API' END, CASE j.i WHEN 1 THEN 'csv' ELSE 'api' END,
       CASE j.i WHEN 1 THEN 'text/csv' ELSE 'application/json' END, CASE j.i WHEN 1 THEN 10000 + d.id * 37 END
FROM datasets d JOIN n j ON j.i <= 2;

-- ---------------------------------------------------------------------------------------------
-- Territories (when the COG was loaded): each organisation in a commune, each coalition on a
-- département, each event in a commune, one resource in five, each observatory entry and dataset on
-- a département or a région. The largest communes first, as real activity is.

CREATE TEMP TABLE communes AS
SELECT row_number() OVER (ORDER BY population DESC, id) - 1 AS k, id, key FROM territories
WHERE level = 'commune' AND retired = 0 ORDER BY population DESC, id LIMIT 2000;
CREATE TEMP TABLE departements AS
SELECT row_number() OVER (ORDER BY code) - 1 AS k, id, key FROM territories WHERE level = 'departement' AND retired = 0;
CREATE TEMP TABLE regions AS
SELECT row_number() OVER (ORDER BY code) - 1 AS k, id, key FROM territories WHERE level = 'region' AND retired = 0;

INSERT INTO territory_links (subject, subject_id, territory_id)
SELECT 'organisation', o.id, t.id FROM organisations o JOIN communes t ON t.k = (o.id * 7) % (SELECT COUNT(*) FROM communes)
UNION ALL
SELECT 'coalition', k.id, t.id FROM coalitions k JOIN departements t ON t.k = (k.id * 11) % (SELECT COUNT(*) FROM departements)
UNION ALL
SELECT 'event', e.id, t.id FROM events e JOIN communes t ON t.k = (e.id * 13) % (SELECT COUNT(*) FROM communes)
UNION ALL
SELECT 'resource', r.id, t.id FROM resources r JOIN departements t ON t.k = (r.id * 3) % (SELECT COUNT(*) FROM departements)
WHERE r.id % 5 = 0
UNION ALL
SELECT 'observatory_entry', e.id, t.id FROM observatory_entries e
JOIN departements t ON t.k = (e.id * 17) % (SELECT COUNT(*) FROM departements)
UNION ALL
SELECT 'dataset', d.id, t.id FROM datasets d JOIN departements t ON t.k = (d.id * 19) % (SELECT COUNT(*) FROM departements)
WHERE d.id % 2 = 0
UNION ALL
SELECT 'dataset', d.id, t.id FROM datasets d JOIN regions t ON t.k = d.id % (SELECT COUNT(*) FROM regions)
WHERE d.id % 2 = 1;

-- A dataset's revisions hold the whole entry as the form names its fields (datasets::as_fields).
INSERT INTO dataset_revisions (dataset_id, number, author_id, created_at, merged_with, document)
SELECT d.id, j.i, d.created_by, CASE WHEN j.i = 1 THEN d.created_at ELSE d.updated_at END, NULL,
       json_object('conforms_to', d.conforms_to, 'conforms_to_url', d.conforms_to_url, 'contact', d.contact,
         'description', CASE WHEN j.i = 2 THEN d.description ELSE substr(d.description, 1, 120) END,
         'distributions', (SELECT group_concat(access_url || char(9) || format || char(9) || media_type || char(9)
                                               || COALESCE(byte_size, ''), char(10))
                           FROM (SELECT * FROM dataset_distributions WHERE dataset_id = d.id ORDER BY position)),
         'frequency', d.frequency, 'issued', d.issued, 'keywords', d.keywords, 'licence', d.licence,
         'modified', d.modified, 'producer', (SELECT slug FROM organisations WHERE id = d.producer_id),
         'temporal_end', d.temporal_end, 'temporal_start', d.temporal_start,
         'territoires', COALESCE((SELECT group_concat(t.key, ',') FROM territory_links l JOIN territories t ON t.id = l.territory_id
                                  WHERE l.subject = 'dataset' AND l.subject_id = d.id), ''),
         'themes', (SELECT group_concat(slug, ',') FROM (SELECT t.slug FROM dataset_theme_links l
                    JOIN dataset_themes t ON t.id = l.theme_id WHERE l.dataset_id = d.id ORDER BY t.position)),
         'title', d.title)
FROM datasets d JOIN n j ON j.i <= 2;

INSERT INTO reuses (id, title, description, kind, purpose_text, url, author_id, created_at, updated_at)
SELECT u.i, CASE u.i % 4 WHEN 0 THEN 'Carte interactive' WHEN 1 THEN 'Tableau de bord' WHEN 2 THEN 'Séquence pédagogique'
              ELSE 'Étude' END || ' : ' || lower(t.label) || ' ' || o.label || ' (' || u.i || ')',
       (SELECT body FROM sentences WHERE id = (u.i * 7 + 5) % 48),
       CASE u.i % 8 WHEN 0 THEN 'application' WHEN 1 THEN 'visualisation' WHEN 2 THEN 'pedagogie' WHEN 3 THEN 'etude'
         WHEN 4 THEN 'decision-publique' WHEN 5 THEN 'article' WHEN 6 THEN 'api' ELSE 'autre' END,
       'Pour rendre visible ' || lower(t.label) || ' ' || o.label || '.',
       'https://reutilisations.example.org/' || u.i, 1 + (u.i * 67) % c.users,
       p.now - 86400 * (1 + u.i % 400), p.now - 86400 * (u.i % 400)
FROM n u JOIN programme_params q JOIN bench_params p JOIN counts c
JOIN dataset_themes t ON t.id = 1 + u.i % 10 JOIN objects o ON o.id = (u.i / 10) % 50
WHERE u.i <= q.reuses AND q.datasets > 0;

INSERT OR IGNORE INTO reuse_datasets (reuse_id, dataset_id)
SELECT u.id, 1 + (u.id * 7) % q.datasets FROM reuses u JOIN programme_params q
UNION ALL SELECT u.id, 1 + (u.id * 7 + 1) % q.datasets FROM reuses u JOIN programme_params q WHERE u.id % 2 = 0;

INSERT INTO reuse_purposes (reuse_id, purpose)
SELECT id, CASE id % 8 WHEN 0 THEN 'sensibiliser' WHEN 1 THEN 'decider' WHEN 2 THEN 'evaluer' WHEN 3 THEN 'enseigner'
             WHEN 4 THEN 'rechercher' WHEN 5 THEN 'informer' WHEN 6 THEN 'militer' ELSE 'autre' END FROM reuses;

INSERT OR IGNORE INTO reuse_audiences (reuse_id, audience)
SELECT u.id, CASE (u.id + j.i * 3) % 7 WHEN 0 THEN 'elus' WHEN 1 THEN 'agents' WHEN 2 THEN 'grand-public'
               WHEN 3 THEN 'enseignement' WHEN 4 THEN 'chercheurs' WHEN 5 THEN 'associations' ELSE 'entreprises' END
FROM reuses u JOIN n j ON j.i <= 2;

INSERT INTO reuse_answers (reuse_id, organisation_id, body, author_id, created_at, updated_at)
SELECT u.id, d.producer_id, 'Merci : nous citerons cette réutilisation dans la documentation du jeu.', NULL,
       u.created_at + 86400, u.created_at + 86400
FROM reuses u JOIN datasets d ON d.id = 1 + (u.id * 7) % (SELECT COUNT(*) FROM datasets) WHERE u.id % 4 = 0;

INSERT INTO territory_links (subject, subject_id, territory_id)
SELECT 'reuse', u.id, t.id FROM reuses u JOIN departements t ON t.k = (u.id * 5) % (SELECT COUNT(*) FROM departements);

COMMIT;
