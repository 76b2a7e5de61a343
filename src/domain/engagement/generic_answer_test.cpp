#include "domain/engagement/generic_answer.hpp"

#include <gtest/gtest.h>

namespace motcua::engagement {
namespace {

const char* kStock =
    "# comment\n"
    "đề nghị ông/bà liên hệ cơ quan có thẩm quyền để được hướng dẫn cụ thể\n"
    "Vấn đề ông/bà hỏi đã được quy định tại các văn bản pháp luật hiện hành\n"
    "đang chỉ đạo giải quyết theo thẩm quyền\n";

const char* kSpecific =
    "Theo Điều 15 Luật Hộ tịch số 60/2014/QH13, cha mẹ đăng ký khai sinh cho con trong 60 ngày kể "
    "từ ngày sinh. Con ông/bà sinh ngày 02/3, đăng ký ngày 11/5 là quá hạn 10 ngày; Ủy ban nhân "
    "dân xã vẫn cấp Giấy khai sinh ngay trong ngày, lệ phí 8.000 đồng.";

BankAnswer bank_answer(const std::string& question, const std::string& code,
                       const std::string& text) {
  return {question, code, profile_answer(text)};
}

TEST(GenericAnswer, FindsDocumentNumbersButNotDates) {
  const auto n = document_numbers("theo nghi dinh so 123/2015/nd-cp ngay 15/11/2015 va 766/qd-ttg");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0], "123/2015/nd-cp");
  EXPECT_EQ(n[1], "766/qd-ttg");
  EXPECT_TRUE(document_numbers("ngay 28/5/2020 va 1/1").empty());
}

TEST(GenericAnswer, StockPhrasesOnlyAreHeldAsBoilerplate) {
  const auto stock = parse_boilerplate(kStock);
  const auto v = detect_generic_answer(
      {"fb1", "Khai sinh quá hạn có bị phạt không?", "",
       "Vấn đề ông/bà hỏi đã được quy định tại các văn bản pháp luật hiện hành. Đề nghị ông/bà "
       "liên hệ cơ quan có thẩm quyền để được hướng dẫn cụ thể."},
      {}, stock);
  EXPECT_TRUE(v.hold);
  ASSERT_EQ(v.reasons.size(), 1u);
  EXPECT_EQ(v.reasons[0].code, "boilerplate");
  EXPECT_GE(v.reasons[0].score, kBoilerplateThreshold);
}

TEST(GenericAnswer, ASpecificAnswerWithOneCourtesyPhrasePasses) {
  const auto stock = parse_boilerplate(kStock);
  const std::string answer =
      std::string(kSpecific) + " Trân trọng cảm ơn ông/bà đã quan tâm gửi phản ánh, kiến nghị.";
  const auto v = detect_generic_answer(
      {"fb1", "Con tôi sinh 70 ngày mới khai sinh có bị phạt không?", "Đăng ký khai sinh", answer},
      {bank_answer("fb0", "PA-OTHER",
                   "Theo Điều 18 Luật Hộ tịch, Giấy chứng nhận kết hôn được cấp ngay; hồ sơ "
                   "của ông/bà nộp thứ Hai đã được cấp ngày thứ Sáu, chậm 3 ngày.")},
      stock);
  EXPECT_FALSE(v.hold) << v.reasons.size();
  EXPECT_LT(v.boilerplate_share, kBoilerplateThreshold);
}

TEST(GenericAnswer, TheSameAnswerToAnotherQuestionIsHeldNamingIt) {
  const auto stock = parse_boilerplate(kStock);
  const std::vector<BankAnswer> bank{bank_answer("fb0", "PA-EARLIER", kSpecific)};
  const auto v = detect_generic_answer({"fb1", "Khai sinh muộn?", "", kSpecific}, bank, stock);
  ASSERT_TRUE(v.hold);
  EXPECT_EQ(v.reasons[0].code, "too_similar_to");
  EXPECT_EQ(v.reasons[0].detail, "PA-EARLIER");
  EXPECT_GT(v.reasons[0].score, 0.99);
  // An earlier answer to the same question (a rewrite) is not compared.
  const auto rewrite =
      detect_generic_answer({"fb0", "Khai sinh muộn?", "", kSpecific}, bank, stock);
  EXPECT_FALSE(rewrite.hold);
}

TEST(GenericAnswer, AnswerThatIgnoresTheNamedDocumentIsHeld) {
  const auto stock = parse_boilerplate(kStock);
  const auto v = detect_generic_answer(
      {"fb1", "Thông tư 04/2020/TT-BTP có bắt buộc trích lục bản sao không?", "", kSpecific}, {},
      stock);
  ASSERT_TRUE(v.hold);
  EXPECT_EQ(v.reasons[0].code, "does_not_address_regulation");
  EXPECT_EQ(v.reasons[0].detail, "04/2020/tt-btp");
  // Mentioning it, even without the suffix, engages with it.
  const auto engaged = detect_generic_answer(
      {"fb1", "Thông tư 04/2020/TT-BTP có bắt buộc trích lục bản sao không?", "",
       std::string(kSpecific) + " Thông tư số 04/2020 không thay đổi thời hạn này."},
      {}, stock);
  EXPECT_FALSE(engaged.hold);
}

TEST(GenericAnswer, AnswerAboutAnotherProcedureIsHeld) {
  const auto stock = parse_boilerplate(kStock);
  const auto v = detect_generic_answer(
      {"fb1", "Sang tên sổ đỏ bị đòi bản vẽ đo đạc lại.", "Đăng ký biến động đất đai", kSpecific},
      {}, stock);
  ASSERT_TRUE(v.hold);
  EXPECT_EQ(v.reasons[0].code, "does_not_address_regulation");
  EXPECT_EQ(v.reasons[0].detail, "dang ky bien dong dat dai");
}

TEST(GenericAnswer, SimilarityIsSymmetricAndBounded) {
  const auto a = profile_answer(kSpecific);
  const auto b = profile_answer("Giấy phép xây dựng nhà ở riêng lẻ được cấp trong 15 ngày.");
  const double ab = tfidf_cosine(a, b, {});
  EXPECT_NEAR(ab, tfidf_cosine(b, a, {}), 1e-12);
  EXPECT_GE(ab, 0.0);
  EXPECT_LT(ab, 0.3);
  EXPECT_NEAR(tfidf_cosine(a, a, {}), 1.0, 1e-9);
}

}  // namespace
}  // namespace motcua::engagement
