#include "domain/text/unaccent.hpp"

#include "domain/text/letters.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::text {

std::string unaccent_vietnamese(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t cp = decode_utf8(utf8, pos);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp == U'đ') {
      out.push_back('d');
    } else if (cp == U'Đ') {
      out.push_back('D');
    } else if (const auto vowel = vietnamese_vowel(cp)) {
      out.push_back(vowel->upper ? static_cast<char>(vowel->base - 'a' + 'A') : vowel->base);
    } else if (is_combining_mark(cp)) {
      // A decomposed tone or modifier: its base letter was already written.
    } else if (const auto folded = fold_latin_letter(cp); !folded.empty()) {
      out.append(folded);
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

}  // namespace motcua::text
