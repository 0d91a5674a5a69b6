// Form controls with their labels, hints and errors wired for assistive technology, and the
// error summary shown at the top of a form that was refused.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::views {

using html::Html;
using http::Context;

struct Field {
  std::string name;
  std::string label;          // already translated
  std::string value;          // what the person typed (kept on errors)
  std::string type = "text";  // text, email, password, url…
  std::string autocomplete;   // e.g. "email", "new-password"
  std::string hint;           // already translated; shown under the label
  bool required = false;
  std::size_t max_length = 0;  // 0: no maxlength attribute
};

struct Option {
  std::string value;
  std::string label;
};

// The ids that describe a control: its hint's and, when it was refused, its error's.
std::string describedby(const Field& f, bool has_error);

// Writes nothing, and notes `revision` as the one a refused form would be sent again from, for a
// request answered in JSON (fabrique::Refusal): ui::RevisionField calls it.
inline Html note_revision(std::int64_t revision) {
  Refusal::note_revision(revision);
  return {};
}

// The hidden CSRF field every form must carry.
Html csrf_field(Context& ctx);
// The summary of all errors, linking to each field; empty when there are none.
Html error_summary(const Context& ctx, const FieldErrors& errors);
Html input(const Context& ctx, const Field& f, const FieldErrors& errors);
Html textarea(const Context& ctx, const Field& f, const FieldErrors& errors, int rows = 5);
Html select(const Context& ctx, const Field& f, const std::vector<Option>& options, const FieldErrors& errors,
            std::string_view empty_label = {});
Html checkbox(const Context& ctx, std::string_view name, std::string_view label, bool checked,
              std::string_view hint = {});

}  // namespace fabrique::views
