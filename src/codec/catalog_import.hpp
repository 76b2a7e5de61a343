// Importing procedure catalogs from the national formats (docs/catalog-import.md).
//
// Input is JSON Lines: one procedure per line. Each line ends as exactly one of
//  - imported: a catalog::Procedure with no warning,
//  - imported with warnings: a Procedure plus what could not be read (field, raw text, reason),
//  - rejected: the line number, the code if known, and why (invalid JSON, no code or name, ...).
// Nothing is dropped silently. The format is detected per line, so files may be mixed:
//  - dvcqg_parsed: national portal records with lists (cach_thuc_thuc_hien is an array);
//  - dvcqg_flat:   the same records as scraped, tables flattened to text (it is a string);
//  - bqp:          Ministry of Defence records (thu_tuc_id, metadata, content, tables).
// Writing to the store and printing the summary are the caller's job.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "domain/catalog/import_warning.hpp"
#include "domain/catalog/procedure.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

enum class CatalogFormat { dvcqg_parsed, dvcqg_flat, bqp };
std::string_view to_string(CatalogFormat format);

struct ImportedProcedure {
  std::size_t line = 0;  // 1-based line number in the input
  CatalogFormat format = CatalogFormat::dvcqg_parsed;
  catalog::Procedure procedure;
  catalog::Warnings warnings;
};

enum class RejectReason {
  invalid_json,    // not a JSON value (detail: parser message and byte offset)
  not_an_object,   // valid JSON, but not an object
  unknown_format,  // an object of none of the known formats
  missing_code,    // no mã thủ tục
  missing_name,    // no tên thủ tục
  duplicate_code,  // the code was already imported earlier in the same input
};
std::string_view to_string(RejectReason reason);

struct Rejection {
  std::size_t line = 0;
  std::string code;  // when known
  RejectReason reason = RejectReason::invalid_json;
  std::string detail;
};

using CatalogLineResult = tl::expected<ImportedProcedure, Rejection>;

// One line on its own (no duplicate check). Lines are expected without the trailing newline; a
// trailing "\r" is ignored.
CatalogLineResult parse_catalog_line(std::string_view line, std::size_t line_number);

struct ImportSummary {
  std::size_t lines = 0;                   // every line given, blank ones included
  std::size_t blank = 0;                   // whitespace-only lines: not records, skipped
  std::size_t imported = 0;                // without warnings
  std::size_t imported_with_warnings = 0;  // with at least one warning
  std::vector<Rejection> rejected;
  std::map<catalog::WarningKind, std::size_t> warnings_by_kind;
  std::map<CatalogFormat, std::size_t> imported_by_format;

  std::size_t records() const { return lines - blank; }
  std::size_t parsed() const { return imported + imported_with_warnings; }
  std::size_t warnings() const;
};

// Feeds lines in order, rejects a code seen earlier in the same import, and keeps the summary.
class CatalogImporter {
 public:
  // nullopt for a blank line (counted in summary().blank).
  std::optional<CatalogLineResult> add_line(std::string_view line, std::size_t line_number);
  const ImportSummary& summary() const { return summary_; }

 private:
  ImportSummary summary_;
  std::unordered_set<std::string> codes_;
};

}  // namespace motcua::codec
