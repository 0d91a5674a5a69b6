// The lists a reuse's fields choose from.
#include "datasets/reuse_model.hpp"

#include "i18n/i18n.hpp"

namespace fabrique::datasets {

using i18n::N_;

const std::vector<Code> kReuseKinds = {{"application", N_("Application")},
                                       {"visualisation", N_("Visualisation")},
                                       {"pedagogie", N_("Teaching material")},
                                       {"etude", N_("Study")},
                                       {"decision-publique", N_("Public decision")},
                                       {"article", N_("Article")},
                                       {"api", N_("API")},
                                       {"autre", N_("Other")}};

const std::vector<Code> kReusePurposes = {{"sensibiliser", N_("Raise awareness")},
                                          {"decider", N_("Decide")},
                                          {"evaluer", N_("Evaluate a policy")},
                                          {"enseigner", N_("Teach")},
                                          {"rechercher", N_("Research")},
                                          {"informer", N_("Inform")},
                                          {"militer", N_("Campaign")},
                                          {"autre", N_("Something else")}};

const std::vector<Code> kReuseAudiences = {
    {"elus", N_("Elected officials")},          {"agents", N_("Public servants")},
    {"grand-public", N_("The general public")}, {"enseignement", N_("Teachers and pupils")},
    {"chercheurs", N_("Researchers")},          {"associations", N_("Associations")},
    {"entreprises", N_("Businesses")}};

const char* label_of(const std::vector<Code>& codes, std::string_view code) {
  for (const auto& c : codes)
    if (c.code == code) return c.label;
  return nullptr;
}

}  // namespace fabrique::datasets
