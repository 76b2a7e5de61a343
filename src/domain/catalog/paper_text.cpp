#include "domain/catalog/paper_text.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "domain/catalog/text_scan.hpp"
#include "domain/text/fold.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::catalog {

namespace {

constexpr int kMaxPlausibleCount = 20;
constexpr std::size_t kMaxFileName = 150;
constexpr std::array<std::string_view, 9> kExtensions{"docx", "doc", "pdf", "xlsx", "xls",
                                                      "odt",  "rtf", "zip", "rar"};

struct Count {
  int value = 0;
  std::string glued;
};

// The number written next to "ban chinh"/"ban sao" at `at`: after it when a colon follows
// ("ban chinh: 1"), else before it ("1 ban chinh").
std::optional<Count> count_near(std::string_view folded, std::size_t at, std::size_t length) {
  std::string_view digits;
  std::size_t pos = at + length;
  while (pos < folded.size() && folded[pos] == ' ') ++pos;
  if (pos < folded.size() && folded[pos] == ':') {  // "ban chinh: 1"
    ++pos;
    while (pos < folded.size() && folded[pos] == ' ') ++pos;
    digits = scan::digits_at(folded, pos);
  } else {  // "1 ban chinh"
    std::size_t end = at;
    while (end > 0 && folded[end - 1] == ' ') --end;
    std::size_t start = end;
    while (start > 0 && scan::is_digit(folded[start - 1])) --start;
    digits = folded.substr(start, end - start);
  }
  if (digits.empty()) return std::nullopt;
  Count c;
  const auto value = scan::digits_value(digits);
  if (digits.size() > 2 || !value || *value > kMaxPlausibleCount) {
    c.glued = std::string(digits.substr(0, digits.size() - 1));
    c.value = digits.back() - '0';
  } else {
    c.value = static_cast<int>(*value);
  }
  return c;
}

bool balanced(std::string_view s) {
  int depth = 0;
  for (const char c : s) {
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return false;
  }
  return depth == 0;
}

// True when `s` starts with a small letter (a-z, or a Vietnamese letter that is not a capital).
bool is_small_letter(std::string_view s) {
  if (s.empty() || text::starts_with_capital(s)) return false;
  std::size_t length = 0;
  text::decode_utf8(s, length);
  const std::string folded = text::fold_vietnamese(s.substr(0, length));
  return folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z';
}

}  // namespace

CopyCountReading read_copy_count(std::string_view raw) {
  CopyCountReading r;
  const std::string folded = text::fold_vietnamese(raw);
  bool seen_original = false;
  bool seen_copy = false;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const auto original = folded.find("ban chinh", pos);
    const auto copy = folded.find("ban sao", pos);
    if (original == std::string::npos && copy == std::string::npos) break;
    const bool is_original =
        copy == std::string::npos || (original != std::string::npos && original < copy);
    const std::size_t at = is_original ? original : copy;
    const std::size_t length = is_original ? 9 : 7;
    pos = at + length;
    const auto count = count_near(folded, at, length);
    if (!count) continue;
    bool& seen = is_original ? seen_original : seen_copy;
    if (seen) {
      r.repeated = true;
      continue;
    }
    seen = true;
    r.parsed = true;
    (is_original ? r.originals : r.copies) = count->value;
    if (r.glued_digits.empty()) r.glued_digits = count->glued;
  }
  return r;
}

bool ends_with_file_name(std::string_view text) {
  text = scan::trim(text);
  const auto dot = text.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string ext(text.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto e : kExtensions) {
    if (ext == e) return true;
  }
  return false;
}

NameAndForm split_form_file(std::string_view text) {
  text = scan::trim(text);
  if (!ends_with_file_name(text)) return {std::string(text), {}};
  const std::size_t extension = text.rfind('.');
  auto plausible = [&](std::size_t file_start) {
    const std::string_view file = text.substr(file_start);
    return file_start + 1 < extension && file.size() <= kMaxFileName && balanced(file) &&
           file.find('/') == std::string_view::npos;  // no file name holds a "/"
  };
  // 1. Punctuation glued to the next character: "...(NA8)9-Mẫu NA8.doc", "...cá nhân;7-Mẫu".
  for (std::size_t i = 1; i + 1 < extension; ++i) {
    const char c = text[i];
    const char next = text[i + 1];
    if (next == ' ' || next == ')' || next == ';' || next == ':' || next == '.' || next == ',' ||
        next == '/') {
      continue;
    }
    const bool between_digits = c == '.' && scan::is_digit(text[i - 1]);
    if ((c == ')' || c == ';' || c == ':' || c == '.') && !between_digits && plausible(i + 1)) {
      return {std::string(scan::trim(text.substr(0, i + (c == ')' ? 1 : 0)))),
              std::string(text.substr(i + 1))};
    }
  }
  // 2. A change of case with no space: "theo mẫuTK 1.010704.docx" (small, capital) or
  // "NĐ-CPPhụ lục IV.docx" (capital, capital, small). Sentences put a space before a capital.
  std::vector<std::size_t> starts;  // code point starts
  for (std::size_t pos = 0; pos < extension;) {
    starts.push_back(pos);
    text::decode_utf8(text, pos);
  }
  for (std::size_t k = 1; k + 1 < starts.size(); ++k) {
    const std::string_view here = text.substr(starts[k]);
    const bool prime_minister = scan::starts_with(here, "TTg") ||
                                scan::starts_with(text.substr(starts[k - 1]), "TTg");  // QĐ-TTg
    if (!text::starts_with_capital(here) || prime_minister) continue;
    const std::string_view before = text.substr(starts[k - 1], starts[k] - starts[k - 1]);
    const std::string_view after = text.substr(starts[k + 1]);
    const bool small_then_capital = is_small_letter(before);
    const bool capitals_then_small =
        text::starts_with_capital(before) && !after.empty() && is_small_letter(after);
    if ((small_then_capital || capitals_then_small) && plausible(starts[k])) {
      return {std::string(text.substr(0, starts[k])), std::string(text.substr(starts[k]))};
    }
  }
  return {std::string(text), {}};
}

bool is_optional_paper(std::string_view name) {
  const std::string folded = text::fold_vietnamese(name);
  return folded.find("neu co") != std::string::npos || folded.starts_with("truong hop ") ||
         folded.find("trong truong hop ") != std::string::npos;
}

}  // namespace motcua::catalog
