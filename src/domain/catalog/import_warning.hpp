// What an import could not read, or read only by guessing. Every warning names the field, keeps
// the raw text and says why, so the report tells a catalog editor exactly what to check.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::catalog {

enum class WarningKind {
  code_unusual,            // the code is not of the national form "1.001193"
  code_mismatch,           // two fields of the record give different codes
  field_type,              // a field has an unexpected JSON type; treated as empty
  level_missing,           // no cấp thực hiện
  level_unknown,           // a level we do not know (kept in levels_raw)
  agency_missing,          // no cơ quan thực hiện
  channel_missing,         // no channel row at all
  channel_unknown,         // a hình thức nộp that is not counter, online or post
  channel_recovered,       // rows missing in the parsed file, recovered from its raw text
  time_missing,            // "Không có thông tin" or empty
  time_unit_missing,       // a bare number ("1"): the unit is unknown, no limit set
  time_unit_inferred,      // a bare number whose unit the description states
  time_months,             // "Tháng": not a unit of the legal clock
  time_fractional,         // "1.5 Ngày làm việc", "0.5 Giờ"
  time_unparsed,           // prose, a range, an unknown unit
  time_fee_merged,         // the scraper glued time and fee digits ("1100 VNĐ"): neither is known
  units_mixed,             // channels of one procedure use different units
  fee_missing,             // "Không có thông tin" or empty
  fee_unparsed,            // a fee line without a readable amount
  fee_foreign_currency,    // an amount in USD
  fee_currency_corrected,  // "155 VNĐ" while the description says "155 USD": read as USD
  fee_amount_implausible,  // 1..999 đồng: the portal often drops the thousands
  papers_missing,          // no thành phần hồ sơ
  paper_name_missing,      // a paper row without a name
  paper_count_unparsed,    // số lượng not of the form "1 bản chính"
  paper_count_repeated,    // several counts in one cell: the first of each kind is kept
  paper_count_glued,       // "20261 bản chính": a year glued to the count
  paper_count_rejoined,    // a ","-named row that carried the copies of the row before
  paper_split_rejoined,    // a count inside brackets "(01 bản sao ...)" split one paper into rows
  paper_form_in_name,      // the template file name was at the end of the paper name
  paper_form_in_count,     // the template file name was in the số lượng column
  legal_basis_unparsed,    // căn cứ pháp lý text that could not be split into documents
  date_unparsed,           // a date that is not dd-mm-yyyy or dd/mm/yyyy
  text_unparsed,           // flattened text left over after splitting it into rows
};

inline constexpr std::array kAllWarningKinds{
    WarningKind::code_unusual,
    WarningKind::code_mismatch,
    WarningKind::field_type,
    WarningKind::level_missing,
    WarningKind::level_unknown,
    WarningKind::agency_missing,
    WarningKind::channel_missing,
    WarningKind::channel_unknown,
    WarningKind::channel_recovered,
    WarningKind::time_missing,
    WarningKind::time_unit_missing,
    WarningKind::time_unit_inferred,
    WarningKind::time_months,
    WarningKind::time_fractional,
    WarningKind::time_unparsed,
    WarningKind::time_fee_merged,
    WarningKind::units_mixed,
    WarningKind::fee_missing,
    WarningKind::fee_unparsed,
    WarningKind::fee_foreign_currency,
    WarningKind::fee_currency_corrected,
    WarningKind::fee_amount_implausible,
    WarningKind::papers_missing,
    WarningKind::paper_name_missing,
    WarningKind::paper_count_unparsed,
    WarningKind::paper_count_repeated,
    WarningKind::paper_count_glued,
    WarningKind::paper_count_rejoined,
    WarningKind::paper_split_rejoined,
    WarningKind::paper_form_in_name,
    WarningKind::paper_form_in_count,
    WarningKind::legal_basis_unparsed,
    WarningKind::date_unparsed,
    WarningKind::text_unparsed,
};

std::string_view to_string(WarningKind kind);

struct ImportWarning {
  WarningKind kind = WarningKind::text_unparsed;
  std::string field;   // path in the source record: "cach_thuc_thuc_hien[2].thoi_han_raw"
  std::string raw;     // the text concerned (cut at 300 bytes)
  std::string detail;  // why, in plain English
  friend bool operator==(const ImportWarning&, const ImportWarning&) = default;
};

using Warnings = std::vector<ImportWarning>;

// Appends a warning; `raw` is cut at 300 bytes on a character boundary.
void warn(Warnings& out, WarningKind kind, std::string_view field, std::string_view raw,
          std::string detail);

}  // namespace motcua::catalog
