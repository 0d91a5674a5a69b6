// SQL for resources, the charter and the boussole.
#pragma once
#include <optional>
#include <vector>

#include "commons/model.hpp"
#include "storage/database.hpp"

namespace fabrique::commons::store {

using storage::Connection;

// --- Resources

struct ResourceFilter {
  std::string kind, tag, licence;  // empty: any
  std::optional<std::int64_t> coalition_id;
  std::optional<std::int64_t> territory_id;  // placed on it or on a territory within it
  // Drafts are listed for animateurs (all) and for their submitter (theirs).
  bool all_drafts = false;
  std::optional<std::int64_t> drafts_of;
  std::optional<sys_seconds> updated_since;  // changed at or after (the open data's harvesters)
  std::int64_t limit = -1, offset = 0;
  std::optional<std::int64_t> after_id;  // those after this one in the list's order (storage/batches.hpp)
};
std::vector<Resource> resources(Connection& c, const ResourceFilter& f);  // newest first, with tags and coalitions
std::int64_t count_resources(Connection& c, const ResourceFilter& f);
std::optional<Resource> resource(Connection& c, std::string_view slug);
bool resource_slug_taken(Connection& c, std::string_view slug);
std::int64_t insert_resource(Connection& c, const Resource& r);
// Moves the resource to revision r.revision only if it is still at r.revision - 1.
bool update_resource(Connection& c, const Resource& r);
void set_resource_status(Connection& c, std::int64_t id, Status s, sys_seconds now);
void delete_resource(Connection& c, std::int64_t id);
void set_resource_links(Connection& c, std::int64_t id, const std::vector<std::string>& tags,
                        const std::vector<std::int64_t>& coalition_ids);
// `merged_with`: the revision saved meanwhile that this one was merged with, if any.
void insert_resource_revision(Connection& c, const Resource& r, std::optional<std::int64_t> author, sys_seconds at,
                              std::optional<std::int64_t> merged_with = std::nullopt);
std::vector<ResourceRevision> resource_revisions(Connection& c, std::int64_t resource_id);  // newest first
std::optional<ResourceRevision> resource_revision(Connection& c, std::int64_t resource_id, std::int64_t number);
std::vector<std::string> used_tags(Connection& c);  // of published resources, alphabetical

// Coalitions by number, for choices and links.
std::vector<CoalitionRef> coalitions(Connection& c);
// The coalitions of these slugs, by number; an unknown slug has none.
std::vector<CoalitionRef> coalitions_with_slugs(Connection& c, const std::vector<std::string>& slugs);
// Is the person a co-porteur of any of these coalitions?
bool is_co_porteur_of_any(Connection& c, std::int64_t user_id, const std::vector<std::int64_t>& coalition_ids);

// --- The charter

std::vector<CharterVersion> charter_versions(Connection& c);                        // newest first, without sections
std::optional<CharterVersion> charter_version(Connection& c, std::int64_t number);  // with sections
std::optional<CharterVersion> latest_adopted(Connection& c, std::optional<std::int64_t> before = std::nullopt);
std::int64_t next_charter_number(Connection& c);
std::int64_t insert_charter_version(Connection& c, const CharterVersion& v, std::int64_t by);
void update_charter_version(Connection& c, const CharterVersion& v);  // label, summary, sections, dates
std::vector<CharterComment> charter_comments(Connection& c, std::int64_t version_id);
void insert_charter_comment(Connection& c, std::int64_t version_id, const std::string& section, std::int64_t author,
                            const std::string& body, sys_seconds at);
// Every version's, newest version first; with `signer_of`, only those of the signers that person
// signed as (in their own name, or any signature of an organisation they signed for).
std::vector<Signature> signatures(Connection& c, std::optional<std::int64_t> signer_of = std::nullopt);
// Every signature in the same order, with only its id, version, signer and organisation read.
std::vector<Signature> signature_order(Connection& c);
// These signatures, whole, in the same order.
std::vector<Signature> signatures_by_id(Connection& c, const std::vector<std::int64_t>& ids);
bool signed_already(Connection& c, std::int64_t version_id, std::int64_t user_id, std::int64_t organisation_id);
// Organisation signatures are unique per version whoever signs for it.
bool organisation_signed(Connection& c, std::int64_t version_id, std::int64_t organisation_id);
void insert_signature(Connection& c, std::int64_t version_id, std::int64_t user_id, std::int64_t organisation_id,
                      sys_seconds at);

// --- The boussole

struct CardFilter {
  std::string outcome;
  std::optional<std::int64_t> coalition_id;
  std::optional<std::int64_t> territory_id;  // placed on it or on a territory within it
  bool all_drafts = false;
  std::optional<std::int64_t> drafts_of;
  std::optional<sys_seconds> updated_since;  // changed at or after (the open data's harvesters)
  std::int64_t limit = -1, offset = 0;
  std::optional<std::int64_t> after_id;  // those after this one in the list's order (storage/batches.hpp)
};
std::vector<Card> cards(Connection& c, const CardFilter& f);  // newest first
std::int64_t count_cards(Connection& c, const CardFilter& f);
std::optional<Card> card(Connection& c, std::string_view slug);
bool card_slug_taken(Connection& c, std::string_view slug);
std::int64_t insert_card(Connection& c, const Card& k);
bool update_card(Connection& c, const Card& k);  // compare-and-set on revision, as update_resource
void set_card_status(Connection& c, std::int64_t id, Status s, sys_seconds now);
// `merged_with`: the revision saved meanwhile that this one was merged with, if any.
void insert_card_revision(Connection& c, const Card& k, std::optional<std::int64_t> author, sys_seconds at,
                          std::optional<std::int64_t> merged_with = std::nullopt);
std::vector<CardRevision> card_revisions(Connection& c, std::int64_t card_id);  // newest first
std::optional<CardRevision> card_revision(Connection& c, std::int64_t card_id, std::int64_t number);

}  // namespace fabrique::commons::store
