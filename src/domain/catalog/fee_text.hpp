// Reading a published fee (phí, lệ phí): "Miễn phí", "Không có thông tin", "10,000 Việt Nam
// Đồng", "145 USD", "Phí : 2.000.000 Đồng (...)", "Lệ phí : 1.5 USD", several lines each with its
// own amount, "Phí : Mức thu bằng 50% ...".
//
// Numbers: "," and "." both separate thousands when every group after them has three digits
// (the national portal writes "10,000", the Ministry of Defence export "2.000.000"); otherwise one
// or two digits after a separator are a decimal fraction, allowed only for USD (kept in cents).
// The raw text is always kept; what cannot be read sets `unparseable` and warns.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/catalog/import_warning.hpp"
#include "domain/catalog/procedure.hpp"

namespace motcua::catalog {

// `description` is the channel's mô tả: when it states the same number in USD as a "VNĐ" fee, the
// fee is read as USD (the portal's known error); `field` names the source field in warnings.
Fee parse_fee_text(std::string_view raw, std::string_view description, std::string_view field,
                   Warnings& warnings);

// An amount as written ("2.000.000", "10,000", "1.5") in the currency's smallest unit (đồng or
// US cents), or nothing when the digits do not form an amount.
std::optional<std::int64_t> parse_money(std::string_view number, Currency currency);

}  // namespace motcua::catalog
