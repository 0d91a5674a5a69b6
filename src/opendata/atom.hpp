// Atom feeds (RFC 4287), written once for every feed of the site: the programme's news, a coalition's,
// an event series', an organisation's, and the observatory's changes.
#pragma once
#include <chrono>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace fabrique::opendata::atom {

struct Entry {
  std::string id;  // a permanent IRI, never reused for another entry (RFC 4287 §4.2.6)
  std::string title;
  std::string link;  // the page the entry is about, absolute
  std::chrono::sys_seconds updated{};
  std::string summary;   // plain text, may be empty
  std::string category;  // a stable term ("coalition", "stage", "event"…), may be empty
};

struct Feed {
  std::string id;                      // the feed's permanent IRI: the address of the page it follows
  std::string title;                   // in the reader's language
  std::string alternate;               // the HTML page, absolute
  std::string self;                    // the feed's own address, absolute
  std::string licence;                 // SPDX identifier of the data's licence (option data_licence)
  std::chrono::sys_seconds updated{};  // the latest entry's, or now when there is none
  std::vector<Entry> entries;          // newest first
};

// The feed as an XML document: every value escaped, characters XML 1.0 forbids dropped.
std::string write(const Feed& feed);

// The feed as a response (application/atom+xml), Last-Modified at its latest entry when it has one.
http::Response response(const Feed& feed);

}  // namespace fabrique::opendata::atom
