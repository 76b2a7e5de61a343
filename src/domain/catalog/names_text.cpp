#include "domain/catalog/names_text.hpp"

#include <algorithm>
#include <string>

#include "domain/catalog/text_scan.hpp"
#include "domain/text/fold.hpp"

namespace motcua::catalog {

std::optional<Level> parse_level(std::string_view name) {
  const std::string f = text::fold_vietnamese(name);
  if (f == "cap bo") return Level::ministry;
  if (f == "cap tinh") return Level::province;
  if (f == "cap huyen") return Level::district;
  if (f == "cap xa") return Level::commune;
  if (f == "co quan khac") return Level::other;
  return std::nullopt;
}

LevelsReading parse_level_list(std::string_view list) {
  LevelsReading r;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto end = std::min(list.find(',', start), list.size());
    const std::string_view part = scan::trim(list.substr(start, end - start));
    start = end + 1;
    if (text::fold_vietnamese(part).empty()) continue;
    if (const auto level = parse_level(part)) {
      if (std::find(r.levels.begin(), r.levels.end(), *level) == r.levels.end()) {
        r.levels.push_back(*level);
      }
    } else {
      r.unknown.push_back(part);
    }
  }
  return r;
}

std::optional<Channel> parse_channel(std::string_view name) {
  const std::string f = text::fold_vietnamese(name);
  if (f == "truc tiep") return Channel::counter;
  if (f == "truc tuyen") return Channel::online;
  if (f == "dich vu buu chinh" || f == "buu chinh" || f == "qua buu chinh" ||
      f == "dich vu buu chinh cong ich") {
    return Channel::post;
  }
  return std::nullopt;
}

bool is_national_code(std::string_view code) {
  if (code.size() != 8 || code[1] != '.') return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i != 1 && !scan::is_digit(code[i])) return false;
  }
  return true;
}

}  // namespace motcua::catalog
