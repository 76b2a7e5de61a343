#include "domain/text/letters.hpp"

#include <array>
#include <cstddef>
#include <unordered_map>

#include "domain/text/utf8.hpp"

namespace motcua::text {

namespace {

// One row per vowel (base letter + modifier); columns are the tones in enum order:
// none, grave (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot below (nặng).
struct VowelRow {
  char base;
  Modifier modifier;
  const char* lower;
  const char* upper;
};
constexpr std::array<VowelRow, 12> kVowelRows{{
    {'a', Modifier::none, "aàáảãạ", "AÀÁẢÃẠ"},
    {'a', Modifier::breve, "ăằắẳẵặ", "ĂẰẮẲẴẶ"},
    {'a', Modifier::circumflex, "âầấẩẫậ", "ÂẦẤẨẪẬ"},
    {'e', Modifier::none, "eèéẻẽẹ", "EÈÉẺẼẸ"},
    {'e', Modifier::circumflex, "êềếểễệ", "ÊỀẾỂỄỆ"},
    {'i', Modifier::none, "iìíỉĩị", "IÌÍỈĨỊ"},
    {'o', Modifier::none, "oòóỏõọ", "OÒÓỎÕỌ"},
    {'o', Modifier::circumflex, "ôồốổỗộ", "ÔỒỐỔỖỘ"},
    {'o', Modifier::horn, "ơờớởỡợ", "ƠỜỚỞỠỢ"},
    {'u', Modifier::none, "uùúủũụ", "UÙÚỦŨỤ"},
    {'u', Modifier::horn, "ưừứửữự", "ƯỪỨỬỮỰ"},
    {'y', Modifier::none, "yỳýỷỹỵ", "YỲÝỶỸỴ"},
}};

constexpr std::size_t kTones = 6;

struct VowelTables {
  std::unordered_map<char32_t, VietnameseVowel> by_code_point;
  // [upper][row][tone]
  std::array<std::array<std::array<char32_t, kTones>, kVowelRows.size()>, 2> composed{};
};

const VowelTables& vowel_tables() {
  static const VowelTables tables = [] {
    VowelTables t;
    for (std::size_t row = 0; row < kVowelRows.size(); ++row) {
      for (int upper = 0; upper < 2; ++upper) {
        const std::u32string letters =
            to_code_points(upper != 0 ? kVowelRows[row].upper : kVowelRows[row].lower);
        for (std::size_t tone = 0; tone < kTones && tone < letters.size(); ++tone) {
          t.composed[static_cast<std::size_t>(upper)][row][tone] = letters[tone];
          t.by_code_point[letters[tone]] = VietnameseVowel{
              kVowelRows[row].base, kVowelRows[row].modifier, static_cast<Tone>(tone), upper != 0};
        }
      }
    }
    return t;
  }();
  return tables;
}

// ASCII folds of whole Unicode blocks, one character per code point; '.' means "not a letter we
// fold" (the code point is kept). Derived from each letter's base letter; letters with a stroke or
// hook and no canonical decomposition (đ, ł, ø, ƀ ...) fold to the letter they are read as.
constexpr std::string_view kLatin1 =  // U+00C0..U+00FF
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy.."
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy.y";
constexpr std::string_view kLatinExtendedA =  // U+0100..U+017F
    "aaaaaaccccccccddddeeeeeeeeeegggg"
    "gggghhhhiiiiiiiiii..jjkkklllllll"
    "lllnnnnnnnnnoooooo..rrrrrrssssss"
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
constexpr std::string_view kLatinExtendedB =  // U+0180..U+024F
    "bbbb...ccdddd...effg...ikkl..nno"
    "oo..pp.....ttttuu.vyyzz........."
    ".............aaiioouuuuuuuuuu.aa"
    "aa..ggggkkoooo..j...gg..nnaa...."
    "aaaaeeeeiiiioooorrrruuuusstt..hh"
    ".d..zzaaeeooooooooyylntj..acclts"
    "z..bu.eejjqqrryy";
constexpr std::string_view kLatinExtendedAdditional =  // U+1E00..U+1EFF
    "aabbbbbbccddddddddddeeeeeeeeeeff"
    "gghhhhhhhhhhiiiikkkkkkllllllllmm"
    "mmmmnnnnnnnnoooooooopppprrrrrrrr"
    "ssssssssssttttttttuuuuuuuuuuvvvv"
    "wwwwwwwwwwxxxxyyzzzzzzhtwy......"
    "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee"
    "eeeeeeeeiiiioooooooooooooooooooo"
    "oooouuuuuuuuuuuuuuyyyyyyyy......";

constexpr std::string_view kLowerAscii = "abcdefghijklmnopqrstuvwxyz";

std::string_view from_table(std::string_view table, char32_t first, char32_t cp) {
  const auto index = static_cast<std::size_t>(cp - first);
  if (index >= table.size() || table[index] == '.') return {};
  return table.substr(index, 1);
}

}  // namespace

std::optional<VietnameseVowel> vietnamese_vowel(char32_t cp) {
  const auto& map = vowel_tables().by_code_point;
  const auto it = map.find(cp);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

std::optional<char32_t> compose(const VietnameseVowel& v) {
  for (std::size_t row = 0; row < kVowelRows.size(); ++row) {
    if (kVowelRows[row].base == v.base && kVowelRows[row].modifier == v.modifier) {
      return vowel_tables().composed[v.upper ? 1 : 0][row][static_cast<std::size_t>(v.tone)];
    }
  }
  return std::nullopt;
}

std::optional<Tone> tone_of_mark(char32_t cp) {
  switch (cp) {
    case 0x0300:  // combining grave
    case 0x0340:  // combining grave tone mark (canonically equal to U+0300)
      return Tone::grave;
    case 0x0301:
    case 0x0341:
      return Tone::acute;
    case 0x0309:
      return Tone::hook;
    case 0x0303:
      return Tone::tilde;
    case 0x0323:
      return Tone::dot_below;
    default:
      return std::nullopt;
  }
}

std::optional<Modifier> modifier_of_mark(char32_t cp) {
  switch (cp) {
    case 0x0306:
      return Modifier::breve;
    case 0x0302:
      return Modifier::circumflex;
    case 0x031B:
      return Modifier::horn;
    default:
      return std::nullopt;
  }
}

bool is_combining_mark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

std::string_view fold_latin_letter(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return kLowerAscii.substr(cp - 'A', 1);
  if (cp >= 'a' && cp <= 'z') return kLowerAscii.substr(cp - 'a', 1);
  switch (cp) {  // letters that fold to two ASCII letters
    case 0x00C6:
    case 0x00E6:
      return "ae";
    case 0x00DE:
    case 0x00FE:
      return "th";
    case 0x00DF:
    case 0x1E9E:
      return "ss";
    case 0x0132:
    case 0x0133:
      return "ij";
    case 0x0152:
    case 0x0153:
      return "oe";
    default:
      break;
  }
  if (cp >= 0x00C0 && cp <= 0x00FF) return from_table(kLatin1, 0x00C0, cp);
  if (cp >= 0x0100 && cp <= 0x017F) return from_table(kLatinExtendedA, 0x0100, cp);
  if (cp >= 0x0180 && cp <= 0x024F) return from_table(kLatinExtendedB, 0x0180, cp);
  if (cp >= 0x1E00 && cp <= 0x1EFF) return from_table(kLatinExtendedAdditional, 0x1E00, cp);
  return {};
}

}  // namespace motcua::text
