// The feedback lifecycle on a real store: the answer's due time moves by the sender's wait, and
// Decision 766's `feedback_on_time` counts an answer published after its 2 working days as late
// (docs/rules.md section 10).
#include "app/engagement/feedback_lifecycle.hpp"

#include <gtest/gtest.h>

#include "app/dossier/paper_process_test_support.hpp"
#include "app/statistics/statistics.hpp"

namespace motcua::app {
namespace {

using test_support::test_calendar;

Instant at(int y, int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(y, m, d), hh * 3600 + mm * 60, 420);
}

const char* kAnswer =
    "Theo khoản 1 Điều 6 Nghị định 123/2015/NĐ-CP, giấy chứng sinh là giấy tờ bắt buộc khi đăng "
    "ký khai sinh; trường hợp không có giấy chứng sinh thì nộp văn bản của người làm chứng.";
const char* kOtherAnswer =
    "Điều 9 Nghị định 123/2015/NĐ-CP cho phép nộp bản sao có chứng thực giấy chứng sinh hoặc "
    "xuất trình bản chính để đối chiếu; kiến nghị đã được ghi nhận để đề xuất sửa đổi.";

class FeedbackLifecycleTest : public test_support::StoreTest {
 protected:
  FeedbackLifecycleTest() {
    leader_.user_id = "off-l";
    leader_.grants = {{dossier::Role::leader, "c1"}};
  }

  FeedbackClock clock(Instant now) const { return {test_calendar(), terms_, now}; }

  FeedbackView send(const std::string& content, Instant now) {
    NewFeedback in;
    in.name = "Trần Văn Cường";
    in.contact = "0912345678";
    in.procedure_code = "1.001193";
    in.agency_id = "c1";
    in.content = content;
    in.answer_working_days = terms_.answer;
    auto sent = write<FeedbackView>(
        [&](store::SqlConnection& db) { return submit_feedback(db, test_calendar(), in, now); });
    EXPECT_TRUE(sent) << sent.error().detail;
    return *sent;
  }

  void answer(const FeedbackView& f, const char* text, Instant now) {
    auto answered = write<FeedbackView>([&](store::SqlConnection& db) {
      return answer_feedback(db, leader_, *f.id, {text, "Nghị định 123/2015/NĐ-CP"}, now, 420);
    });
    ASSERT_TRUE(answered) << answered.error().message_en;
  }

  void publish(const FeedbackView& f, Instant now) {
    auto published = write<FeedbackView>(
        [&](store::SqlConnection& db) { return publish_feedback(db, leader_, clock(now), *f.id); });
    ASSERT_TRUE(published) << published.error().message_en;
  }

  std::pair<std::int64_t, std::int64_t> feedback_on_time(Instant now) {
    std::pair<std::int64_t, std::int64_t> out{-1, -1};
    store_->read([&](store::SqlConnection& db) {
      const auto index =
          index_766(db, test_calendar(), {"agency", "2026-03", "2026-03", "", ""}, now);
      ASSERT_TRUE(index) << index.error().detail;
      for (const auto& group : index->groups) {
        for (const auto& i : group.indices) {
          if (i.key == "feedback_on_time") out = {i.numerator, i.denominator};
        }
      }
    });
    return out;
  }

  engagement::FeedbackTerms terms_{2, 5, 5, 10, 2};
  Actor leader_;
};

// Asked on Tuesday 03/03, supplied on Friday 06/03: three working days of waiting move the answer's
// due day from Monday 16/03 to Thursday 19/03.
TEST_F(FeedbackLifecycleTest, TheSendersWaitMovesTheAnswersDueDay) {
  const auto sent = send("Thủ tục yêu cầu giấy chứng sinh bản chính, bệnh viện chỉ cấp một bản.",
                         at(2026, 3, 2, 9));
  EXPECT_EQ(sent.answer_due, "2026-03-16T17:00:00+07:00");
  auto asked = write<FeedbackView>([&](store::SqlConnection& db) {
    return request_feedback_info(db, leader_, clock(at(2026, 3, 3, 9)), *sent.id,
                                 "Xin cho biết bệnh viện nơi sinh.");
  });
  ASSERT_TRUE(asked) << asked.error().message_en;
  auto supplied = write<FeedbackView>([&](store::SqlConnection& db) {
    return supply_feedback_info(db, clock(at(2026, 3, 6, 9)), sent.code,
                                "Bệnh viện đa khoa tỉnh, sinh ngày 01/03.");
  });
  ASSERT_TRUE(supplied) << supplied.error().message_en;
  EXPECT_EQ(supplied->status, "received");
  EXPECT_EQ(supplied->answer_due, "2026-03-19T17:00:00+07:00");
  // Another agency's leader does not see it.
  Actor other;
  other.user_id = "off-x";
  other.grants = {{dossier::Role::leader, "c2"}};
  auto refused = write<FeedbackView>([&](store::SqlConnection& db) {
    return reject_feedback(db, other, clock(at(2026, 3, 6, 10)), *sent.id,
                           "Không thuộc phạm vi quy định hành chính.");
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
}

// Both answered on Monday 02/03; the first published the same day, the second on Thursday 05/03,
// after its due day Wednesday 04/03: one of two handled in time.
TEST_F(FeedbackLifecycleTest, Index766CountsALatePublicationAsLate) {
  const auto first = send("Thủ tục yêu cầu giấy chứng sinh bản chính, bệnh viện chỉ cấp một bản.",
                          at(2026, 3, 2, 8));
  const auto second = send("Đề nghị cho phép nộp bản sao giấy chứng sinh thay cho bản chính.",
                           at(2026, 3, 2, 8, 30));
  answer(first, kAnswer, at(2026, 3, 2, 10));
  answer(second, kOtherAnswer, at(2026, 3, 2, 11));
  publish(first, at(2026, 3, 2, 15));
  EXPECT_EQ(feedback_on_time(at(2026, 3, 4, 16)), (std::pair<std::int64_t, std::int64_t>{2, 2}));
  // Unpublished after its day: late already.
  EXPECT_EQ(feedback_on_time(at(2026, 3, 5, 8)), (std::pair<std::int64_t, std::int64_t>{1, 2}));
  publish(second, at(2026, 3, 5, 9));
  EXPECT_EQ(feedback_on_time(at(2026, 3, 20, 9)), (std::pair<std::int64_t, std::int64_t>{1, 2}));
}

TEST_F(FeedbackLifecycleTest, PublicAnswersMaskIdAndPhoneNumbersInTheText) {
  const auto f = send(
      "Tôi đã gọi 0987654321 nhiều lần, CCCD 001203004567, vẫn chưa được hướng dẫn về giấy "
      "chứng sinh.",
      at(2026, 3, 2, 8));
  answer(f, kAnswer, at(2026, 3, 2, 10));
  publish(f, at(2026, 3, 2, 15));
  const std::string masked =
      "Tôi đã gọi 0*******21 nhiều lần, CCCD 0*********67, vẫn chưa được hướng dẫn về giấy "
      "chứng sinh.";
  store_->read([&](store::SqlConnection& db) {
    const auto published = published_feedback(db, {});
    ASSERT_TRUE(published);
    ASSERT_EQ(published->size(), 1u);
    EXPECT_EQ(published->front().content, masked);
    const auto status = feedback_status(db, f.code);
    ASSERT_TRUE(status);
    EXPECT_EQ(status->content, masked);
    // The answer (a decree number, dates) is unchanged: short digit runs stay readable.
    EXPECT_EQ(status->answer.value_or(""), kAnswer);
  });
}

}  // namespace
}  // namespace motcua::app
