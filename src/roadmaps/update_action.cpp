// Use cases: a co-porteur or an animateur saves a new revision of an action, unless someone saved
// since the revision they started from (then nothing is written and they see the current values);
// or restores an old revision, which is saved the same way as a new revision (history is never
// rewritten). Both share one body so that a restored revision is checked like a typed one.
#include <algorithm>

#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

namespace {

// Inside the caller's transaction, with the permission checked: validates `in` and writes it as the
// next revision of `current`.
ActionResult save_revision(storage::Connection& c, const User& actor, const coalitions::Coalition& k,
                           const Action& current, const ActionInput& in, std::optional<std::int64_t> restored_from,
                           sys_seconds now, std::optional<std::int64_t> merged_with = std::nullopt) {
  ActionResult out;
  Action a = validation::read_action(in, out.errors);
  std::string comment = validation::bounded(in.comment, kMaxComment, false, "comment",
                                            N_("The comment is too long (300 characters at most)."), out.errors);
  validation::resolve(c, k.id, current.id, in, a, out.errors);
  if (!out.errors.empty()) return out;
  out.id = current.id;
  if (in.base_revision != current.revision) {
    out.conflict = true;
    out.current = current;
    return out;
  }
  a.id = current.id;
  a.coalition_id = k.id;
  a.created_at = current.created_at;
  a.origin_next_step_id = current.origin_next_step_id;  // the origin is kept, not edited
  const std::string after = validation::snapshot(a);
  if (after == validation::snapshot(current)) {
    out.unchanged = true;
    out.revision = current.revision;
    return out;
  }
  a.revision = current.revision + 1;
  a.updated_at = now;
  if (!store::update_action(c, a)) {
    // Unreachable inside the write transaction; kept so that weaker isolation never overwrites.
    out.conflict = true;
    out.current = current;
    return out;
  }
  std::vector<std::int64_t> ids;
  for (const auto& o : a.organisations) ids.push_back(o.id);
  store::set_organisations(c, current.id, ids);
  store::set_events(c, current.id, a.events);
  store::insert_revision(c, current.id, a.revision, actor.id, now, comment, after, restored_from, merged_with);
  store::touch_coalition(c, k.id, now);
  index_action(c, a, k.slug);
  out.revision = a.revision;
  out.merged_with = merged_with.value_or(0);
  return out;
}

// A list as the merge compares it: its items sorted, one way of writing it.
std::string joined(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}
std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from < list.size();) {
    auto comma = std::min(list.find(", ", from), list.size());
    if (comma > from) out.push_back(list.substr(from, comma - from));
    from = comma + 2;
  }
  return out;
}

// An action's fields as the merge compares them, named as the form names them.
text::Fields as_fields(const ActionInput& in) {
  return {{"parent", in.parent},
          {"title", in.title},
          {"description", in.description},
          {"lever", in.lever},
          {"scale", in.scale},
          {"status", in.status},
          {"abandon_reason", in.abandon_reason},
          {"starts_on", in.starts_on},
          {"due_on", in.due_on},
          {"progress", in.progress},
          {"victory", in.victory ? "1" : ""},
          {"qualities", joined(in.qualities)},
          {"organisations", joined(in.organisations)},
          {"events", joined(in.events)},
          {"resources", in.resources}};
}
ActionInput as_input(const ActionInput& sent, const text::Fields& f, std::int64_t base_revision) {
  ActionInput in = sent;  // its comment
  in.parent = f.at("parent");
  in.title = f.at("title");
  in.description = f.at("description");
  in.lever = f.at("lever");
  in.scale = f.at("scale");
  in.status = f.at("status");
  in.abandon_reason = f.at("abandon_reason");
  in.starts_on = f.at("starts_on");
  in.due_on = f.at("due_on");
  in.progress = f.at("progress");
  in.victory = f.at("victory") == "1";
  in.qualities = split(f.at("qualities"));
  in.organisations = split(f.at("organisations"));
  in.events = split(f.at("events"));
  in.resources = f.at("resources");
  in.base_revision = base_revision;
  in.merge = {};
  return in;
}

struct EditableAction {
  coalitions::Coalition coalition;
  Action action;
};

EditableAction editable_action(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id) {
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  auto a = store::action(c, k->id, id);
  if (!a) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its roadmap."));
  return {*k, *a};
}

}  // namespace

ActionResult update_action(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id,
                           const ActionInput& in, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto [k, current] = editable_action(c, actor, slug, id);
  const auto revisions = store::revisions(c, id);
  auto fields_of = [&](const std::string& snapshot) { return as_fields(validation::input_of_snapshot(c, snapshot)); };
  auto r = text::resolve(as_fields(in), in.merge, in.base_revision, fields_of(validation::snapshot(current)),
                         current.revision, [&](std::int64_t n) -> std::optional<text::Fields> {
                           for (const auto& v : revisions)
                             if (v.number == n) return fields_of(v.snapshot);
                           return std::nullopt;
                         });
  if (r.to_settle()) {
    ActionResult out;
    for (const auto& name : r.unsettled)
      out.errors.add(text::choice_field(name), N_("Choose which text to keep, or merge them by hand."));
    out.id = current.id;
    out.conflict = true;
    out.current = current;
    out.merged = as_input(in, r.form, r.form_revision);
    out.merge = std::move(r);
    return out;
  }
  auto out = save_revision(c, actor, k, current, as_input(in, r.wanted, r.merged_with.value_or(in.base_revision)),
                           std::nullopt, now, r.merged_with);
  if (out.revision > current.revision) tx.commit();
  return out;
}

ActionResult restore_action_revision(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id,
                                     std::int64_t number, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto [k, current] = editable_action(c, actor, slug, id);
  const auto revisions = store::revisions(c, id);
  ActionInput in =
      validation::input_of_snapshot(c, validation::revision_to_restore(revisions, number, current.revision).snapshot);
  in.base_revision = current.revision;
  auto out = save_revision(c, actor, k, current, in, number, now);
  if (out.revision > current.revision) tx.commit();
  return out;
}

}  // namespace fabrique::roadmaps
