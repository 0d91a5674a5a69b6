-- Every column that names a person (accounts::personal_references) gets an index, as PostgreSQL and
-- SQLite make none for a foreign key: one's own data (/compte/donnees.json) read 55 tables by these
-- columns, 39 of them from end to end (61 ms at the benchmark's size), and removing an account would
-- check each of them the same way. The test PersonalData.EveryColumnThatNamesAPersonIsIndexed keeps
-- new ones indexed.
CREATE INDEX coalition_stage_changes_changed_by_idx ON coalition_stage_changes (changed_by);
CREATE INDEX booklet_revisions_author_id_idx ON booklet_revisions (author_id);
CREATE INDEX files_uploaded_by_idx ON files (uploaded_by);
CREATE INDEX events_created_by_idx ON events (created_by);
CREATE INDEX minutes_revisions_author_id_idx ON minutes_revisions (author_id);
CREATE INDEX coalition_proposals_proposed_by_idx ON coalition_proposals (proposed_by);
CREATE INDEX coalition_proposals_decided_by_idx ON coalition_proposals (decided_by);
CREATE INDEX calendar_tokens_user_id_idx ON calendar_tokens (user_id);
CREATE INDEX action_revisions_author_id_idx ON action_revisions (author_id);
CREATE INDEX measurements_author_id_idx ON measurements (author_id);
CREATE INDEX search_documents_owner_id_idx ON search_documents (owner_id);
CREATE INDEX resource_revisions_author_id_idx ON resource_revisions (author_id);
CREATE INDEX charter_versions_created_by_idx ON charter_versions (created_by);
CREATE INDEX charter_comments_author_id_idx ON charter_comments (author_id);
CREATE INDEX boussole_cards_submitted_by_idx ON boussole_cards (submitted_by);
CREATE INDEX posts_author_id_idx ON posts (author_id);
CREATE INDEX post_revisions_author_id_idx ON post_revisions (author_id);
CREATE INDEX observatory_editors_user_id_idx ON observatory_editors (user_id);
CREATE INDEX observatory_editors_granted_by_idx ON observatory_editors (granted_by);
CREATE INDEX observatory_revisions_author_id_idx ON observatory_revisions (author_id);
CREATE INDEX observatory_contributions_contributor_id_idx ON observatory_contributions (contributor_id);
CREATE INDEX observatory_contributions_decided_by_idx ON observatory_contributions (decided_by);
CREATE INDEX observatory_replies_author_id_idx ON observatory_replies (author_id);
CREATE INDEX indicator_revisions_author_id_idx ON indicator_revisions (author_id);
CREATE INDEX measurement_changes_author_id_idx ON measurement_changes (author_id);
CREATE INDEX boussole_card_revisions_author_id_idx ON boussole_card_revisions (author_id);
CREATE INDEX minutes_items_assignee_id_idx ON minutes_items (assignee_id);
CREATE INDEX datasets_created_by_idx ON datasets (created_by);
CREATE INDEX dataset_revisions_author_id_idx ON dataset_revisions (author_id);
CREATE INDEX reuses_author_id_idx ON reuses (author_id);
CREATE INDEX reuse_answers_author_id_idx ON reuse_answers (author_id);
CREATE INDEX decisions_opened_by_idx ON decisions (opened_by);
CREATE INDEX decision_answers_user_id_idx ON decision_answers (user_id);
CREATE INDEX invitations_invited_by_idx ON invitations (invited_by);
CREATE INDEX breakout_groups_facilitator_id_idx ON breakout_groups (facilitator_id);
CREATE INDEX breakout_members_user_id_idx ON breakout_members (user_id);
CREATE INDEX newsletters_sender_id_idx ON newsletters (sender_id);
CREATE INDEX data_requests_requester_id_idx ON data_requests (requester_id);
CREATE INDEX data_requests_answered_by_idx ON data_requests (answered_by);
