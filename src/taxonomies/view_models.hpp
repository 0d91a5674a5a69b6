// What the page editing a list shows, read by its loader (pages.cpp: load_edit) and drawn by
// templates/edit.html: plain values, no database, no request.
#pragma once
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::taxonomies {

struct EditPage {
  const Taxonomy* taxonomy = nullptr;
  // Each entry with its rename form: the label as saved, or as typed when the rename was refused.
  struct Row {
    Term term;
    std::string label;
    FieldErrors errors;
  };
  std::vector<Row> rows;
  std::string label;  // the add form, as typed when it was refused
  FieldErrors add_errors;
};

}  // namespace fabrique::taxonomies
