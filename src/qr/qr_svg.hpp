// A QR code as a small SVG image, for the receipt slip's link to public tracking. The encoding is
// Debian's libqrencode (a maintained library): QR error correction and masking are not something
// to hand-write. This module only draws the modules it returns as one SVG path.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::qr {

// The SVG (UTF-8 text) of `text` encoded at error-correction level M, with a four-module quiet
// zone and `title` as its accessible name; nullopt when the text does not fit a QR code.
std::optional<std::string> svg_of(std::string_view text, std::string_view title);

// The number of modules per side of the symbol encoding `text` (21 for version 1), 0 when the text
// does not fit. For tests and for sizing.
int symbol_width(std::string_view text);

// The dark modules of `text` at the same level, for drawing the symbol some other way (the PDF
// receipt draws them as vector squares); row-major, `width` per side, no quiet zone.
struct QrModules {
  int width = 0;
  std::vector<bool> dark;
};
std::optional<QrModules> modules_of(std::string_view text);

}  // namespace motcua::qr
