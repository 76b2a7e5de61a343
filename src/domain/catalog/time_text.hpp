// Reading a published time limit (thời hạn giải quyết): "30 Ngày làm việc", "01 Giờ", "15 Ngày",
// "Không quy định", "Không có thông tin", "4 Tháng", "1" ...
//
// Units: "Ngày làm việc" = working days, "Ngày" = calendar days, "Giờ" (or "Giờ làm việc") =
// working hours, as the legal clock (clock::TimeLimit) counts them. Everything else keeps its raw
// text with a note and a warning, and no limit:
//  - "Tháng" (months): the legal clock has no month unit, and a month is not a fixed number of
//    days (a period in months ends on the corresponding day of the last month, Civil Code 2015
//    Art. 148), so it is not converted;
//  - a number without a unit ("1", the birth registration record): a unit is taken only when the
//    description states the same number with a unit ("05 ngày làm việc"); otherwise none is
//    guessed, because guessing "working days" could set the wrong legal deadline;
//  - fractions ("1.5 Ngày làm việc", "0.5 Giờ"): TimeLimit counts whole units, and converting to
//    hours would assume an 8-hour day that each unit may set differently.
#pragma once

#include <string_view>

#include "domain/catalog/import_warning.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::catalog {

// `description` is the channel's mô tả (used only to find the unit of a bare number); `field`
// names the source field in warnings.
TimeTerm parse_time_text(std::string_view raw, std::string_view description, std::string_view field,
                         Warnings& warnings);

}  // namespace motcua::catalog
