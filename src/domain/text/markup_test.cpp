#include "domain/text/markup.hpp"

#include <gtest/gtest.h>

namespace motcua::text {
namespace {

TEST(Markup, EscapesTheFiveCharactersAndKeepsVietnamese) {
  EXPECT_EQ(escape_markup(R"(<a href="x">Tom & 'Jerry'</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  EXPECT_EQ(escape_markup("Đăng ký khai sinh"), "Đăng ký khai sinh");
}

}  // namespace
}  // namespace motcua::text
