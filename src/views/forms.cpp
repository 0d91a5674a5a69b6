// Accessible form controls: label, hint and error tied to the control with aria attributes.
#include "views/forms.hpp"

#include "i18n/i18n.hpp"

namespace fabrique::views {

using html::render;
using i18n::N_;

namespace {

struct Described {
  Html hint;
  Html error;
  std::string describedby;
  bool invalid = false;
};

Described describe(const Context& ctx, const Field& f, const FieldErrors& errors) {
  Described d;
  std::vector<std::string> ids;
  if (!f.hint.empty()) {
    d.hint = render(R"(<p class="hint" id="f-{}-hint">{}</p>)", f.name, f.hint);
    ids.push_back("f-" + f.name + "-hint");
  }
  if (const char* message = errors.find(f.name)) {
    d.error = render(R"(<p class="error" id="f-{}-error"><span class="visually-hidden">{} </span>{}</p>)", f.name,
                     ctx.tr(N_("Error:")), ctx.tr(message));
    ids.push_back("f-" + f.name + "-error");
    d.invalid = true;
  }
  for (const auto& id : ids) d.describedby += (d.describedby.empty() ? "" : " ") + id;
  return d;
}

Html attributes(const Field& f, const Described& d) {
  Html a;
  if (f.required) a += html::trusted(" required");
  if (f.max_length) a += render(R"( maxlength="{}")", f.max_length);
  if (!f.autocomplete.empty()) a += render(R"( autocomplete="{}")", f.autocomplete);
  if (!d.describedby.empty()) a += render(R"( aria-describedby="{}")", d.describedby);
  if (d.invalid) a += html::trusted(R"( aria-invalid="true")");
  return a;
}

Html label(const Context& ctx, const Field& f) {
  if (f.required) return render(R"(<label for="f-{}">{}</label>)", f.name, f.label);
  return render(R"(<label for="f-{}">{} <span class="optional">({})</span></label>)", f.name, f.label,
                ctx.tr(N_("optional")));
}

}  // namespace

Html error_summary(const Context& ctx, const FieldErrors& errors) {
  if (errors.empty()) return {};
  Html items;
  for (const auto& [field, message] : errors.items())
    items += render(R"(<li><a href="#f-{}">{}</a></li>)", field, ctx.tr(message));
  long n = static_cast<long>(errors.items().size());
  std::string heading =
      fmt::format(fmt::runtime(ctx.trn("There is {} problem to correct", "There are {} problems to correct", n)), n);
  return render(R"(<div class="error-summary" role="alert" tabindex="-1"><h2>{}</h2><ul>{}</ul></div>)", heading,
                items);
}

Html input(const Context& ctx, const Field& f, const FieldErrors& errors) {
  Described d = describe(ctx, f, errors);
  // Passwords are never echoed back into the page.
  std::string value = f.type == "password" ? std::string() : f.value;
  return render(R"(<div class="field{}">{}{}{}<input type="{}" id="f-{}" name="{}" value="{}"{}></div>)",
                d.invalid ? " invalid" : "", label(ctx, f), d.hint, d.error, f.type, f.name, f.name, value,
                attributes(f, d));
}

Html textarea(const Context& ctx, const Field& f, const FieldErrors& errors, int rows) {
  Described d = describe(ctx, f, errors);
  return render(R"(<div class="field{}">{}{}{}<textarea id="f-{}" name="{}" rows="{}"{}>{}</textarea></div>)",
                d.invalid ? " invalid" : "", label(ctx, f), d.hint, d.error, f.name, f.name, rows, attributes(f, d),
                f.value);
}

Html select(const Context& ctx, const Field& f, const std::vector<Option>& options, const FieldErrors& errors,
            std::string_view empty_label) {
  Described d = describe(ctx, f, errors);
  Html opts;
  if (!empty_label.empty()) opts += render(R"(<option value="">{}</option>)", empty_label);
  for (const auto& o : options) {
    if (o.value == f.value)
      opts += render(R"(<option value="{}" selected>{}</option>)", o.value, o.label);
    else
      opts += render(R"(<option value="{}">{}</option>)", o.value, o.label);
  }
  Field plain = f;
  plain.max_length = 0;
  plain.autocomplete.clear();
  return render(R"(<div class="field{}">{}{}{}<select id="f-{}" name="{}"{}>{}</select></div>)",
                d.invalid ? " invalid" : "", label(ctx, f), d.hint, d.error, f.name, f.name, attributes(plain, d),
                opts);
}

Html checkbox(const Context& ctx, std::string_view name, std::string_view label_text, bool checked,
              std::string_view hint) {
  Html h;
  Html describedby;
  if (!hint.empty()) {
    h = render(R"(<p class="hint" id="f-{}-hint">{}</p>)", name, hint);
    describedby = render(R"( aria-describedby="f-{}-hint")", name);
  }
  return render(R"(<div class="field checkbox"><input type="checkbox" id="f-{}" name="{}" value="1"{}{}><label for="f-{}">{}</label>{}</div>)",
                name, name, checked ? html::trusted(" checked") : Html(), describedby, name, label_text, h);
}

}  // namespace fabrique::views
