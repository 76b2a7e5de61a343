// The index must give exactly what fuzzy_match and suggestion_distance give name by name: same
// names, same distances, for exact words, typos, prefixes, i/y spellings and words no name has.
#include "domain/text/name_index.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <random>

#include "domain/text/fold.hpp"
#include "domain/text/fuzzy.hpp"
#include "domain/text/suggest.hpp"

namespace motcua::text {
namespace {

std::vector<std::string> folded_names() {
  const char* names[] = {"Đăng ký khai sinh",
                         "Đăng ký kết hôn",
                         "Cấp hộ chiếu phổ thông",
                         "Đăng ký lại khai sinh có yếu tố nước ngoài",
                         "Cấp giấy phép xây dựng",
                         "Chứng thực bản sao từ bản chính",
                         "Đăng kí thường trú",
                         "Thủ tục đăng ký thay đổi nội dung giấy chứng nhận",
                         "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
                         "Đăng ký khai tử",
                         "Cấp bản sao trích lục hộ tịch",
                         "Xác nhận tình trạng hôn nhân",
                         "Thủ tục hòa giải tranh chấp đất đai",
                         "Đăng ký hộ kinh doanh",
                         "Cấp lại giấy phép lái xe",
                         "",
                         "Giấy phép 01/GP"};
  std::vector<std::string> out;
  for (const char* n : names) out.push_back(fold_vietnamese(n));
  return out;
}

// Queries: the names' own words whole, cut short, with one or two letters replaced, dropped or
// doubled, i/y swapped, in runs of one to four, and words found nowhere.
std::vector<std::string> queries(const std::vector<std::string>& names) {
  std::vector<std::string> words;
  for (const auto& n : names)
    for (const auto& w : search_tokens(n)) words.push_back(w);
  std::mt19937 rng(20261207);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  auto mangle = [&](std::string w) {
    switch (pick(7)) {
      case 0:
        if (w.size() > 1) w.erase(pick(w.size()), 1);
        break;
      case 1:
        w[pick(w.size())] = "aeiouyqxz"[pick(9)];
        break;
      case 2: {
        const auto i = pick(w.size());
        w.insert(i, 1, w[i]);
        break;
      }
      case 3:
        if (w.size() > 2) w.resize(w.size() - 1 - pick(2));
        break;
      case 4:
        for (auto& c : w) c = c == 'i' ? 'y' : c == 'y' ? 'i' : c;
        break;
      case 5:
        w = "zzq" + w;
        break;
      default:
        break;
    }
    return w;
  };
  std::vector<std::string> out = {"", "xyz", "k", "dang", "dang ky khai sin", "ket hn", "khai snh"};
  for (int i = 0; i < 3000; ++i) {
    std::string q;
    const std::size_t n = 1 + pick(4);
    for (std::size_t k = 0; k < n; ++k)
      q += (q.empty() ? "" : " ") + mangle(words[pick(words.size())]);
    out.push_back(q);
  }
  return out;
}

TEST(NameIndex, FindsExactlyWhatFuzzyMatchFindsNameByName) {
  const auto names = folded_names();
  const NameIndex index(names);
  int matches = 0;
  for (const auto& q : queries(names)) {
    std::vector<std::size_t> expected;
    for (std::size_t id = 0; id < names.size(); ++id)
      if (fuzzy_match(q, names[id])) expected.push_back(id);
    EXPECT_EQ(index.fuzzy_matches(search_tokens(q)), expected) << q;
    matches += static_cast<int>(expected.size());
  }
  EXPECT_GT(matches, 1500);  // the queries do find names, not only nothing
}

TEST(NameIndex, SuggestsExactlyWhatSuggestionDistanceGivesNameByName) {
  const auto names = folded_names();
  const NameIndex index(names);
  int suggested = 0;
  for (const auto& q : queries(names)) {
    std::vector<std::pair<int, std::size_t>> expected;
    for (std::size_t id = 0; id < names.size(); ++id)
      if (const auto d = suggestion_distance(q, names[id])) expected.emplace_back(*d, id);
    EXPECT_EQ(index.suggestions(search_tokens(q)), expected) << q;
    suggested += static_cast<int>(expected.size());
  }
  EXPECT_GT(suggested, 1500);
}

TEST(NameIndex, KeepsEachWordOnceWithTheNamesItOccursIn) {
  const NameIndex index({"dang ky khai sinh", "dang ky ket hon", "khai sinh khai tu"});
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.distinct_words(), 7u);  // dang ky khai sinh ket hon tu
  EXPECT_EQ(index.fuzzy_matches({"khai"}), (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(index.fuzzy_matches({"dang", "ki"}), (std::vector<std::size_t>{0, 1}));  // ky / ki
  EXPECT_EQ(index.fuzzy_matches({"ket", "h"}), (std::vector<std::size_t>{1}));       // still typing
  EXPECT_TRUE(index.fuzzy_matches({"xyz"}).empty());
  EXPECT_EQ(index.fuzzy_matches({}).size(), 3u);
  EXPECT_TRUE(index.suggestions({}).empty());
}

}  // namespace
}  // namespace motcua::text
