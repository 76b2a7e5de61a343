#include "qr/qr_svg.hpp"

#include <qrencode.h>

#include <memory>

#include "domain/text/markup.hpp"

namespace motcua::qr {

namespace {

constexpr int kQuietZone = 4;  // modules of white border the QR standard asks for

struct QrDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrPtr = std::unique_ptr<QRcode, QrDeleter>;

QrPtr encode(std::string_view text) {
  // QRcode_encodeString wants a NUL-terminated string; the input may contain no NUL byte.
  if (text.find('\0') != std::string_view::npos) return nullptr;
  const std::string copy(text);
  return QrPtr(QRcode_encodeString(copy.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
}

}  // namespace

int symbol_width(std::string_view text) {
  const auto code = encode(text);
  return code ? code->width : 0;
}

std::optional<QrModules> modules_of(std::string_view text) {
  const auto code = encode(text);
  if (!code) return std::nullopt;
  QrModules out;
  out.width = code->width;
  out.dark.resize(static_cast<std::size_t>(code->width) * code->width);
  // Bit 0 of each byte is "dark module" (qrencode.h).
  for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1) != 0;
  return out;
}

std::optional<std::string> svg_of(std::string_view text, std::string_view title) {
  const auto code = encode(text);
  if (!code) return std::nullopt;
  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  // One path of unit squares: far smaller than one <rect> per module, and crisp at any scale.
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      // Bit 0 of each byte is "dark module" (qrencode.h); the other bits describe its role.
      if ((code->data[y * width + x] & 1) == 0) continue;
      path +=
          'M' + std::to_string(x + kQuietZone) + ' ' + std::to_string(y + kQuietZone) + "h1v1h-1z";
    }
  }
  const std::string s = std::to_string(size);
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " + s + "\" width=\"" +
      std::to_string(size * 4) + "\" height=\"" + std::to_string(size * 4) +
      "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + text::escape_markup(title) +
      "\"><title>" + text::escape_markup(title) +
      "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" "
      "d=\"" +
      path + "\"/></svg>";
  return svg;
}

}  // namespace motcua::qr
