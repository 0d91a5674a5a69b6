// Files compiled into the binary at build time (see cmake/embed.cmake): migrations, static assets, catalogues.
#pragma once
#include <span>
#include <string_view>

namespace fabrique::resources {

struct Resource {
  std::string_view name;  // file name without its folder, e.g. "0001_accounts.sql"
  std::string_view bytes;
};

std::span<const Resource> migrations();    // migrations/*.sql, sorted by name
std::span<const Resource> static_files();  // static/*
std::span<const Resource> catalogues();    // compiled po/*.po, e.g. "fr.mo"

}  // namespace fabrique::resources
