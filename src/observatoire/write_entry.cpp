// Turns a validated document into a stored revision with its computed score.
#include "observatoire/write_entry.hpp"

#include <sodium.h>

#include "common/text.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "search/search.hpp"

namespace fabrique::observatoire {

namespace {

// A random (version 4) UUID: the entry's identifier in every export.
std::string new_uuid() {
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  b[6] = (b[6] & 0x0F) | 0x40;
  b[8] = (b[8] & 0x3F) | 0x80;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 15];
  }
  return out;
}

// Paths under /observatoire that are not entries.
bool reserved(std::string_view slug) {
  return slug == "nouvelle" || slug == "organismes" || slug == "contributions" || slug == "editeurs" ||
         slug == "changements" || slug == "proposer";
}

std::string free_slug(storage::Connection& c, const std::string& base,
                      bool (*taken)(storage::Connection&, std::string_view)) {
  std::string root = base.empty() ? "algorithme" : base;
  if (reserved(root)) root += "-1";
  std::string slug = root;
  for (int n = 2; taken(c, slug); ++n) slug = root + "-" + std::to_string(n);
  return slug;
}

Body body_for(storage::Connection& c, const Document& doc, sys_seconds now) {
  std::string siren = doc.get("organisation_siren"), name = doc.get("organisation");
  if (auto b = store::body_by_siren(c, siren)) {
    // The latest name written for a SIREN is the body's name.
    if (b->name != name) {
      store::rename_body(c, b->id, name);
      b->name = name;
    }
    return *b;
  }
  std::string slug = free_slug(c, text::slugify(name), store::body_slug_taken);
  store::insert_body(c, slug, name, siren, now);
  return *store::body_by_siren(c, siren);
}

bool same_score(const Score& a, const Score& b) {
  return a.rubric_version == b.rubric_version && a.criteria == b.criteria;
}

}  // namespace

std::optional<Entry> write_entry(storage::Connection& c, const Entry* existing, const Document& doc,
                                 const WriteOptions& o) {
  Entry e = existing ? *existing : Entry{};
  e.doc = doc;
  e.body = body_for(c, doc, o.now);
  e.score = compute_score(rubric(), doc.evidence);
  e.updated_at = o.updated_at.value_or(o.now);
  if (!existing) {
    e.uuid = o.uuid.empty() ? new_uuid() : o.uuid;
    e.slug = o.slug.empty() ? free_slug(c, text::slugify(doc.get("name")), store::slug_taken) : o.slug;
    e.revision = 1;
    e.published_at = o.published_at.value_or(o.now);
    e.id = store::insert(c, e);
  } else {
    e.revision = existing->revision + 1;
    if (!store::update(c, e)) return std::nullopt;
  }
  store::insert_revision(c, e.id, e.revision, doc, o.author, o.source, o.comment, e.updated_at, o.merged_with);
  if (!existing || !same_score(existing->score, e.score))
    store::insert_score(c, e.id, e.revision, e.score, e.updated_at);
  index_entry(c, e);
  return e;
}

}  // namespace fabrique::observatoire
