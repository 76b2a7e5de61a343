#include "http/negotiation.hpp"

#include <gtest/gtest.h>

namespace motcua::http {
namespace {

TEST(Negotiation, PreferReturnMinimalIsReadAsRfc7240WritesIt) {
  EXPECT_TRUE(prefers_minimal_return("return=minimal"));
  EXPECT_TRUE(prefers_minimal_return("Return=\"Minimal\""));
  EXPECT_TRUE(prefers_minimal_return("respond-async, wait=10, return = minimal ; foo=bar"));
  EXPECT_FALSE(prefers_minimal_return(""));
  EXPECT_FALSE(prefers_minimal_return("return=representation"));
  EXPECT_FALSE(prefers_minimal_return("return=minimal, return=representation"));
  EXPECT_FALSE(prefers_minimal_return("handling=lenient; return=minimal"));  // a parameter
  EXPECT_FALSE(prefers_minimal_return("returns=minimal"));
  EXPECT_FALSE(prefers_minimal_return("return=minimalist"));
}

}  // namespace
}  // namespace motcua::http
