#include "documents/vi_text.hpp"

#include <glib.h>

#include <cctype>

namespace motcua::documents {

namespace {

struct Parts {
  std::string year, month, day, hour, minute;
};

bool digits(std::string_view s) {
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

// "2026-03-12T14:30:00+07:00" or "2026-03-12"; the month and day without leading zero as the
// forms write them.
bool parse(std::string_view iso, Parts& p) {
  if (iso.size() < 10 || !digits(iso.substr(0, 4)) || !digits(iso.substr(5, 2)) ||
      !digits(iso.substr(8, 2)))
    return false;
  p.year = std::string(iso.substr(0, 4));
  p.month = std::to_string(std::stoi(std::string(iso.substr(5, 2))));
  p.day = std::string(iso.substr(8, 2));
  if (iso.size() >= 16 && digits(iso.substr(11, 2)) && digits(iso.substr(14, 2))) {
    p.hour = std::string(iso.substr(11, 2));
    p.minute = std::string(iso.substr(14, 2));
  }
  return true;
}

}  // namespace

std::string vi_date_time(std::string_view iso) {
  Parts p;
  if (iso.empty()) return "…";
  if (!parse(iso, p)) return std::string(iso);
  if (p.hour.empty()) return vi_date(iso);
  return p.hour + " giờ " + p.minute + " phút, ngày " + p.day + " tháng " + p.month + " năm " +
         p.year;
}

std::string vi_date(std::string_view iso) {
  Parts p;
  if (iso.empty()) return "ngày … tháng … năm …";
  if (!parse(iso, p)) return std::string(iso);
  return "ngày " + p.day + " tháng " + p.month + " năm " + p.year;
}

std::string vi_short(std::string_view iso) {
  Parts p;
  if (iso.empty() || !parse(iso, p)) return std::string(iso);
  std::string month = p.month.size() == 1 ? "0" + p.month : p.month;
  std::string out = p.day + "/" + month + "/" + p.year;
  if (!p.hour.empty()) out += " " + p.hour + ":" + p.minute;
  return out;
}

std::string vi_channel(std::string_view channel) {
  if (channel == "counter") return "Trực tiếp tại Bộ phận Một cửa";
  if (channel == "post") return "Qua dịch vụ bưu chính công ích";
  if (channel == "online") return "Trực tuyến";
  return std::string(channel);
}

std::string upper(std::string_view text) {
  gchar* up = g_utf8_strup(text.data(), static_cast<gssize>(text.size()));
  std::string out(up);
  g_free(up);
  return out;
}

}  // namespace motcua::documents
