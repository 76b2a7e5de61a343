#include "qr/qr_svg.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace motcua::qr {
namespace {

TEST(QrSvg, ShortUrlFitsASmallSymbolWithQuietZone) {
  const std::string url = "https://motcua.example.vn/track?code=000.01.01.H40-260309-0001";
  const int width = symbol_width(url);
  // 63 bytes at level M need version 4 (33 modules); anything else means a wrong mode or level.
  EXPECT_EQ(width, 33);
  const auto svg = svg_of(url, "Mã QR tra cứu");
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->find("viewBox=\"0 0 41 41\""), std::string::npos);  // 33 + 2 * 4
  EXPECT_NE(svg->find("<title>Mã QR tra cứu</title>"), std::string::npos);
  // The three finder patterns start at the corners of the symbol, inside the quiet zone.
  EXPECT_NE(svg->find("M4 4h1v1h-1z"), std::string::npos);
  EXPECT_NE(svg->find("M32 4h1v1h-1z"), std::string::npos);
  EXPECT_NE(svg->find("M4 32h1v1h-1z"), std::string::npos);
}

TEST(QrSvg, TitleIsEscapedAndOverlongTextRefused) {
  const auto svg = svg_of("x", "a<b>&\"c\"");
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->find("a&lt;b&gt;&amp;&quot;c&quot;"), std::string::npos);
  EXPECT_EQ(svg->find("a<b>"), std::string::npos);
  EXPECT_FALSE(svg_of(std::string(8000, 'a'), "t"));  // beyond version 40
  EXPECT_FALSE(svg_of(std::string("a\0b", 3), "t"));
}

TEST(QrSvg, ModulesAreTheSameSymbolAsTheSvg) {
  const std::string url = "https://motcua.example.vn/track?code=000.00.01.H26-260312-0007";
  const auto modules = modules_of(url);
  const auto svg = svg_of(url, "t");
  ASSERT_TRUE(modules && svg);
  EXPECT_EQ(modules->width, symbol_width(url));
  ASSERT_EQ(modules->dark.size(), static_cast<std::size_t>(modules->width * modules->width));
  // One unit square in the SVG per dark module, at the same place (shifted by the quiet zone).
  std::size_t squares = 0;
  for (auto at = svg->find("h1v1h-1z"); at != std::string::npos; at = svg->find("h1v1h-1z", at + 1))
    ++squares;
  EXPECT_EQ(squares,
            static_cast<std::size_t>(std::count(modules->dark.begin(), modules->dark.end(), true)));
  EXPECT_TRUE(modules->dark[0]);  // the top-left finder pattern
  EXPECT_FALSE(modules_of(std::string("a\0b", 3)));
}

}  // namespace
}  // namespace motcua::qr
