// The helpers the coalition templates call to show a value (coalitions/view_models.hpp).
#include "coalitions/view_models.hpp"

#include "text/markdown.hpp"

namespace fabrique::coalitions {

using i18n::N_;

std::string full_title(const Coalition& k) { return "Coalition " + k.number + " — " + k.title; }

const char* stage_msgid(const std::string& slug) {
  const StageDef* s = stage(slug);
  return s ? s->label : slug.c_str();
}

std::string booklet_text(const Booklet& booklet, std::string_view key) {
  auto it = booklet.find(std::string(key));
  return it == booklet.end() ? std::string() : it->second;
}

html::Html booklet_html(const Booklet& booklet, std::string_view key) {
  auto it = booklet.find(std::string(key));
  if (it == booklet.end() || it->second.empty()) return {};
  return text::render_markdown(it->second, 2);
}

std::string levers_text(const i18n::Translator& t, const Declaration& d) {
  std::string out;
  auto add = [&](bool on, const char* label) {
    if (on) out += (out.empty() ? "" : ", ") + t.tr(label);
  };
  add(d.commande, N_("what is ordered"));
  add(d.offre, N_("what is offered"));
  add(d.usages, N_("how it is used"));
  return out.empty() ? t.tr(N_("not said")) : out;
}

std::vector<fabrique::views::Option> organisation_options(
    const std::vector<organisations::Organisation>& organisations) {
  std::vector<fabrique::views::Option> options;
  options.reserve(organisations.size());
  for (const auto& o : organisations) options.push_back({o.slug, o.name});
  return options;
}

}  // namespace fabrique::coalitions
