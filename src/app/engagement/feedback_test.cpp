// The pure rules of specific answers to feedback and of the rating points.
#include "app/engagement/feedback.hpp"

#include <gtest/gtest.h>

#include "app/engagement/ratings.hpp"
#include "domain/text/fold.hpp"

namespace motcua::app {
namespace {

TEST(CitedDocumentNumber, FindsTheNumberAfterADocumentType) {
  EXPECT_EQ(cited_document_number("Nghị định 123/2015/NĐ-CP"), "123/2015/nd-cp");
  EXPECT_EQ(cited_document_number("theo Nghị định số 123/2015/NĐ-CP ngày 15/11/2015"),
            "123/2015/nd-cp");
  EXPECT_EQ(cited_document_number("Quyết định 766/QĐ-TTg"), "766/qd-ttg");
  EXPECT_EQ(cited_document_number("Thông tư 01/2018/TT-VPCP"), "01/2018/tt-vpcp");
  EXPECT_EQ(cited_document_number("Luật Hộ tịch số 60/2014/QH13"), "60/2014/qh13");
  EXPECT_EQ(cited_document_number("NGHỊ ĐỊNH 61/2018/NĐ-CP"), "61/2018/nd-cp");
}

TEST(CitedDocumentNumber, RefusesVagueReferences) {
  EXPECT_EQ(cited_document_number("theo quy định hiện hành"), std::nullopt);
  EXPECT_EQ(cited_document_number("Nghị định của Chính phủ"), std::nullopt);
  EXPECT_EQ(cited_document_number("123/2015/NĐ-CP"), std::nullopt);  // no document type
  EXPECT_EQ(cited_document_number(""), std::nullopt);
}

TEST(AnswerSimilarity, CopiesAreCloseAndDifferentAnswersAreNot) {
  const auto a = text::fold_vietnamese(
      "Theo Điều 6 Nghị định 123/2015/NĐ-CP, giấy chứng sinh là giấy tờ bắt buộc khi đăng ký");
  const auto b = text::fold_vietnamese(
      "Điều 9 Nghị định 123/2015/NĐ-CP cho phép nộp bản sao có chứng thực giấy chứng sinh");
  EXPECT_DOUBLE_EQ(answer_similarity(a, a), 1.0);
  EXPECT_GE(answer_similarity(a, a + " ."), kCopyThreshold);
  EXPECT_LT(answer_similarity(a, b), 0.3);
  EXPECT_DOUBLE_EQ(answer_similarity("", ""), 1.0);
  EXPECT_DOUBLE_EQ(answer_similarity("mot hai", ""), 0.0);
}

TEST(RatingPoints, FollowTheDecree61Indices) {
  EXPECT_EQ(contacts_points(0), 2);
  EXPECT_EQ(contacts_points(1), 1);
  EXPECT_EQ(contacts_points(2), 0);
  EXPECT_EQ(bodies_points(1), 2);
  EXPECT_EQ(bodies_points(2), 1);
  EXPECT_EQ(bodies_points(5), 0);
  EXPECT_EQ(attitude_points(Attitude::courteous), 2);
  EXPECT_EQ(attitude_points(Attitude::discourteous), 1);
  EXPECT_EQ(attitude_points(Attitude::harassing), 0);
  EXPECT_TRUE(may_be_rated("returned"));
  EXPECT_TRUE(may_be_rated("refused_at_receipt"));
  EXPECT_FALSE(may_be_rated("result_ready"));
  EXPECT_FALSE(may_be_rated("draft"));
}

}  // namespace
}  // namespace motcua::app
