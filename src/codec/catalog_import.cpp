#include "codec/catalog_import.hpp"

#include <boost/json.hpp>

#include "codec/catalog_formats.hpp"
#include "codec/catalog_json.hpp"
#include "domain/catalog/paper_identity.hpp"
#include "domain/catalog/paper_structure.hpp"

namespace motcua::codec {

namespace json = boost::json;

namespace {

std::optional<CatalogFormat> detect_format(const json::object& o) {
  if (o.contains("thu_tuc_id") || (o.contains("metadata") && o.contains("tables"))) {
    return CatalogFormat::bqp;
  }
  const json::value* channels = o.if_contains("cach_thuc_thuc_hien");
  if (o.contains("ma_thu_tuc") || channels != nullptr) {
    if (channels != nullptr && channels->is_string()) return CatalogFormat::dvcqg_flat;
    // The flat format has only strings; the parsed one has lists (cap_thuc_hien at least).
    const json::value* levels = o.if_contains("cap_thuc_hien");
    if (channels == nullptr && levels != nullptr && levels->is_string()) {
      return CatalogFormat::dvcqg_flat;
    }
    return CatalogFormat::dvcqg_parsed;
  }
  return std::nullopt;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The code a rejected object carries, if any, so the report can name it.
std::string code_of(const json::object& o) {
  for (const char* key : {"ma_thu_tuc", "thu_tuc_id"}) {
    if (const auto* v = o.if_contains(key); v != nullptr && v->is_string()) {
      return std::string(v->get_string());
    }
  }
  return {};
}

}  // namespace

std::string_view to_string(CatalogFormat format) {
  switch (format) {
    case CatalogFormat::dvcqg_parsed:
      return "dvcqg_parsed";
    case CatalogFormat::dvcqg_flat:
      return "dvcqg_flat";
    case CatalogFormat::bqp:
      return "bqp";
  }
  return "unknown";
}

std::string_view to_string(RejectReason reason) {
  switch (reason) {
    case RejectReason::invalid_json:
      return "invalid_json";
    case RejectReason::not_an_object:
      return "not_an_object";
    case RejectReason::unknown_format:
      return "unknown_format";
    case RejectReason::missing_code:
      return "missing_code";
    case RejectReason::missing_name:
      return "missing_name";
    case RejectReason::duplicate_code:
      return "duplicate_code";
  }
  return "unknown";
}

CatalogLineResult parse_catalog_line(std::string_view line, std::size_t line_number) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // Scraped text may hold invalid UTF-8; it is accepted here and replaced by U+FFFD when cleaned.
  json::parse_options options;
  options.allow_invalid_utf8 = true;
  json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const std::size_t consumed = parser.write_some(line.data(), line.size(), ec);
  if (!ec) {
    if (is_blank(line.substr(consumed))) {
      parser.finish(ec);
    } else {
      ec = json::error::extra_data;
    }
  }
  if (ec) {
    return tl::unexpected(Rejection{line_number,
                                    {},
                                    RejectReason::invalid_json,
                                    ec.message() + " at byte " + std::to_string(consumed)});
  }
  const json::value root = parser.release();
  if (!root.is_object()) {
    return tl::unexpected(
        Rejection{line_number, {}, RejectReason::not_an_object, "a record must be a JSON object"});
  }
  const json::object& o = root.get_object();
  const auto format = detect_format(o);
  if (!format) {
    return tl::unexpected(Rejection{line_number, code_of(o), RejectReason::unknown_format,
                                    "neither a national portal nor a Ministry of Defence record"});
  }
  ImportedProcedure result;
  result.line = line_number;
  result.format = *format;
  switch (*format) {
    case CatalogFormat::dvcqg_parsed:
      result.procedure = catalog_formats::read_dvcqg_parsed(o, result.warnings);
      break;
    case CatalogFormat::dvcqg_flat:
      result.procedure = catalog_formats::read_dvcqg_flat(o, result.warnings);
      break;
    case CatalogFormat::bqp:
      result.procedure = catalog_formats::read_bqp(o, result.warnings);
      break;
  }
  // The three formats hand over their groups as published; the catalog's headings are read the
  // same way for all of them, and ids follow the structure.
  catalog::structure_papers(result.procedure);
  catalog::assign_paper_ids(result.procedure);
  if (result.procedure.code.empty()) {
    return tl::unexpected(
        Rejection{line_number, {}, RejectReason::missing_code, "no procedure code (mã thủ tục)"});
  }
  if (result.procedure.name.empty()) {
    return tl::unexpected(Rejection{line_number, result.procedure.code, RejectReason::missing_name,
                                    "no procedure name (tên thủ tục)"});
  }
  return result;
}

std::size_t ImportSummary::warnings() const {
  std::size_t n = 0;
  for (const auto& [kind, count] : warnings_by_kind) n += count;
  return n;
}

std::optional<CatalogLineResult> CatalogImporter::add_line(std::string_view line,
                                                           std::size_t line_number) {
  ++summary_.lines;
  if (is_blank(line)) {
    ++summary_.blank;
    return std::nullopt;
  }
  CatalogLineResult result = parse_catalog_line(line, line_number);
  if (result && !codes_.insert(result->procedure.code).second) {
    result =
        tl::unexpected(Rejection{line_number, result->procedure.code, RejectReason::duplicate_code,
                                 "the code was already imported from an earlier line"});
  }
  if (!result) {
    summary_.rejected.push_back(result.error());
    return result;
  }
  ++(result->warnings.empty() ? summary_.imported : summary_.imported_with_warnings);
  ++summary_.imported_by_format[result->format];
  for (const catalog::ImportWarning& w : result->warnings) ++summary_.warnings_by_kind[w.kind];
  return result;
}

}  // namespace motcua::codec
