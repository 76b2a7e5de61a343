// Reading the closed vocabularies of the catalog: levels (cấp thực hiện) and channels (hình thức
// nộp). Comparison is on folded text, so "Cấp Bộ", "Cấp bộ" and "cap bo" are the same level.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/catalog/procedure.hpp"

namespace motcua::catalog {

// One level name: "Cấp bộ", "Cấp tỉnh", "Cấp huyện", "Cấp xã", "Cơ quan khác".
std::optional<Level> parse_level(std::string_view name);

struct LevelsReading {
  std::vector<Level> levels;  // in source order, without repeats
  std::vector<std::string_view> unknown;
};
// A comma-separated list ("Cấp Bộ, Cấp Tỉnh, Cấp Xã").
LevelsReading parse_level_list(std::string_view list);

// "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính" (also "Bưu chính", "Qua bưu chính").
std::optional<Channel> parse_channel(std::string_view name);

// "1.001193", "2.002044": the national procedure code (a digit, a dot, six digits).
bool is_national_code(std::string_view code);

}  // namespace motcua::catalog
