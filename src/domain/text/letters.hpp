// Letter tables for Vietnamese text: how each precomposed vowel splits into a base letter, a
// modifier (breve, circumflex, horn) and a tone, and how other Latin letters fold to ASCII.
// Internal to src/domain/text; other folders use fold.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace motcua::text {

// The five written tones plus "none" (thanh ngang), in the order of the table columns.
enum class Tone : std::uint8_t { none, grave, acute, hook, tilde, dot_below };
// Vowel modifiers: ă (breve), â ê ô (circumflex), ơ ư (horn).
enum class Modifier : std::uint8_t { none, breve, circumflex, horn };

struct VietnameseVowel {
  char base = 'a';  // lower-case ASCII vowel: a e i o u y
  Modifier modifier = Modifier::none;
  Tone tone = Tone::none;
  bool upper = false;
  friend bool operator==(const VietnameseVowel&, const VietnameseVowel&) = default;
};

// Any of the 134 Vietnamese vowels (12 vowels x 6 tones, both cases, counting plain ASCII
// vowels), or nothing.
std::optional<VietnameseVowel> vietnamese_vowel(char32_t cp);
// The precomposed (NFC) code point, or nothing when Vietnamese has no such letter (e.g. i-breve).
std::optional<char32_t> compose(const VietnameseVowel& v);

// Combining marks Vietnamese text uses when it is decomposed (NFD) or typed with old keyboards.
std::optional<Tone> tone_of_mark(char32_t cp);
std::optional<Modifier> modifier_of_mark(char32_t cp);
bool is_combining_mark(char32_t cp);

// The ASCII letters a Latin letter folds to ("a" for U+1EA4 "Ấ", "d" for "đ", "ss" for "ß"), in
// lower case; empty when `cp` is not a letter of Basic Latin, Latin-1 Supplement, Latin
// Extended-A/B or Latin Extended Additional.
std::string_view fold_latin_letter(char32_t cp);

}  // namespace motcua::text
