#include "app/admin/process_parse_cache.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace motcua::app {
namespace {

// A parser that names the definition after the text and counts its calls.
struct CountingParse {
  int* calls;
  process::ProcessDefinition operator()(const std::string& document) const {
    ++*calls;
    if (document == "unreadable") throw std::runtime_error("cannot be read");
    process::ProcessDefinition d;
    d.id = document;
    return d;
  }
};

TEST(ProcessParseCache, ParsesEachTextOnce) {
  int calls = 0;
  const auto first = cached_process("cache-test-a", CountingParse{&calls});
  const auto again = cached_process("cache-test-a", CountingParse{&calls});
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(first, again);
  EXPECT_EQ(again->id, "cache-test-a");
}

// A saved process is a new version with a new text: it is parsed, never served the old one.
TEST(ProcessParseCache, ANewTextIsParsedAfresh) {
  int calls = 0;
  const auto a = cached_process("cache-test-b1", CountingParse{&calls});
  const auto b = cached_process("cache-test-b2", CountingParse{&calls});
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(a->id, "cache-test-b1");
  EXPECT_EQ(b->id, "cache-test-b2");
}

// An unreadable document fails every time: the failure is not remembered as a definition.
TEST(ProcessParseCache, AFailedParseIsNotCached) {
  int calls = 0;
  const std::size_t before = cached_process_count();
  EXPECT_THROW(cached_process("unreadable", CountingParse{&calls}), std::runtime_error);
  EXPECT_THROW(cached_process("unreadable", CountingParse{&calls}), std::runtime_error);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(cached_process_count(), before);
}

}  // namespace
}  // namespace motcua::app
