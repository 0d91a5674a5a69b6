// Writing the static archive: the public site asked of the real App, in process, as a visitor in
// each language, starting from the sitemap's pages and following the links of every page written.
//
// Layout (docs/open-data.md, "A static archive"): `fr/` and `en/` hold one tree per language, a page
// /a/b at fr/a/b/index.html, a document /a/b.json at fr/a/b.json, a download at the name it is
// offered under; `static/` holds the assets both trees share; `index.html` leads to fr/index.html.
#include "opendata/archive.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <fstream>
#include <set>

#include "http/app.hpp"
#include "http/form.hpp"
#include "http/spool.hpp"
#include "opendata/sitemap.hpp"
#include "opendata/store.hpp"
#include "opendata/templates/archive.hpp"
#include "territories/links.hpp"
#include "territories/urls.hpp"
#include "views/html.hpp"
#include "views/template.hpp"

namespace fabrique::opendata::archive {
namespace {

using i18n::N_;

constexpr i18n::Lang kLanguages[] = {i18n::Lang::fr, i18n::Lang::en};
// The data documents a page may have beside it at the same address: tried for every page of the
// sitemap, kept when the site answers (most are also linked from their page).
constexpr const char* kDocumentExtensions[] = {".json", ".csv", ".ics", ".atom"};
constexpr const char* kStaticPrefix = "/static/";

// "%C3%A9" → "é"; a malformed escape stays as it is (the site will not find such a page anyway).
std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// "https://fabrique.example.org:8443/x" → "fabrique.example.org:8443", the Host the App is asked with.
std::string host_of(std::string_view base_url) {
  std::string_view rest = base_url.substr(base_url.find("://") + 3);
  return std::string(rest.substr(0, rest.find('/')));
}

struct Target {
  std::string path;   // as written in the link, not decoded
  std::string query;  // raw, without '?'
};

Target split_target(std::string_view target) {
  const std::size_t q = target.find('?');
  if (q == std::string_view::npos) return {std::string(target), {}};
  return {std::string(target.substr(0, q)), std::string(target.substr(q + 1))};
}

// The filters a query sets, in order: its fields but the page number and those left empty.
std::vector<std::pair<std::string, std::string>> filters_of(std::string_view query) {
  auto form = http::Form::parse(query);
  if (!form) return {};
  auto fields = form->fields();
  std::erase_if(fields, [](const auto& f) { return f.first == "page" || f.second.empty(); });
  std::sort(fields.begin(), fields.end());
  return fields;
}

// Which links with a query the archive follows, so that their number stays bounded: those of a page
// without one (a list's filters, a history's comparisons), and from there only those that keep its
// filters (the list's other page numbers, its CSV and JSON). A filter added to a filter is left to
// the live site.
bool follows_query(const Target& from, const Target& to) {
  if (to.query.empty() || from.query.empty()) return true;
  return filters_of(to.query) == filters_of(from.query);
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (error || !out) throw ArchiveError("cannot write " + path.string());
}

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The export of one programme: the App, and what each language tree holds.
class Exporter {
 public:
  Exporter(storage::Database& db, const config::Options& options, std::filesystem::path dir)
      : app_(db, options), base_url_(options.base_url), host_(host_of(options.base_url)), dir_(std::move(dir)) {
    auto lease = db.acquire();
    territories_ = territories::keys_with_places(*lease);
  }

  // Asks for every seed and what its pages link to, writing each document as it comes.
  void crawl(i18n::Lang lang, const std::vector<std::string>& seeds) {
    std::deque<std::string> queue;
    std::set<std::string> queued;
    auto enqueue = [&](std::string target) {
      if (queued.insert(target).second) queue.push_back(std::move(target));
    };
    for (const auto& s : seeds) enqueue(s);
    while (!queue.empty()) {
      const std::string target = std::move(queue.front());
      queue.pop_front();
      auto written = fetch(lang, target);
      if (!written || !written->html) continue;
      const Target from = split_target(target);
      for (const auto& link : detail::links_of(written->body))
        if (auto next = followed(link, from)) enqueue(std::move(*next));
    }
  }

  // Makes the links of every page written relative, and their forms sentences.
  void rewrite_pages() {
    for (const auto lang : kLanguages) {
      const auto& t = i18n::translator(lang);
      const detail::PageText text{
          .form_replaced = t.tr(N_("This site is an archive: this form worked only on the live site.")),
          .search_replaced = t.tr(N_("This site is an archive: search worked only on the live site."))};
      for (const auto& [file, target] : trees_[lang].pages) {
        const Target page = split_target(target);
        auto resolve = [&](std::string_view link) { return resolved(lang, page, link); };
        const auto path = dir_ / file;
        write_file(path, detail::rewrite_page(read_whole(path), file, base_url_, resolve, text));
      }
    }
  }

  // index.html at the root: the French home, and the English one.
  void write_root() {
    write_file(dir_ / "index.html", html::render(i18n::translator(i18n::Lang::fr), templates::ArchiveIndex{}).str());
    ++summary_.pages;
  }

  std::size_t files() const { return summary_.pages + summary_.documents + summary_.assets; }
  const Summary& summary() const { return summary_; }

 private:
  struct Written {
    bool html = false;
    std::string body;  // kept for pages only, to follow their links
  };
  struct Tree {
    std::map<std::string, std::optional<std::string>> files;  // target → file, nothing when not written
    std::map<std::string, std::string> targets_by_file;       // file → the target written there
    std::vector<std::pair<std::string, std::string>> pages;   // (file, target) of each HTML page
  };

  // The target a link of page `from` leads to, when the archive follows it.
  std::optional<std::string> followed(std::string_view link, const Target& from) const {
    std::string target(link.substr(0, link.find('#')));
    if (target.starts_with(base_url_)) {
      target.erase(0, base_url_.size());
      if (target.empty()) target = "/";
    }
    if (target.starts_with('?')) target = from.path + target;
    if (!target.starts_with('/') || target.starts_with("//") || target.starts_with("/\\")) return std::nullopt;
    const Target to = split_target(target);
    if (to.path.starts_with(kStaticPrefix)) return target;
    if (sitemap::closed_to_robots(percent_decoded(to.path))) return std::nullopt;
    if (!follows_query(from, to)) return std::nullopt;
    if (!archived_territory(to.path)) return std::nullopt;
    return target;
  }

  // Asks the App for `target` in `lang` and writes it, unless a visitor may not read it.
  std::optional<Written> fetch(i18n::Lang lang, const std::string& target) {
    const Target t = split_target(target);
    const bool shared = t.path.starts_with(kStaticPrefix);
    auto& files = shared ? static_files_ : trees_[lang].files;
    if (files.count(target)) return std::nullopt;
    files[target] = std::nullopt;

    http::Request request;
    request.method = http::Method::get;
    request.method_name = "GET";
    request.target = target;
    request.path = percent_decoded(t.path);
    request.query = t.query;
    request.headers = {{"host", host_},
                       {"cookie", std::string(http::App::kLangCookie) + "=" + std::string(i18n::code(lang))}};
    request.client_address = "127.0.0.1";
    http::Response response = app_.handle(request);
    if (response.status != 200 || !response.content_encoding.empty()) return std::nullopt;
    if (response.file) {  // a whole register, written to a file (asked without compression: as it is)
      if (!response.file->content_encoding.empty()) return std::nullopt;
      response.body = http::contents(*response.file);
    }

    std::string disposition;
    for (const auto& [name, value] : response.headers)
      if (name == "Content-Disposition" || name == "content-disposition") disposition = value;
    const auto file =
        detail::file_for(shared ? "" : i18n::code(lang), request.path, t.query, response.content_type, disposition);
    if (!file) return std::nullopt;
    Tree& tree = trees_[lang];
    // Two addresses the file system cannot tell apart: the first one keeps the file.
    if (!shared && !tree.targets_by_file.emplace(*file, target).second) return std::nullopt;
    write_file(dir_ / *file, response.body);
    files[target] = *file;
    summary_.bytes += response.body.size();

    Written w;
    w.html = response.content_type.starts_with("text/html");
    if (w.html) {
      tree.pages.emplace_back(*file, target);
      ++summary_.pages;
      w.body = std::move(response.body);
    } else if (shared) {
      ++summary_.assets;
    } else {
      ++summary_.documents;
    }
    return w;
  }

  // The file a link of `page` (in `lang`) leads to in the archive, if it holds it.
  std::optional<std::string> resolved(i18n::Lang lang, const Target& page, std::string_view link) {
    std::string target(link);
    if (target.starts_with('?')) target = page.path + target;
    const Target to = split_target(target);
    if (to.path.starts_with(kStaticPrefix)) return known(static_files_, target);
    // The language switch leads to the same page in the other tree (its home when it has no such page).
    if (to.path.starts_with("/langue/")) {
      i18n::Lang other = i18n::Lang::fr;
      if (!i18n::parse(to.path.substr(std::string_view("/langue/").size()), other)) return std::nullopt;
      auto query = http::Form::parse(to.query);
      const std::string back = query ? query->get("retour") : "";
      if (auto file = known(trees_[other].files, back)) return file;
      return known(trees_[other].files, "/");
    }
    return known(trees_[lang].files, target);
  }

  static std::optional<std::string> known(const std::map<std::string, std::optional<std::string>>& files,
                                          const std::string& target) {
    auto it = files.find(target);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }

  http::App app_;
  std::string base_url_;
  std::string host_;
  std::filesystem::path dir_;
  std::map<i18n::Lang, Tree> trees_;
  std::map<std::string, std::optional<std::string>> static_files_;
  Summary summary_;
  std::set<std::string> territories_;  // the territories whose pages are archived (territories/links.hpp)

  // Whether `path` is no territory's page, or one of a territory worth archiving: the régions and
  // where something is placed, not the 36,000 communes of the official geography.
  bool archived_territory(std::string_view path) const {
    const std::string prefix = territories::urls::list() + "/";
    if (!path.starts_with(prefix)) return true;
    std::string_view key = path.substr(prefix.size());
    if (key.find('/') != std::string_view::npos) return true;
    if (const auto dot = key.find('.'); dot != std::string_view::npos) key = key.substr(0, dot);
    return territories_.count(std::string(key)) > 0;
  }
};

// The sitemap's pages, then the documents that may stand beside each of them.
std::vector<std::string> seeds(storage::Database& db) {
  auto lease = db.acquire();
  std::vector<std::string> out;
  const auto shared = store::public_pages(*lease);
  const auto& pages = *shared;
  for (std::size_t i = 0; i < pages.size(); ++i) out.emplace_back(pages[i].path);
  for (std::size_t i = 0; i < pages.size(); ++i)
    if (const auto path = pages[i].path; path != "/")
      for (const char* extension : kDocumentExtensions) out.push_back(std::string(path) + extension);
  return out;
}

}  // namespace

Summary write_site(storage::Database& db, const config::Options& options, const std::filesystem::path& dir,
                   const std::function<void(std::string_view lang, std::size_t files)>& progress) {
  if (options.base_url.empty()) throw ArchiveError("base_url is not set");
  std::error_code error;
  if (std::filesystem::exists(dir, error)) {
    if (!std::filesystem::is_directory(dir, error) || !std::filesystem::is_empty(dir, error))
      throw ArchiveError(dir.string() + " exists and is not empty");
  }
  std::filesystem::create_directories(dir, error);
  if (error) throw ArchiveError("cannot create " + dir.string() + ": " + error.message());

  const auto start = seeds(db);
  Exporter exporter(db, options, dir);
  for (const auto lang : kLanguages) {
    exporter.crawl(lang, start);
    if (progress) progress(i18n::code(lang), exporter.files());
  }
  exporter.rewrite_pages();
  exporter.write_root();
  return exporter.summary();
}

}  // namespace fabrique::opendata::archive
