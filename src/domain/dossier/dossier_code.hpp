// Dossier codes as Circular 01/2018/TT-VPCP Art. 19 gives them: the receiving agency's code, the
// receipt date as YYMMDD and the day's sequence number, e.g. "000.20.30.H40-260306-0012".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/calendar/date.hpp"

namespace motcua::dossier {

struct DossierCode {
  std::string agency_code;
  Date receipt_date;
  int daily_sequence = 0;
  friend bool operator==(const DossierCode&, const DossierCode&) = default;
};

// Non-empty and only [0-9A-Za-z.]: the agency codes of the national catalogue are dotted groups
// of letters and digits, and '-' must stay free to separate the parts of a dossier code.
bool is_valid_agency_code(std::string_view agency_code);

// The sequence is padded to four digits and grows beyond them rather than wrap, so day 10000 and
// later still get distinct codes. Throws std::invalid_argument for an invalid agency code, a
// sequence below 1, or a receipt year outside 2000..2099 (YY could not tell it apart).
std::string format_dossier_code(std::string_view agency_code, Date receipt_date,
                                int daily_sequence);

// The inverse of format_dossier_code: nullopt for anything it would not have produced (bad agency,
// impossible date, sequence 0, a sequence padded beyond four digits, stray characters).
std::optional<DossierCode> parse_dossier_code(std::string_view code);

// A code as a person types or pastes it, in the form codes are stored: surrounding whitespace
// removed and ASCII letters upper-cased ("  000.20.30.h40-260306-0012 " ->
// "000.20.30.H40-260306-0012"). Nothing else is changed, so an invalid code stays invalid.
std::string normalize_dossier_code(std::string_view typed);

}  // namespace motcua::dossier
