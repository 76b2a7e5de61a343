#include "integrations/sms/sms_text.hpp"

#include <string_view>

#include "domain/text/unaccent.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::integrations::sms {

namespace {

constexpr int kGsmSingle = 160;
constexpr int kGsmPart = 153;
constexpr int kUcs2Single = 70;
constexpr int kUcs2Part = 67;

bool gsm_character(char32_t cp) {
  return cp == '\n' || cp == '\r' || (cp >= 0x20 && cp < 0x7F && cp != '`');
}

// Characters of the GSM-7 extension table: sent as ESC + code, so two septets.
bool gsm_extension(char32_t cp) {
  return cp == '^' || cp == '{' || cp == '}' || cp == '\\' || cp == '[' || cp == ']' || cp == '~' ||
         cp == '|';
}

// Parts needed for characters of the given widths when a single part holds `single` units and a
// part of a long message `part` units; a character never straddles two parts.
template <typename Widths>
int parts_for(const Widths& widths, int total, int single, int part) {
  if (total <= single) return 1;
  int parts = 1;
  int used = 0;
  for (const int w : widths) {
    if (used + w > part) {
      ++parts;
      used = 0;
    }
    used += w;
  }
  return parts;
}

}  // namespace

bool gsm7_sendable(std::string_view utf8) {
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    if (!gsm_character(text::decode_utf8(utf8, pos))) return false;
  }
  return true;
}

SegmentCount count_segments(std::string_view utf8) {
  const std::u32string cps = text::to_code_points(utf8);
  std::basic_string<int> widths;
  SegmentCount count;
  count.encoding = gsm7_sendable(utf8) ? SmsEncoding::gsm7 : SmsEncoding::ucs2;
  for (const char32_t cp : cps) {
    const int w =
        count.encoding == SmsEncoding::gsm7 ? (gsm_extension(cp) ? 2 : 1) : (cp > 0xFFFF ? 2 : 1);
    widths.push_back(w);
    count.units += w;
  }
  count.segments = count.encoding == SmsEncoding::gsm7
                       ? parts_for(widths, count.units, kGsmSingle, kGsmPart)
                       : parts_for(widths, count.units, kUcs2Single, kUcs2Part);
  return count;
}

std::string to_gsm7_text(std::string_view utf8) {
  const std::string plain = text::unaccent_vietnamese(utf8);
  std::string out;
  out.reserve(plain.size());
  std::size_t pos = 0;
  while (pos < plain.size()) {
    const char32_t cp = text::decode_utf8(plain, pos);
    if (gsm_character(cp)) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    switch (cp) {
      case U'\u2018':
      case U'\u2019':
      case U'`':
        out.push_back('\'');
        break;
      case U'\u201C':
      case U'\u201D':
      case U'\u00AB':
      case U'\u00BB':
        out.push_back('"');
        break;
      case U'\u2013':
      case U'\u2014':
        out.push_back('-');
        break;
      case U'\u2026':
        out.append("...");
        break;
      case U'\t':
      case U'\u00A0':
      case U'\u202F':
        out.push_back(' ');
        break;
      default:
        out.push_back('?');
    }
  }
  return out;
}

SmsText prepare_sms_text(std::string_view rendered, SmsCharset charset, int max_unicode_parts) {
  SmsText result;
  result.text = std::string(rendered);
  result.count = count_segments(result.text);
  if (result.count.encoding == SmsEncoding::gsm7) return result;
  if (charset == SmsCharset::unicode && result.count.segments <= max_unicode_parts) return result;
  result.text = to_gsm7_text(rendered);
  result.count = count_segments(result.text);
  result.unaccented = true;
  return result;
}

}  // namespace motcua::integrations::sms
