#include "domain/catalog/import_warning.hpp"

namespace motcua::catalog {

std::string_view to_string(WarningKind kind) {
  switch (kind) {
    case WarningKind::code_unusual:
      return "code_unusual";
    case WarningKind::code_mismatch:
      return "code_mismatch";
    case WarningKind::field_type:
      return "field_type";
    case WarningKind::level_missing:
      return "level_missing";
    case WarningKind::level_unknown:
      return "level_unknown";
    case WarningKind::agency_missing:
      return "agency_missing";
    case WarningKind::channel_missing:
      return "channel_missing";
    case WarningKind::channel_unknown:
      return "channel_unknown";
    case WarningKind::channel_recovered:
      return "channel_recovered";
    case WarningKind::time_missing:
      return "time_missing";
    case WarningKind::time_unit_missing:
      return "time_unit_missing";
    case WarningKind::time_unit_inferred:
      return "time_unit_inferred";
    case WarningKind::time_months:
      return "time_months";
    case WarningKind::time_fractional:
      return "time_fractional";
    case WarningKind::time_unparsed:
      return "time_unparsed";
    case WarningKind::time_fee_merged:
      return "time_fee_merged";
    case WarningKind::units_mixed:
      return "units_mixed";
    case WarningKind::fee_missing:
      return "fee_missing";
    case WarningKind::fee_unparsed:
      return "fee_unparsed";
    case WarningKind::fee_foreign_currency:
      return "fee_foreign_currency";
    case WarningKind::fee_currency_corrected:
      return "fee_currency_corrected";
    case WarningKind::fee_amount_implausible:
      return "fee_amount_implausible";
    case WarningKind::papers_missing:
      return "papers_missing";
    case WarningKind::paper_name_missing:
      return "paper_name_missing";
    case WarningKind::paper_count_unparsed:
      return "paper_count_unparsed";
    case WarningKind::paper_count_repeated:
      return "paper_count_repeated";
    case WarningKind::paper_count_glued:
      return "paper_count_glued";
    case WarningKind::paper_count_rejoined:
      return "paper_count_rejoined";
    case WarningKind::paper_split_rejoined:
      return "paper_split_rejoined";
    case WarningKind::paper_form_in_name:
      return "paper_form_in_name";
    case WarningKind::paper_form_in_count:
      return "paper_form_in_count";
    case WarningKind::legal_basis_unparsed:
      return "legal_basis_unparsed";
    case WarningKind::date_unparsed:
      return "date_unparsed";
    case WarningKind::text_unparsed:
      return "text_unparsed";
  }
  return "unknown";
}

void warn(Warnings& out, WarningKind kind, std::string_view field, std::string_view raw,
          std::string detail) {
  constexpr std::size_t kMaxRaw = 300;
  if (raw.size() > kMaxRaw) {
    std::size_t cut = kMaxRaw;
    // Step back over continuation bytes so a multi-byte letter is not split.
    while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
    raw = raw.substr(0, cut);
  }
  out.push_back(ImportWarning{kind, std::string(field), std::string(raw), std::move(detail)});
}

}  // namespace motcua::catalog
