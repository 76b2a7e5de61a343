#include "codec/iso_time.hpp"

#include <cctype>

namespace motcua::codec {

namespace {

// Reads exactly `digits` decimal digits at `pos`.
bool read_number(std::string_view s, std::size_t& pos, int digits, int& out) {
  if (pos + static_cast<std::size_t>(digits) > s.size()) return false;
  int value = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = s[pos++];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  out = value;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

std::string bad_date(std::string_view text) {
  return "malformed date '" + std::string(text) + "' (expected YYYY-MM-DD)";
}

std::string bad_time(std::string_view text) {
  return "malformed date-time '" + std::string(text) + "' (expected YYYY-MM-DDTHH:MM[:SS][+07:00])";
}

bool read_date(std::string_view s, std::size_t& pos, Date& out) {
  int y = 0, m = 0, d = 0;
  if (!read_number(s, pos, 4, y) || !expect(s, pos, '-') || !read_number(s, pos, 2, m) ||
      !expect(s, pos, '-') || !read_number(s, pos, 2, d) || !is_valid_ymd(y, m, d)) {
    return false;
  }
  out = date_from_ymd(y, m, d);
  return true;
}

}  // namespace

tl::expected<Date, std::string> parse_iso_date(std::string_view text) {
  std::size_t pos = 0;
  Date d;
  if (!read_date(text, pos, d) || pos != text.size()) return tl::unexpected(bad_date(text));
  return d;
}

tl::expected<Instant, std::string> parse_iso_instant(std::string_view text,
                                                     int default_offset_minutes) {
  std::size_t pos = 0;
  Date d;
  int hh = 0, mm = 0, ss = 0;
  if (!read_date(text, pos, d)) return tl::unexpected(bad_time(text));
  if (pos >= text.size() || (text[pos] != 'T' && text[pos] != ' ')) {
    return tl::unexpected(bad_time(text));
  }
  ++pos;
  if (!read_number(text, pos, 2, hh) || !expect(text, pos, ':') || !read_number(text, pos, 2, mm)) {
    return tl::unexpected(bad_time(text));
  }
  if (pos < text.size() && text[pos] == ':' && !(++pos, read_number(text, pos, 2, ss))) {
    return tl::unexpected(bad_time(text));
  }
  if (hh > 23 || mm > 59 || ss > 59) return tl::unexpected(bad_time(text));
  int offset = default_offset_minutes;
  if (pos < text.size()) {
    if (text[pos] == 'Z' && pos + 1 == text.size()) {
      offset = 0;
      ++pos;
    } else if (text[pos] == '+' || text[pos] == '-') {
      const int sign = text[pos++] == '-' ? -1 : 1;
      int oh = 0, om = 0;
      if (!read_number(text, pos, 2, oh) || !expect(text, pos, ':') ||
          !read_number(text, pos, 2, om) || oh > 14 || om > 59) {
        return tl::unexpected(bad_time(text));
      }
      offset = sign * (oh * 60 + om);
    }
  }
  if (pos != text.size()) return tl::unexpected(bad_time(text));
  return from_local(d, hh * kSecondsPerHour + mm * kSecondsPerMinute + ss, offset);
}

}  // namespace motcua::codec
