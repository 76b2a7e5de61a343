// Vietnamese without its marks, case kept: the text an SMS carries when it must travel in GSM-7
// (the 7-bit alphabet every handset reads; a message with one accented letter otherwise goes as
// UCS-2, which fits 70 characters a part instead of 160). Unlike fold_vietnamese (a lower-case
// search key), this keeps what a reader needs: "Đăng ký khai sinh" -> "Dang ky khai sinh".
//  - every Vietnamese vowel, precomposed or decomposed (NFD, any mark order), loses its tone and
//    its breve, circumflex or horn; đ -> d, Đ -> D;
//  - other Latin letters with marks fold to ASCII (lower case, as fold_vietnamese does);
//  - every other character is kept as it is (the SMS encoder decides what GSM-7 can carry).
#pragma once

#include <string>
#include <string_view>

namespace motcua::text {

std::string unaccent_vietnamese(std::string_view utf8);

}  // namespace motcua::text
