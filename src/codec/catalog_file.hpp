// Reading catalog files line by line: plain JSON Lines (.jsonl) or gzip-compressed
// (.jsonl.gz). zlib reads both through the same calls (a file without a gzip header is read as
// is), so the extension is not trusted and a renamed file still works.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "codec/catalog_import.hpp"
#include "tl/expected.hpp"

struct gzFile_s;  // zlib's file handle

namespace motcua::codec {

struct CatalogLine {
  std::size_t number = 0;  // 1-based
  std::string text;        // without "\n" or "\r\n"; a UTF-8 byte-order mark on line 1 removed
};

class CatalogFileReader {
 public:
  static tl::expected<CatalogFileReader, std::string> open(const std::filesystem::path& path);
  CatalogFileReader(CatalogFileReader&& other) noexcept;
  CatalogFileReader& operator=(CatalogFileReader&& other) noexcept;
  CatalogFileReader(const CatalogFileReader&) = delete;
  CatalogFileReader& operator=(const CatalogFileReader&) = delete;
  ~CatalogFileReader();

  // The next line, nullopt at the end, or an error (corrupt or truncated gzip data, a line longer
  // than 64 MiB).
  tl::expected<std::optional<CatalogLine>, std::string> next();

 private:
  explicit CatalogFileReader(gzFile_s* file, std::string name);
  bool fill();  // reads more bytes into buffer_; false at the end or on error (error_ set)

  gzFile_s* file_ = nullptr;
  std::string name_;
  std::string buffer_;
  std::size_t start_ = 0;  // first unread byte of buffer_
  std::size_t line_ = 0;
  bool end_ = false;
  std::string error_;
};

// Every line of a file at once.
tl::expected<std::vector<CatalogLine>, std::string> read_catalog_file(
    const std::filesystem::path& path);

// Imports a whole file with a CatalogImporter; `on_line` sees the result of every non-blank line
// in order (to store procedures and write the report). Fails only when the file cannot be read.
tl::expected<ImportSummary, std::string> import_catalog_file(
    const std::filesystem::path& path,
    const std::function<void(const CatalogLineResult&)>& on_line = {});

}  // namespace motcua::codec
