// How Vietnamese administrative documents write dates, times and channels ("14 giờ 30 phút, ngày
// 12 tháng 3 năm 2026"), the same wording as the HTML print views (web/src/views/print/
// printText.ts). Instants arrive as the views carry them: ISO 8601 text already in the agency's
// local time (with its offset), so the digits are read as they stand.
#pragma once

#include <string>
#include <string_view>

namespace motcua::documents {

std::string vi_date_time(std::string_view iso);  // "14 giờ 30 phút, ngày 12 tháng 3 năm 2026"
std::string vi_date(std::string_view iso);       // "ngày 12 tháng 3 năm 2026"
std::string vi_short(std::string_view iso);      // "12/03/2026 14:30"
std::string vi_channel(std::string_view channel);
// Upper case of UTF-8 text, diacritics included ("Ủy ban" -> "ỦY BAN").
std::string upper(std::string_view text);

}  // namespace motcua::documents
