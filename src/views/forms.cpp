// Accessible form controls: the C++ face of src/views/templates/forms.html, for pages not yet written as templates.
#include "views/forms.hpp"

#include "views/templates/forms.hpp"

namespace fabrique::views {

std::string describedby(const Field& f, bool has_error) {
  std::string ids;
  if (!f.hint.empty()) ids = "f-" + f.name + "-hint";
  if (has_error) ids += (ids.empty() ? "f-" : " f-") + f.name + "-error";
  return ids;
}

Html error_summary(const Context& ctx, const FieldErrors& errors) {
  return html::render(*ctx.t, templates::ErrorSummary{errors});
}

Html input(const Context& ctx, const Field& f, const FieldErrors& errors) {
  return html::render(*ctx.t, templates::Input{f, errors});
}

Html textarea(const Context& ctx, const Field& f, const FieldErrors& errors, int rows) {
  return html::render(*ctx.t, templates::Textarea{f, errors, rows});
}

Html select(const Context& ctx, const Field& f, const std::vector<Option>& options, const FieldErrors& errors,
            std::string_view empty_label) {
  return html::render(*ctx.t, templates::Select{f, options, errors, empty_label});
}

Html checkbox(const Context& ctx, std::string_view name, std::string_view label_text, bool checked,
              std::string_view hint) {
  return html::render(*ctx.t, templates::Checkbox{name, label_text, checked, hint});
}

}  // namespace fabrique::views
