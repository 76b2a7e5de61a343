#include "domain/catalog/time_text.hpp"

#include <set>
#include <string>

#include "domain/catalog/text_scan.hpp"
#include "domain/text/fold.hpp"

namespace motcua::catalog {

namespace {

enum class UnitWord { working_days, calendar_days, working_hours, months, unknown };

UnitWord unit_word(std::string_view folded) {
  if (folded == "ngay lam viec") return UnitWord::working_days;
  if (folded == "ngay") return UnitWord::calendar_days;
  if (folded == "gio" || folded == "gio lam viec") return UnitWord::working_hours;
  if (folded == "thang") return UnitWord::months;
  return UnitWord::unknown;
}

// The unit word at the start of `s` (longest first), for scanning descriptions.
UnitWord unit_prefix(std::string_view s) {
  if (scan::starts_with(s, "ngay lam viec")) return UnitWord::working_days;
  if (scan::starts_with(s, "gio")) return UnitWord::working_hours;
  if (scan::starts_with(s, "ngay")) return UnitWord::calendar_days;
  return UnitWord::unknown;
}

// Units the description gives for the number `amount`: "không quá 05 (năm) ngày làm việc".
std::set<UnitWord> units_stated_for(std::int64_t amount, std::string_view folded_description) {
  std::set<UnitWord> units;
  std::size_t pos = 0;
  while (pos < folded_description.size()) {
    if (!scan::is_digit(folded_description[pos])) {
      ++pos;
      continue;
    }
    const bool glued = pos > 0 && scan::is_digit(folded_description[pos - 1]);
    const auto value = scan::digits_value(scan::digits_at(folded_description, pos));
    std::size_t next = pos;
    while (next < folded_description.size() && folded_description[next] == ' ') ++next;
    if (next < folded_description.size() && folded_description[next] == '(') {  // "(năm)"
      const auto close = folded_description.find(')', next);
      if (close != std::string_view::npos) next = close + 1;
      while (next < folded_description.size() && folded_description[next] == ' ') ++next;
    }
    const UnitWord unit = unit_prefix(folded_description.substr(next));
    if (!glued && value == amount && unit != UnitWord::unknown) units.insert(unit);
  }
  return units;
}

clock::LimitUnit to_limit_unit(UnitWord unit) {
  switch (unit) {
    case UnitWord::calendar_days:
      return clock::LimitUnit::calendar_days;
    case UnitWord::working_hours:
      return clock::LimitUnit::working_hours;
    default:
      return clock::LimitUnit::working_days;
  }
}

TimeTerm unparsed(TimeTerm t, std::string note, WarningKind kind, std::string_view field,
                  Warnings& warnings) {
  t.status = TimeStatus::unparsed;
  t.note = std::move(note);
  warn(warnings, kind, field, t.raw, t.note);
  return t;
}

}  // namespace

TimeTerm parse_time_text(std::string_view raw, std::string_view description, std::string_view field,
                         Warnings& warnings) {
  TimeTerm t;
  t.raw = text::clean_text(raw);
  const std::string folded = text::fold_vietnamese(t.raw);
  if (folded.empty() || folded == "khong co thong tin") {
    t.status = TimeStatus::missing;
    warn(warnings, WarningKind::time_missing, field, t.raw, "no time limit given");
    return t;
  }
  if (folded == "khong quy dinh") {
    t.status = TimeStatus::not_regulated;
    t.note = "the law sets no time limit";
    return t;
  }

  std::size_t pos = 0;
  const std::string_view whole = scan::digits_at(folded, pos);
  if (whole.empty()) {
    return unparsed(std::move(t), "not a number and a unit", WarningKind::time_unparsed, field,
                    warnings);
  }
  std::string_view fraction;
  if (pos + 1 < folded.size() && (folded[pos] == '.' || folded[pos] == ',') &&
      scan::is_digit(folded[pos + 1])) {
    ++pos;
    fraction = scan::digits_at(folded, pos);
  }
  const std::string_view unit_text = scan::trim(std::string_view(folded).substr(pos));
  const auto amount = scan::digits_value(whole);
  if (fraction.size() >= 3) {
    return unparsed(std::move(t), "a thousands separator: this looks like an amount of money",
                    WarningKind::time_unparsed, field, warnings);
  }
  if (fraction.find_first_not_of('0') != std::string_view::npos) {
    return unparsed(std::move(t), "a fraction of a unit cannot be a whole-unit time limit",
                    WarningKind::time_fractional, field, warnings);
  }
  if (!amount || *amount > clock::kMaxLimitAmount) {
    return unparsed(std::move(t), "the number is too large for a time limit",
                    WarningKind::time_unparsed, field, warnings);
  }

  UnitWord unit = unit_word(unit_text);
  if (unit_text.empty()) {
    const auto stated = units_stated_for(*amount, text::fold_vietnamese(description));
    if (stated.size() != 1) {
      return unparsed(std::move(t), "a number without a unit; no unit guessed",
                      WarningKind::time_unit_missing, field, warnings);
    }
    unit = *stated.begin();
    t.note = "unit taken from the description";
    warn(warnings, WarningKind::time_unit_inferred, field, t.raw, t.note);
  } else if (unit == UnitWord::months) {
    return unparsed(std::move(t), "months are not a unit of the legal clock; not converted",
                    WarningKind::time_months, field, warnings);
  } else if (unit == UnitWord::unknown) {
    return unparsed(std::move(t), "unknown unit '" + std::string(unit_text) + "'",
                    WarningKind::time_unparsed, field, warnings);
  }
  t.status = TimeStatus::limit;
  t.limit = clock::TimeLimit{*amount, to_limit_unit(unit)};
  return t;
}

}  // namespace motcua::catalog
