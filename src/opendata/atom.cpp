// Writing Atom feeds.
#include "opendata/atom.hpp"

#include <algorithm>

#include "common/instants.hpp"
#include "http/open_data.hpp"

namespace fabrique::opendata::atom {
namespace {

// XML text or attribute value: the five special characters escaped, and the control characters XML
// 1.0 does not allow (all below 0x20 but tab, line feed and carriage return) dropped, so that a
// stray byte in someone's text never makes the whole feed unreadable.
void text_to(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
}

void element(std::string& out, std::string_view name, std::string_view value) {
  out += '<';
  out += name;
  out += '>';
  text_to(out, value);
  out += "</";
  out += name;
  out += ">\n";
}

void link(std::string& out, std::string_view rel, std::string_view href, std::string_view type = {}) {
  out += "<link";
  if (!rel.empty()) {
    out += " rel=\"";
    out += rel;
    out += '"';
  }
  if (!type.empty()) {
    out += " type=\"";
    out += type;
    out += '"';
  }
  out += " href=\"";
  text_to(out, href);
  out += "\"/>\n";
}

}  // namespace

std::string write(const Feed& feed) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  element(out, "title", feed.title);
  element(out, "id", feed.id);
  link(out, "alternate", feed.alternate, "text/html");
  link(out, "self", feed.self, "application/atom+xml");
  link(out, "license", http::open_data::licence_url(feed.licence));
  element(out, "rights", feed.licence);
  element(out, "updated", instants::iso(feed.updated));
  out += "<author><name>fabrique</name></author>\n";
  for (const auto& e : feed.entries) {
    out += "<entry>\n";
    element(out, "title", e.title);
    element(out, "id", e.id);
    link(out, "alternate", e.link, "text/html");
    element(out, "updated", instants::iso(e.updated));
    if (!e.category.empty()) {
      out += "<category term=\"";
      text_to(out, e.category);
      out += "\"/>\n";
    }
    if (!e.summary.empty()) element(out, "summary", e.summary);
    out += "</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

http::Response response(const Feed& feed) {
  http::Response r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.body = write(feed);
  if (!feed.entries.empty()) {
    std::chrono::sys_seconds latest = feed.entries.front().updated;
    for (const auto& e : feed.entries) latest = std::max(latest, e.updated);
    http::open_data::set_last_modified(r, latest);
  }
  return r;
}

}  // namespace fabrique::opendata::atom
