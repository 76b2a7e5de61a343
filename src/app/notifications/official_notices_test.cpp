#include "app/notifications/official_notices.hpp"

#include <gtest/gtest.h>

#include "app/common/app_test_database.hpp"
#include "codec/notice_payload.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"

namespace motcua::app::notifications {
namespace {

const calendar::WorkingCalendar& cal() {
  static const auto c = *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
  return c;
}

TEST(OfficialMail, EachRecipientWithAnAddressGetsOneMailPerAlert) {
  test_support::AppTestDatabase database("official-mail");
  auto store = database.open();
  store->write([](store::SqlConnection& db) {
    for (const auto& [id, email] :
         {std::pair<std::string, std::string>{"off-1", "xu.ly@xa.gov.vn"}, {"off-2", ""}}) {
      db.execute(
          "INSERT INTO users(id, username, kind, display_name, email, password_hash, created_at) "
          "VALUES (?, ?, 'official', ?, ?, '-', 'now')",
          {id, id, "Phạm Xử Lý " + id, email});
    }
  });
  const Instant now = from_local(date_from_ymd(2026, 3, 12), 14 * 3600, 420);
  const OfficialAlert alert{
      "overdue",           "d_1", "000.01.01.H40-260309-0001",
      "Đăng ký khai sinh", "",    from_local(date_from_ymd(2026, 3, 11), 17 * 3600, 420)};
  int written = 0;
  store->write([&](store::SqlConnection& db) {
    written = write_official_mail(db, cal(), alert, {"off-1", "off-2"}, "d_1:overdue::1", now);
    // The job runs again: the same alert writes nothing new.
    written += write_official_mail(db, cal(), alert, {"off-1", "off-2"}, "d_1:overdue::1", now);
  });
  EXPECT_EQ(written, 1);
  store->read([&](store::SqlConnection& db) {
    const auto rows = store::pending_outbox(db, now.seconds + 1, 10);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].topic, "mail");
    const auto p = codec::notice_payload_from_text(rows[0].payload);
    EXPECT_EQ(p.to, "xu.ly@xa.gov.vn");
    EXPECT_EQ(p.template_key, "official_overdue");
    EXPECT_TRUE(p.required);
    EXPECT_EQ(p.params.at("official_name"), "Phạm Xử Lý off-1");
    EXPECT_EQ(p.params.at("due_date"), "11/03/2026");
  });
}

TEST(OfficialMail, AlertKindsMapToTheirTemplates) {
  EXPECT_EQ(official_template("due_soon"), "official_due_soon");
  EXPECT_EQ(official_template("step_due_soon"), "official_due_soon");
  EXPECT_EQ(official_template("overdue"), "official_overdue");
  EXPECT_EQ(official_template("step_overrun"), "official_step_overrun");
}

}  // namespace
}  // namespace motcua::app::notifications
