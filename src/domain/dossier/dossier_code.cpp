#include "domain/dossier/dossier_code.hpp"

#include <stdexcept>
#include <string>

namespace motcua::dossier {

namespace {

constexpr std::size_t kMinSequenceDigits = 4;
// Nine digits always fit an int; no office receives a billion dossiers a day.
constexpr std::size_t kMaxSequenceDigits = 9;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_agency_char(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
}

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return !text.empty();
}

// Caller guarantees at most nine digits, so the value fits an int.
int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Built by hand rather than with snprintf: the compiler cannot prove the fields small and would
// warn about truncation under -Werror.
void append_two_digits(std::string& out, int value) {
  out += static_cast<char>('0' + value / 10);
  out += static_cast<char>('0' + value % 10);
}

}  // namespace

bool is_valid_agency_code(std::string_view agency_code) {
  if (agency_code.empty()) return false;
  for (char c : agency_code) {
    if (!is_agency_char(c)) return false;
  }
  return true;
}

std::string format_dossier_code(std::string_view agency_code, Date receipt_date,
                                int daily_sequence) {
  if (!is_valid_agency_code(agency_code)) {
    throw std::invalid_argument("dossier code: invalid agency code");
  }
  if (daily_sequence < 1) throw std::invalid_argument("dossier code: sequence must be >= 1");
  const YearMonthDay ymd = ymd_of(receipt_date);
  if (ymd.year < 2000 || ymd.year > 2099) {
    throw std::invalid_argument("dossier code: receipt year must be within 2000..2099");
  }
  std::string code(agency_code);
  code += '-';
  append_two_digits(code, ymd.year % 100);
  append_two_digits(code, ymd.month);
  append_two_digits(code, ymd.day);
  code += '-';
  const std::string sequence = std::to_string(daily_sequence);
  code.append(sequence.size() < kMinSequenceDigits ? kMinSequenceDigits - sequence.size() : 0, '0');
  code += sequence;
  return code;
}

std::optional<DossierCode> parse_dossier_code(std::string_view code) {
  // The agency part cannot contain '-', so the first two dashes delimit the three parts.
  const std::size_t first_dash = code.find('-');
  if (first_dash == std::string_view::npos) return std::nullopt;
  const std::size_t second_dash = code.find('-', first_dash + 1);
  if (second_dash == std::string_view::npos) return std::nullopt;

  const std::string_view agency = code.substr(0, first_dash);
  const std::string_view date = code.substr(first_dash + 1, second_dash - first_dash - 1);
  const std::string_view sequence = code.substr(second_dash + 1);

  if (!is_valid_agency_code(agency)) return std::nullopt;
  if (date.size() != 6 || !all_digits(date)) return std::nullopt;
  if (!all_digits(sequence) || sequence.size() < kMinSequenceDigits ||
      sequence.size() > kMaxSequenceDigits) {
    return std::nullopt;
  }
  // Only the padding up to four digits may be zeros, so each number has exactly one spelling.
  if (sequence.size() > kMinSequenceDigits && sequence.front() == '0') return std::nullopt;

  const int year = 2000 + to_int(date.substr(0, 2));
  const int month = to_int(date.substr(2, 2));
  const int day = to_int(date.substr(4, 2));
  if (!is_valid_ymd(year, month, day)) return std::nullopt;
  const int number = to_int(sequence);
  if (number < 1) return std::nullopt;

  return DossierCode{std::string(agency), date_from_ymd(year, month, day), number};
}

std::string normalize_dossier_code(std::string_view typed) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  const auto first = typed.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = typed.find_last_not_of(kSpace);
  std::string out(typed.substr(first, last - first + 1));
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return out;
}

}  // namespace motcua::dossier
