// Vietnamese text normalisation for search, comparison and display.
//
// Vietnamese reaches us in many shapes: precomposed (NFC) or decomposed (NFD) letters, tone marks
// placed on different vowels ("Hòa" and "Hoà" are the same name), upper or lower case, NBSP from
// web pages, stray invalid bytes. Two operations cover the needs:
//  - fold_vietnamese: a search key. Lower case, every diacritic removed, đ -> d, all Unicode
//    spaces -> one ASCII space, trimmed. "Đăng  ký KHAI SINH" and "dang ky khai sinh" fold equal,
//    and so do both tone placements, because tones are dropped.
//  - clean_text: a display form. Case and diacritics are kept; Vietnamese letters are composed to
//    NFC (also from NFD input, in any mark order); spaces are collapsed and trimmed.
// Invalid UTF-8 never stops either function: each bad byte becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua::text {

std::string fold_vietnamese(std::string_view utf8);

// The folded words of a text: runs of letters and digits, split at spaces and punctuation.
std::vector<std::string> search_tokens(std::string_view utf8);

struct CleanOptions {
  // Keep line breaks (a whitespace run containing one becomes a single "\n"), for multi-line
  // descriptions; otherwise every whitespace run becomes one space.
  bool keep_line_breaks = false;
};
std::string clean_text(std::string_view utf8, CleanOptions options = {});

// True when the text starts with a capital letter of Vietnamese (A-Z, Đ, and every capital vowel
// with its marks, precomposed) or Latin-1 (À-Þ). Used to find where glued words begin.
bool starts_with_capital(std::string_view utf8);

// Unicode white space (ASCII, NBSP U+00A0, U+1680, U+2000..U+200A, U+2028/9, U+202F, U+205F,
// U+3000, U+0085).
bool is_unicode_space(char32_t cp);

}  // namespace motcua::text
