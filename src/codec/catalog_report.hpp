// The import report: one JSON object per line for every record that needs a human look (imported
// with warnings, or rejected), and the summary counts as one JSON object.
//
//   {"line":12,"code":"1.001193","format":"dvcqg_parsed","status":"imported_with_warnings",
//    "warnings":[{"kind":"time_unit_missing","field":"cach_thuc_thuc_hien[0].thoi_han_raw",
//                 "raw":"1","detail":"a number without a unit; no unit guessed"}]}
//   {"line":13,"code":"","status":"rejected","reason":"invalid_json","detail":"... at byte 17"}
#pragma once

#include <string>

#include "codec/catalog_import.hpp"

namespace motcua::codec {

// True for results the report lists: rejections and imports with warnings.
bool needs_report(const CatalogLineResult& result);

// One line of the report (no trailing newline), for any result.
std::string render_report_line(const CatalogLineResult& result);

// {"lines":..,"records":..,"blank":..,"imported":..,"imported_with_warnings":..,"rejected":..,
//  "warnings":..,"warnings_by_kind":{"time_missing":..,...},"imported_by_format":{...},
//  "rejections":[{"line":..,"code":..,"reason":..,"detail":..}]}. Every warning kind is listed,
// with 0 when it did not occur, so reports from different runs line up.
std::string render_summary_json(const ImportSummary& summary);

}  // namespace motcua::codec
