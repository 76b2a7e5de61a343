#include "store/dossier_times.hpp"

#include "domain/calendar/date.hpp"
#include "store/event_encoding.hpp"

namespace motcua::store {

namespace {

// The offset of the canonical text (store/event_encoding.hpp).
constexpr int kCanonicalOffsetMinutes = 7 * 60;

// The digits at [from, from + width), nullopt when one is not a digit.
std::optional<int> digits(std::string_view s, std::size_t from, std::size_t width) {
  int n = 0;
  for (std::size_t i = from; i < from + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    n = n * 10 + (s[i] - '0');
  }
  return n;
}

// The epoch seconds of the local date and time at the start of `s` ("YYYY-MM-DDTHH:MM:SS", or
// "YYYY-MM-DD" alone when `with_time` is false) at `offset_minutes`.
std::optional<std::int64_t> local_seconds(std::string_view s, bool with_time, int offset_minutes) {
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
  if (!y || !mo || !d || *y < 1 || *mo < 1 || *mo > 12 || *d < 1) return std::nullopt;
  // A time must name a real day (a 30 February is text only, as migration 0068 reads it). A date
  // bound may run past its month's end ("2026-04-31", from a month arithmetic): it is the next
  // day's midnight, as the text comparison it replaces ordered it.
  if (with_time ? !is_valid_ymd(*y, *mo, *d) : *d > 31) return std::nullopt;
  Seconds second_of_day = 0;
  if (with_time) {
    if (s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
    const auto h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
    if (!h || !mi || !se || *h > 23 || *mi > 59 || *se > 59) return std::nullopt;
    second_of_day = *h * kSecondsPerHour + *mi * kSecondsPerMinute + *se;
  }
  return from_local(date_from_ymd(*y, *mo, *d), second_of_day, offset_minutes).seconds;
}

}  // namespace

std::optional<std::int64_t> iso_time_seconds(std::string_view text) {
  if (text.size() == 20 && text[19] == 'Z') return local_seconds(text, true, 0);
  if (text.size() != 25 || (text[19] != '+' && text[19] != '-') || text[22] != ':') {
    return std::nullopt;
  }
  const auto h = digits(text, 20, 2), m = digits(text, 23, 2);
  if (!h || !m || *h > 14 || *m > 59) return std::nullopt;
  const int offset = (text[19] == '-' ? -1 : 1) * (*h * 60 + *m);
  return local_seconds(text, true, offset);
}

StoredTime stored_time(const std::optional<std::string>& text) {
  if (!text) return {nullptr, nullptr};
  const auto seconds = iso_time_seconds(*text);
  if (!seconds) return {nullptr, *text};
  if (canonical_event_time(*seconds) == *text) return {*seconds, nullptr};
  return {*seconds, *text};
}

std::optional<std::string> time_from(const SqlValue& seconds, const SqlValue& text) {
  if (const auto* t = std::get_if<std::string>(&text)) return *t;
  if (const auto* s = std::get_if<std::int64_t>(&seconds)) return canonical_event_time(*s);
  return std::nullopt;
}

std::optional<std::int64_t> bound_seconds(std::string_view text) {
  if (text.size() == 10) return local_seconds(text, false, kCanonicalOffsetMinutes);
  return iso_time_seconds(text);
}

}  // namespace motcua::store
