#include "domain/text/fold.hpp"

#include <optional>

#include "domain/text/letters.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::text {

namespace {

bool is_line_break(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x0085 || cp == 0x2028 || cp == 0x2029;
}

// Invisible characters that carry no text: other C0/C1 controls, soft hyphen, zero-width space
// and joiners, word joiner, byte-order mark.
bool is_invisible(char32_t cp) {
  return (cp < 0x20 && !is_unicode_space(cp)) || (cp >= 0x7F && cp < 0xA0 && cp != 0x85) ||
         cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

// Punctuation and symbols outside ASCII that separate words in search_tokens.
bool is_separator(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z');
    return !alnum;
  }
  return (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 ||
         (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || cp == kReplacementChar;
}

// Writes white space lazily so that runs collapse and the ends are trimmed.
class SpaceWriter {
 public:
  explicit SpaceWriter(std::string& out) : out_(out) {}
  void space(bool line_break) {
    if (out_.empty()) return;
    pending_ = true;
    line_break_ = line_break_ || line_break;
  }
  void before_text() {
    if (pending_) out_.push_back(line_break_ ? '\n' : ' ');
    pending_ = false;
    line_break_ = false;
  }

 private:
  std::string& out_;
  bool pending_ = false;
  bool line_break_ = false;
};

// A vowel followed by combining marks, merged into one precomposed letter when Vietnamese has it.
std::optional<char32_t> compose_with_marks(char32_t letter, const std::u32string& marks) {
  auto vowel = vietnamese_vowel(letter);
  if (!vowel) return std::nullopt;
  for (const char32_t mark : marks) {
    if (const auto tone = tone_of_mark(mark)) {
      if (vowel->tone != Tone::none) return std::nullopt;  // two tones: leave as written
      vowel->tone = *tone;
    } else if (const auto modifier = modifier_of_mark(mark)) {
      if (vowel->modifier != Modifier::none) return std::nullopt;
      vowel->modifier = *modifier;
    } else {
      return std::nullopt;
    }
  }
  return compose(*vowel);
}

}  // namespace

bool is_unicode_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x0085 || cp == 0x00A0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool starts_with_capital(std::string_view utf8) {
  if (utf8.empty()) return false;
  std::size_t pos = 0;
  const char32_t cp = decode_utf8(utf8, pos);
  if ((cp >= 'A' && cp <= 'Z') || cp == 0x0110 || (cp >= 0x00C0 && cp <= 0x00DE && cp != 0x00D7)) {
    return true;
  }
  const auto vowel = vietnamese_vowel(cp);
  return vowel && vowel->upper;
}

std::string fold_vietnamese(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  SpaceWriter spaces(out);
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t cp = decode_utf8(utf8, pos);
    if (is_unicode_space(cp)) {
      spaces.space(false);
      continue;
    }
    if (is_invisible(cp) || is_combining_mark(cp)) continue;
    spaces.before_text();
    const std::string_view folded = fold_latin_letter(cp);
    if (!folded.empty()) {
      out.append(folded);
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::vector<std::string> search_tokens(std::string_view utf8) {
  const std::string folded = fold_vietnamese(utf8);
  std::vector<std::string> tokens;
  std::string current;
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(folded, pos);
    if (is_separator(cp)) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    } else {
      current.append(folded, start, pos - start);
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

std::string clean_text(std::string_view utf8, CleanOptions options) {
  const std::u32string cps = to_code_points(utf8);
  std::string out;
  out.reserve(utf8.size());
  SpaceWriter spaces(out);
  std::u32string marks;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    if (is_unicode_space(cp)) {
      spaces.space(options.keep_line_breaks && is_line_break(cp));
      continue;
    }
    if (is_invisible(cp)) continue;
    spaces.before_text();
    marks.clear();
    std::size_t next = i + 1;
    while (next < cps.size() && is_combining_mark(cps[next])) marks.push_back(cps[next++]);
    if (!marks.empty()) {
      if (const auto composed = compose_with_marks(cp, marks)) {
        append_utf8(out, *composed);
        i = next - 1;
        continue;
      }
    }
    append_utf8(out, cp);  // the marks, if any, follow unchanged on the next iterations
  }
  return out;
}

}  // namespace motcua::text
