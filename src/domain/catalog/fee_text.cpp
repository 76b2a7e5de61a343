#include "domain/catalog/fee_text.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "domain/catalog/text_scan.hpp"
#include "domain/text/fold.hpp"

namespace motcua::catalog {

namespace {

constexpr std::int64_t kImplausibleBelow = 1000;  // đồng; the smallest real fees are thousands

struct CurrencyWord {
  std::string_view folded;
  Currency currency;
};
// Longest first, so "viet nam dong" wins over "dong".
constexpr CurrencyWord kCurrencyWords[] = {
    {"viet nam dong", Currency::vnd}, {"vnd", Currency::vnd}, {"dong", Currency::vnd},
    {"usd", Currency::usd},           {"d", Currency::vnd},
};

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto end = std::min(s.find('\n', start), s.size());
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool means_free(std::string_view folded) {
  return folded == "mien phi" || folded == "khong" || folded == "mien" ||
         scan::starts_with(folded, "mien phi") || scan::starts_with(folded, "mien le phi") ||
         scan::starts_with(folded, "khong dong") || scan::starts_with(folded, "khong thu");
}

std::string_view skip_words(std::string_view s, int words) {
  for (int i = 0; i < words; ++i) {
    s = scan::trim(s);
    const auto space = s.find(' ');
    s = space == std::string_view::npos ? std::string_view() : s.substr(space);
  }
  return scan::trim(s);
}

// Splits "Phí : 2.000.000 Đồng" / "Lệ phí: 50,000 đồng" into the kind its prefix names and the
// rest of the raw line; a line without such a prefix is all value.
FeeKind take_kind(std::string_view folded, std::string_view raw, std::string_view& value_raw) {
  int prefix_words = 0;
  FeeKind kind = FeeKind::unspecified;
  if (scan::starts_with(folded, "le phi")) {
    kind = FeeKind::charge;
    prefix_words = 2;
  } else if (scan::starts_with(folded, "phi")) {
    kind = FeeKind::fee;
    prefix_words = 1;
  }
  const std::size_t after_prefix = prefix_words == 2 ? 6 : 3;
  const bool word_ends =
      kind != FeeKind::unspecified &&
      (folded.size() == after_prefix || folded[after_prefix] == ' ' || folded[after_prefix] == ':');
  if (!word_ends) {
    value_raw = raw;
    return FeeKind::unspecified;
  }
  const auto colon = raw.find(':');
  value_raw = colon != std::string_view::npos && colon < 16 ? raw.substr(colon + 1)
                                                            : skip_words(raw, prefix_words);
  return kind;
}

// Numbers the description writes in USD: "(... 155 USD/thẻ.)".
std::set<std::int64_t> usd_numbers_in(std::string_view folded_description) {
  std::set<std::int64_t> numbers;
  std::size_t pos = 0;
  while (pos < folded_description.size()) {
    if (!scan::is_digit(folded_description[pos])) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    while (pos < folded_description.size() &&
           (scan::is_digit(folded_description[pos]) || folded_description[pos] == '.' ||
            folded_description[pos] == ',')) {
      ++pos;
    }
    const std::string_view number = folded_description.substr(start, pos - start);
    if (scan::starts_with(scan::trim(folded_description.substr(pos)), "usd")) {
      if (const auto cents = parse_money(number, Currency::usd)) numbers.insert(*cents / 100);
    }
  }
  return numbers;
}

// The bracketed note after the amount: "(Thẩm định cấp phép ...)".
std::string note_after(std::string_view raw_value) {
  const auto open = raw_value.find('(');
  if (open == std::string_view::npos) return {};
  std::string_view note = scan::trim(raw_value.substr(open + 1));
  if (!note.empty() && note.back() == ')') note.remove_suffix(1);
  return std::string(scan::trim(note));
}

}  // namespace

std::optional<std::int64_t> parse_money(std::string_view number, Currency currency) {
  while (!number.empty() && (number.back() == '.' || number.back() == ',')) number.remove_suffix(1);
  if (number.empty() || !scan::is_digit(number.front())) return std::nullopt;
  // Split at separators; all groups after the first of 3 digits means thousands.
  std::vector<std::string_view> groups;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= number.size(); ++i) {
    if (i == number.size() || number[i] == '.' || number[i] == ',') {
      groups.push_back(number.substr(start, i - start));
      start = i + 1;
    } else if (!scan::is_digit(number[i])) {
      return std::nullopt;
    }
  }
  const std::int64_t scale = currency == Currency::usd ? 100 : 1;
  if (groups.size() == 1) {
    const auto v = scan::digits_value(groups[0]);
    return v ? std::optional<std::int64_t>(*v * scale) : std::nullopt;
  }
  const bool thousands = groups[0].size() <= 3 && !groups[0].empty() &&
                         std::all_of(groups.begin() + 1, groups.end(),
                                     [](std::string_view g) { return g.size() == 3; });
  if (thousands) {
    std::string digits;
    for (const auto g : groups) digits += g;
    const auto v = scan::digits_value(digits);
    return v ? std::optional<std::int64_t>(*v * scale) : std::nullopt;
  }
  if (groups.size() == 2 && currency == Currency::usd && groups[1].size() <= 2 &&
      !groups[1].empty()) {
    const auto whole = scan::digits_value(groups[0]);
    const auto cents = scan::digits_value(groups[1]);
    if (!whole || !cents) return std::nullopt;
    return *whole * 100 + (groups[1].size() == 1 ? *cents * 10 : *cents);
  }
  return std::nullopt;
}

Fee parse_fee_text(std::string_view raw, std::string_view description, std::string_view field,
                   Warnings& warnings) {
  Fee fee;
  fee.raw = text::clean_text(raw, {.keep_line_breaks = true});
  const std::string folded_all = text::fold_vietnamese(fee.raw);
  if (folded_all.empty() || folded_all == "khong co thong tin") {
    fee.status = FeeStatus::missing;
    warn(warnings, WarningKind::fee_missing, field, fee.raw, "no fee given");
    return fee;
  }
  if (means_free(folded_all)) {
    fee.status = FeeStatus::free;
    return fee;
  }
  const std::set<std::int64_t> usd_in_description =
      usd_numbers_in(text::fold_vietnamese(description));
  bool said_free = false;
  for (const std::string_view line : split_lines(fee.raw)) {
    const std::string folded_line = text::fold_vietnamese(line);
    if (folded_line.empty() || scan::starts_with(folded_line, "file dinh kem")) continue;
    std::string_view value_raw;
    const FeeKind kind = take_kind(folded_line, line, value_raw);
    value_raw = scan::trim(value_raw);
    const std::string value = text::fold_vietnamese(value_raw);
    if (means_free(value)) {
      said_free = true;
      continue;
    }
    std::size_t pos = 0;
    while (pos < value.size() &&
           (scan::is_digit(value[pos]) || value[pos] == '.' || value[pos] == ',')) {
      ++pos;
    }
    const std::string_view number = std::string_view(value).substr(0, pos);
    const std::string_view after = scan::trim(std::string_view(value).substr(pos));
    const auto word = std::find_if(
        std::begin(kCurrencyWords), std::end(kCurrencyWords), [&](const CurrencyWord& w) {
          return scan::starts_with(after, w.folded) &&
                 (after.size() == w.folded.size() ||
                  !std::isalnum(static_cast<unsigned char>(after[w.folded.size()])));
        });
    const auto amount =
        word == std::end(kCurrencyWords) ? std::nullopt : parse_money(number, word->currency);
    if (!amount) {
      fee.unparseable = true;
      warn(warnings, WarningKind::fee_unparsed, field, line, "no amount and currency to read");
      continue;
    }
    FeeAmount a{kind, word->currency, *amount, note_after(value_raw)};
    if (a.currency == Currency::vnd && usd_in_description.count(a.amount) > 0) {
      a.currency = Currency::usd;
      a.amount *= 100;
      warn(warnings, WarningKind::fee_currency_corrected, field, line,
           "the description gives the same number in USD; read as USD");
    } else if (a.currency == Currency::vnd && a.amount > 0 && a.amount < kImplausibleBelow) {
      warn(warnings, WarningKind::fee_amount_implausible, field, line,
           "under 1,000 đồng: the thousands were probably dropped; kept as written");
    }
    if (a.currency != Currency::vnd) fee.foreign_currency = true;
    fee.amounts.push_back(std::move(a));
  }
  if (fee.foreign_currency) {
    warn(warnings, WarningKind::fee_foreign_currency, field, fee.raw, "an amount is not in VND");
  }
  const bool all_zero = std::all_of(fee.amounts.begin(), fee.amounts.end(),
                                    [](const FeeAmount& a) { return a.amount == 0; });
  if (!fee.amounts.empty() && !(all_zero && fee.unparseable)) {
    fee.status = all_zero ? FeeStatus::free : FeeStatus::amounts;
  } else if (said_free) {
    fee.status = FeeStatus::free;
  } else {
    fee.status = fee.unparseable ? FeeStatus::unparsed : FeeStatus::missing;
  }
  return fee;
}

}  // namespace motcua::catalog
