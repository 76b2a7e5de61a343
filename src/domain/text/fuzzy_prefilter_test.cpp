// The prefilter may keep names fuzzy_match refuses, but must never drop one it accepts.
#include "domain/text/fuzzy_prefilter.hpp"

#include <gtest/gtest.h>

#include "domain/text/fold.hpp"
#include "domain/text/fuzzy.hpp"

namespace motcua::text {
namespace {

TEST(FuzzyPrefilter, KeepsEveryNameFuzzyMatchAccepts) {
  const char* names[] = {"Đăng ký khai sinh",      "Đăng ký kết hôn",
                         "Cấp hộ chiếu phổ thông", "Đăng ký lại khai sinh có yếu tố nước ngoài",
                         "Cấp giấy phép xây dựng", "Chứng thực bản sao từ bản chính",
                         "Đăng kí thường trú"};
  const char* queries[] = {"dang ki khai sin",
                           "khai sinh",
                           "dang ky khai sinhh",
                           "ket hn",
                           "ho chieu",
                           "giay phep xay dung",
                           "xay dug",
                           "chung thuc ban sao",
                           "dang ky thuong tru",
                           "thuong tr",
                           "kha",
                           "cap g",
                           "ban chinh",
                           "dagn ky",
                           "nuoc ngoai",
                           "lai khai",
                           "xyz",
                           "dang ky",
                           "chuong thuc",
                           "giay phap"};
  int accepted = 0;
  for (const char* q : queries) {
    const FuzzyPrefilter filter(search_tokens(q));
    for (const char* name : names) {
      const std::string folded = fold_vietnamese(name);
      if (fuzzy_match(q, folded)) {
        ++accepted;
        EXPECT_TRUE(filter.may_match(folded)) << q << " / " << name;
      }
    }
  }
  EXPECT_GT(accepted, 15);
}

// Every query of one or two typos (a letter replaced, dropped or doubled) in any word of a name.
TEST(FuzzyPrefilter, KeepsNamesThroughEveryTypoFuzzyMatchForgives) {
  const std::string name = fold_vietnamese("Thủ tục đăng ký thay đổi nội dung giấy chứng nhận");
  int forgiven = 0;
  for (const auto& word : search_tokens(name)) {
    for (std::size_t i = 0; i < word.size(); ++i) {
      for (std::size_t j = i; j < word.size(); ++j) {
        std::string replaced = word, dropped = word, doubled = word;
        replaced[i] = 'q';
        replaced[j] = 'q';
        dropped.erase(j, 1);
        dropped.erase(i, 1);
        doubled.insert(j, 1, word[j]);
        for (const auto& q : {replaced, dropped, doubled, "thu " + replaced, replaced + " dung"}) {
          if (!fuzzy_match(q, name)) continue;
          ++forgiven;
          EXPECT_TRUE(FuzzyPrefilter(search_tokens(q)).may_match(name)) << q;
        }
      }
    }
  }
  EXPECT_GT(forgiven, 100);
}

TEST(FuzzyPrefilter, DropsNamesWithoutAnyPieceOfAWord) {
  const FuzzyPrefilter filter(search_tokens("dang ky khai sinh"));
  EXPECT_TRUE(filter.may_match("dang ki khai sinh"));  // i and y are one letter
  EXPECT_TRUE(filter.may_match("dang ky khai sanh"));  // "nh" of "sinh" survives the typo
  EXPECT_FALSE(filter.may_match("cap ho chieu pho thong"));
  EXPECT_FALSE(filter.may_match("dang ky ket hon"));  // nothing of "khai" nor of "sinh"
  // Short words allow no typo: the whole word must occur.
  const FuzzyPrefilter short_words(search_tokens("cap ho"));
  EXPECT_FALSE(short_words.may_match("cap giay phep"));
  EXPECT_TRUE(short_words.may_match("cap ho chieu"));
}

}  // namespace
}  // namespace motcua::text
