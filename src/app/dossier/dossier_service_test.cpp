#include "app/dossier/dossier_service.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>

#include "app/queries/dossier_queries.hpp"
#include "store/event_log.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"
#include "store/test_seed.hpp"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using dossier::CommandKind;
using dossier::Role;

Instant at(int y, int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(y, m, d), hh * 3600 + mm * 60, 420);
}

const calendar::WorkingCalendar& test_calendar() {
  static const auto cal = *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
  return cal;
}

void seed(store::SqlConnection& db) {
  store::seed_test_agencies(db);
  for (const char* sql : {
           "INSERT INTO procedures(code, version, name, name_folded, effective_from, content_hash, "
           "document, imported_at) VALUES ('1.001193', 1, 'Đăng ký khai sinh', 'dang ky khai "
           "sinh', "
           "'2020-01-01', 'h', '{\"limits\":{\"counter\":\"3 working-days\",\"online\":\"3 "
           "working-days\"},"
           "\"rule\":\"civil-code\"}', 'now')",
           "INSERT INTO procedures(code, version, name, name_folded, effective_from, content_hash, "
           "document, imported_at) VALUES ('1.000894', 1, 'Đăng ký kết hôn', 'dang ky ket hon', "
           "'2020-01-01', 'h', '{\"limits\":{\"counter\":\"5 working-days\"}}', 'now')",
       }) {
    db.execute(sql);
  }
  for (const char* user : {"citizen-1", "citizen-2", "off-r", "off-p", "off-l", "off-x"}) {
    db.execute(
        "INSERT INTO users(id, username, kind, display_name, password_hash, created_at) "
        "VALUES (?, ?, 'x', ?, '-', 'now')",
        {std::string(user), std::string(user), std::string(user)});
  }
}

class DossierServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("motcua-app-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = store::open_sqlite_store((dir_ / "db.sqlite").string());
    store_->write(seed);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  template <typename F>
  AppResult<json::object> write(F&& f) {
    AppResult<json::object> out = tl::unexpected(AppError{});
    store_->write([&](store::SqlConnection& db) { out = f(db); });
    return out;
  }

  AppResult<json::object> act(const Actor& a, const std::string& id, CommandKind k,
                              json::value body = {}) {
    return write([&](store::SqlConnection& db) { return service_.act(db, a, id, k, body); });
  }

  Instant now_ = at(2026, 3, 6, 17, 30);
  DossierService service_{test_calendar(), [this] { return now_; }};
  Actor citizen_{"citizen-1", "Nguyễn Văn An", true, {}};
  Actor stranger_{"citizen-2", "Trần Thị Bình", true, {}};
  Actor reception_{"off-r", "Lê Tiếp Nhận", false, {{Role::reception, "c1"}}};
  Actor processing_{"off-p", "Phạm Xử Lý", false, {{Role::processing, "c1"}}};
  Actor leader_{"off-l", "Hoàng Lãnh Đạo", false, {{Role::leader, "c1"}}};
  Actor other_commune_{
      "off-x", "Võ Xã Hai", false, {{Role::reception, "c2"}, {Role::leader, "c2"}}};
  fs::path dir_;
  std::unique_ptr<store::Store> store_;
};

NewDossier birth_registration() {
  NewDossier d;
  d.procedure_code = "1.001193";
  d.agency_id = "c1";
  d.receiving_unit_id = "u1";
  d.applicant = {"Nguyễn Văn An", "001090000001", "Xã Một", "0900000001", "an@example.vn"};
  return d;
}

TEST_F(DossierServiceTest, OnlineLifecycleFromSubmitToReturn) {
  auto created = write([&](store::SqlConnection& db) {
    return service_.create(db, citizen_, birth_registration());
  });
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_EQ(created->at("status"), "submitted");
  const std::string id(created->at("id").as_string());

  // Accepted on Monday after a Friday-evening submission: the receipt instant is the acceptance.
  now_ = at(2026, 3, 9, 9, 0);
  auto accepted = act(reception_, id, CommandKind::accept);
  ASSERT_TRUE(accepted) << accepted.error().code << " " << accepted.error().detail;
  EXPECT_EQ(accepted->at("status"), "received");
  EXPECT_EQ(accepted->at("code"), "000.01.01.H40-260309-0001");
  EXPECT_EQ(accepted->at("due"), "2026-03-12T17:00:00+07:00");  // 3 working days, civil code

  now_ = at(2026, 3, 9, 10, 0);
  ASSERT_TRUE(
      act(processing_, id, CommandKind::assign, {{"official_id", "off-p"}, {"step", "Thẩm định"}}));
  now_ = at(2026, 3, 10, 10, 0);
  auto approved = act(leader_, id, CommandKind::approve, {{"note", "Đủ điều kiện"}});
  ASSERT_TRUE(approved) << approved.error().detail;
  EXPECT_EQ(approved->at("status"), "result_ready");
  EXPECT_EQ(approved->at("clock").at("on_time"), true);
  now_ = at(2026, 3, 10, 15, 0);
  auto returned = act(reception_, id, CommandKind::return_result,
                      {{"channel", "counter"}, {"receiver_name", "Nguyễn Văn An"}});
  ASSERT_TRUE(returned) << returned.error().detail;
  EXPECT_EQ(returned->at("status"), "returned");
  EXPECT_EQ(returned->at("timeline").as_array().size(), 5u);

  store_->read([&](store::SqlConnection& db) {
    EXPECT_TRUE(store::verify_chain(db).ok());
    EXPECT_EQ(store::events_of(db, id).size(), 5u);
    EXPECT_EQ(store::pending_outbox(db, now_.seconds + 1, 100).size(), 10u);  // notify + sync each
  });
}

TEST_F(DossierServiceTest, CounterIntakeGivesCodeAndAppointmentAtOnce) {
  auto d = birth_registration();
  d.channel = dossier::Channel::counter;
  now_ = at(2026, 3, 6, 15, 20);
  auto created =
      write([&](store::SqlConnection& db) { return service_.create(db, reception_, d); });
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_EQ(created->at("status"), "received");
  EXPECT_EQ(created->at("code"), "000.01.01.H40-260306-0001");
  EXPECT_EQ(created->at("clock").at("transfer_due"), "2026-03-09T08:00:00+07:00");
  auto second = write([&](store::SqlConnection& db) { return service_.create(db, reception_, d); });
  ASSERT_TRUE(second);
  EXPECT_EQ(second->at("code"), "000.01.01.H40-260306-0002");
}

TEST_F(DossierServiceTest, OthersDossiersAreNotFoundAndNothingChanges) {
  auto created = write([&](store::SqlConnection& db) {
    return service_.create(db, citizen_, birth_registration());
  });
  ASSERT_TRUE(created);
  const std::string id(created->at("id").as_string());
  for (const Actor* outsider : {&stranger_, &other_commune_}) {
    auto r = act(*outsider, id, CommandKind::request_withdrawal);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::not_found);
    auto seen = write([&](store::SqlConnection& db) { return service_.detail(db, *outsider, id); });
    EXPECT_FALSE(seen);
  }
  store_->read([&](store::SqlConnection& db) { EXPECT_EQ(store::events_of(db, id).size(), 1u); });
}

TEST_F(DossierServiceTest, WrongRoleAndWrongStateAreTypedRefusals) {
  auto created = write([&](store::SqlConnection& db) {
    return service_.create(db, citizen_, birth_registration());
  });
  const std::string id(created->at("id").as_string());
  auto by_applicant = act(citizen_, id, CommandKind::approve);
  ASSERT_FALSE(by_applicant);
  EXPECT_EQ(by_applicant.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(by_applicant.error().code, "role_not_allowed");
  auto too_early = act(leader_, id, CommandKind::approve);
  ASSERT_FALSE(too_early);
  EXPECT_EQ(too_early.error().kind, ErrorKind::conflict);
  auto no_items = act(reception_, id, CommandKind::request_supplement, {{"reason", "thiếu"}});
  ASSERT_FALSE(no_items);
  EXPECT_EQ(no_items.error().kind, ErrorKind::invalid_input);
  auto bad_body = act(reception_, id, CommandKind::request_supplement, {{"missing_items", 5}});
  ASSERT_FALSE(bad_body);
  EXPECT_EQ(bad_body.error().code, "invalid_input");
  store_->read([&](store::SqlConnection& db) { EXPECT_EQ(store::events_of(db, id).size(), 1u); });
}

TEST_F(DossierServiceTest, SupplementDuringReviewRestartsTheLegalLimit) {
  auto created = write([&](store::SqlConnection& db) {
    return service_.create(db, citizen_, birth_registration());
  });
  const std::string id(created->at("id").as_string());
  now_ = at(2026, 3, 9, 9, 0);
  ASSERT_TRUE(act(reception_, id, CommandKind::accept));
  ASSERT_TRUE(act(processing_, id, CommandKind::assign, {{"official_id", "off-p"}}));
  now_ = at(2026, 3, 10, 9, 0);
  auto asked = act(processing_, id, CommandKind::request_supplement,
                   {{"missing_items", json::array{"Giấy chứng sinh", "CCCD của mẹ"}},
                    {"reason", "Thiếu giấy tờ"}});
  ASSERT_TRUE(asked) << asked.error().detail;
  EXPECT_EQ(asked->at("status"), "awaiting_supplement");
  EXPECT_TRUE(asked->at("due").is_null());
  now_ = at(2026, 3, 12, 9, 0);
  auto provided = act(citizen_, id, CommandKind::provide_supplement,
                      {{"documents", json::array{"giay-chung-sinh.pdf"}}});
  ASSERT_TRUE(provided) << provided.error().detail;
  EXPECT_EQ(provided->at("status"), "in_progress");
  EXPECT_EQ(provided->at("due"), "2026-03-17T17:00:00+07:00");      // restart: 3 days after 12/03
  EXPECT_EQ(provided->at("due_766"), "2026-03-16T17:00:00+07:00");  // moved by 2 waiting days
}

TEST_F(DossierServiceTest, LocalTermsOverrideTheCatalogLimitAndRule) {
  // The catalog says 5 working days under the standard rule; the province sets 2, civil code.
  store_->write([](store::SqlConnection& db) {
    db.execute(
        "INSERT INTO procedure_local_terms(code, limits, rule, note, updated_by, updated_at) "
        "VALUES "
        "('1.000894', '{\"counter\":\"2 working-days\"}', 'civil-code', 'test', 'test', 'now')");
  });
  auto d = birth_registration();
  d.procedure_code = "1.000894";
  d.channel = dossier::Channel::counter;
  now_ = at(2026, 3, 9, 10, 0);
  auto created =
      write([&](store::SqlConnection& db) { return service_.create(db, reception_, d); });
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_EQ(created->at("terms").at("limit"), "2 working-days");
  EXPECT_EQ(created->at("terms").at("rule"), "civil-code");
  EXPECT_EQ(created->at("due"), "2026-03-11T17:00:00+07:00");
}

TEST_F(DossierServiceTest, QueueTrackingAndSearch) {
  auto d = birth_registration();
  d.channel = dossier::Channel::counter;
  now_ = at(2026, 3, 9, 9, 0);
  auto created =
      write([&](store::SqlConnection& db) { return service_.create(db, reception_, d); });
  ASSERT_TRUE(created);
  const std::string code(created->at("code").as_string());
  store_->read([&](store::SqlConnection& db) {
    auto queue = work_queue(db, reception_, {}, test_calendar(), at(2026, 3, 9, 10, 0));
    ASSERT_TRUE(queue);
    ASSERT_EQ(queue->size(), 1u);
    EXPECT_EQ(queue->at(0).at("lateness"), "on_time");
    auto soon = work_queue(db, reception_, {}, test_calendar(), at(2026, 3, 11, 17, 0));
    EXPECT_EQ(soon->at(0).at("lateness"), "due_soon");
    auto late = work_queue(db, reception_, {}, test_calendar(), at(2026, 3, 13, 8, 0));
    EXPECT_EQ(late->at(0).at("lateness"), "overdue");
    EXPECT_TRUE(work_queue(db, other_commune_, {}, test_calendar(), now_)->empty());
    EXPECT_FALSE(work_queue(db, citizen_, {}, test_calendar(), now_));

    auto tracked = track(db, code, 420);
    ASSERT_TRUE(tracked);
    EXPECT_EQ(tracked->at("applicant"), "N***** V** A*");
    EXPECT_EQ(tracked->at("status"), "received");
    EXPECT_FALSE(tracked->contains("id"));
    EXPECT_EQ(json::serialize(*tracked).find("001090000001"), std::string::npos);
    EXPECT_EQ(track(db, "000.01.01.H40-260309-9999", 420).error().kind, ErrorKind::not_found);

    for (const char* q : {"dang ky khai sinh", "Đăng ký khai sinh", "KHAI SINH", "1.0011"}) {
      const auto found = search_procedures(db, q, 10);
      ASSERT_EQ(found.size(), 1u) << q;
      EXPECT_EQ(found[0].code, "1.001193");
    }
    const auto marriage = search_procedures(db, "ket hon", 10);
    ASSERT_EQ(marriage.size(), 1u);
    EXPECT_EQ(marriage[0].code, "1.000894");
    EXPECT_TRUE(search_procedures(db, "giấy phép lái xe", 10).empty());
  });
}

}  // namespace
}  // namespace motcua::app
