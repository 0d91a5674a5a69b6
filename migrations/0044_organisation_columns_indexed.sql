-- Every column that names an organisation gets an index, as for the columns that name a person (0038):
-- an organisation's page lists the coalitions it animates or declared its interest in, and read both
-- tables from end to end for it (the page took 1.0 ms at the benchmark's size, 0.55-0.6 ms with these);
-- removing an organisation checks each of these columns the same way. The test
-- Organisations.EveryColumnThatNamesAnOrganisationIsIndexed keeps new ones indexed.
CREATE INDEX coalitions_animating_organisation_id_idx ON coalitions (animating_organisation_id);
CREATE INDEX interest_declarations_organisation_id_idx ON interest_declarations (organisation_id);
CREATE INDEX event_organisations_organisation_id_idx ON event_organisations (organisation_id);
CREATE INDEX observatory_bodies_organisation_id_idx ON observatory_bodies (organisation_id);
CREATE INDEX observatory_replies_organisation_id_idx ON observatory_replies (organisation_id);
CREATE INDEX event_slot_speakers_organisation_id_idx ON event_slot_speakers (organisation_id);
CREATE INDEX reuse_answers_organisation_id_idx ON reuse_answers (organisation_id);
CREATE INDEX data_requests_answered_for_idx ON data_requests (answered_for);
