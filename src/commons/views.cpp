// What the commons pages share: labels and choices, the page holding one form, and the pages
// about revisions.
#include "commons/views.hpp"

#include "common/numbers.hpp"
#include "commons/templates/shared.hpp"
#include "commons/urls.hpp"
#include "i18n/i18n.hpp"
#include "views/layout.hpp"

namespace fabrique::commons {

std::string coalition_title(const CoalitionRef& k) { return "Coalition " + k.number + " — " + k.title; }

std::vector<fabrique::views::Option> revision_options(const std::vector<RevisionLine>& lines) {
  std::vector<fabrique::views::Option> out;
  for (const auto& r : lines) out.push_back({std::to_string(r.number), std::to_string(r.number)});
  return out;
}

}  // namespace fabrique::commons

namespace fabrique::commons::views {

using html::render;
using i18n::N_;

std::string kind_label(const Context& ctx, std::string_view slug) {
  const Choice* k = kind(slug);
  return k ? ctx.tr(k->label) : std::string(slug);
}

std::string outcome_label(const Context& ctx, std::string_view slug) {
  const Choice* o = outcome(slug);
  return o ? ctx.tr(o->label) : std::string(slug);
}

std::vector<fabrique::views::Option> kind_options(const Context& ctx) {
  std::vector<fabrique::views::Option> out;
  for (const auto& k : kKinds) out.push_back({k.slug, ctx.tr(k.label)});
  return out;
}

std::vector<fabrique::views::Option> licence_options() {
  std::vector<fabrique::views::Option> out;
  for (const auto& l : kLicences) out.push_back({l.id, l.name});
  return out;
}

std::vector<fabrique::views::Option> outcome_options(const Context& ctx) {
  std::vector<fabrique::views::Option> out;
  for (const auto& o : kOutcomes) out.push_back({o.slug, ctx.tr(o.label)});
  return out;
}

std::int64_t integer_field(const std::string& value, std::int64_t fallback) {
  return numbers::whole(value, 0, numbers::kMaxId).value_or(fallback);
}

http::Response form_page(Context& ctx, const FormPage& p, const FieldErrors& errors, int status) {
  return fabrique::views::page(
      ctx, status, p.title,
      html::render(*ctx.t, templates::Form{.page = p, .errors = errors, .csrf = ctx.csrf_token()}));
}

http::Response compare_page(Context& ctx, const std::string& base, const std::string& name, std::int64_t from,
                            std::int64_t to, const std::vector<FieldChange>& fields) {
  return fabrique::views::compare_revisions(
      ctx,
      render(R"(<a href="{}">{}</a> › <a href="{}">{}</a>)", base, name, urls::history(base), ctx.tr(N_("History"))),
      from, to, fields);
}

http::Response no_such_revisions(Context& ctx, const std::string& base) {
  return fabrique::views::no_such_revisions(ctx, urls::history(base));
}

http::Response restore_refused(Context& ctx, const std::string& base, bool conflict, const FieldErrors& errors) {
  return fabrique::views::page(
      ctx, conflict ? 409 : 422, ctx.tr(N_("Nothing was restored")),
      html::render(*ctx.t, templates::RestoreRefused{.base = base, .conflict = conflict, .errors = errors}));
}

}  // namespace fabrique::commons::views
