#include "app/dossier/dossier_service.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "app/admin/retention.hpp"
#include "app/common/app_test_database.hpp"
#include "app/queries/dossier_queries.hpp"
#include "codec/notice_payload.hpp"
#include "store/event_log.hpp"
#include "store/notification_preferences.hpp"
#include "store/outbox.hpp"
#include "store/personal_data.hpp"
#include "store/store.hpp"
#include "store/test_seed.hpp"
#include "store/tracking_secrets.hpp"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;
using dossier::DossierStatus;
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
    database_ = std::make_unique<test_support::AppTestDatabase>("service");
    store_ = database_->open();
    store_->write(seed);
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    fs::remove_all(dir_);
  }

  // Runs a write use case (an AppResult<CommittedDossier>) in one job and returns the view of
  // what it committed, as the API answers.
  template <typename F>
  AppResult<DossierView> write(const Actor& a, F&& f) {
    AppResult<DossierView> out = tl::unexpected(AppError{});
    store_->write([&](store::SqlConnection& db) {
      auto committed = f(db);
      if (!committed) {
        out = tl::unexpected(committed.error());
      } else {
        out = service_.view(db, a, *committed);
      }
    });
    return out;
  }

  AppResult<DossierView> create(const Actor& a, const NewDossier& d) {
    return write(a, [&](store::SqlConnection& db) { return service_.create(db, a, d); });
  }

  AppResult<DossierView> act(const Actor& a, const std::string& id, dossier::Command command) {
    return write(a, [&](store::SqlConnection& db) { return service_.act(db, a, id, command); });
  }

  AppResult<DossierView> detail(const Actor& a, const std::string& id) {
    AppResult<DossierView> out = tl::unexpected(AppError{});
    store_->read([&](store::SqlConnection& db) { out = service_.detail(db, a, id); });
    return out;
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
  std::unique_ptr<test_support::AppTestDatabase> database_;
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
  auto created = create(citizen_, birth_registration());
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_EQ(created->status, DossierStatus::submitted);
  // Sent online: the code is given now, dated the Friday it was sent (docs/rules.md 5).
  EXPECT_EQ(created->code, "000.01.01.H40-260306-0001");
  const std::string id = created->id;

  // Accepted on Monday after a Friday-evening submission: the receipt instant is the acceptance;
  // the code the applicant holds is kept.
  now_ = at(2026, 3, 9, 9, 0);
  auto accepted = act(reception_, id, dossier::Accept{});
  ASSERT_TRUE(accepted) << accepted.error().code << " " << accepted.error().detail;
  EXPECT_EQ(accepted->status, DossierStatus::received);
  EXPECT_EQ(accepted->code, "000.01.01.H40-260306-0001");
  EXPECT_EQ(accepted->due, "2026-03-12T17:00:00+07:00");  // 3 working days, civil code

  now_ = at(2026, 3, 9, 10, 0);
  ASSERT_TRUE(act(processing_, id, dossier::Assign{"off-p", "Thẩm định"}));
  now_ = at(2026, 3, 10, 10, 0);
  auto approved = act(leader_, id, dossier::Approve{"Đủ điều kiện"});
  ASSERT_TRUE(approved) << approved.error().detail;
  EXPECT_EQ(approved->status, DossierStatus::result_ready);
  ASSERT_TRUE(approved->clock);
  EXPECT_EQ(approved->clock->on_time, true);
  now_ = at(2026, 3, 10, 15, 0);
  auto returned =
      act(reception_, id, dossier::ReturnResult{dossier::Channel::counter, "Nguyễn Văn An"});
  ASSERT_TRUE(returned) << returned.error().detail;
  EXPECT_EQ(returned->status, DossierStatus::returned);
  // Five commands and the system's hand-over of the online dossier at acceptance.
  EXPECT_EQ(returned->timeline.size(), 6u);

  store_->read([&](store::SqlConnection& db) {
    EXPECT_TRUE(store::verify_chain(db).ok());
    EXPECT_EQ(store::events_of(db, id).size(), 6u);
    // A portal sync per command; the applicant's notices (received, result ready, returned) by
    // mail, SMS and Zalo to the dossier's address and phone; no retired notify.applicant rows.
    std::map<std::string, int> topics;
    for (const auto& m : store::pending_outbox(db, now_.seconds + 1, 100)) ++topics[m.topic];
    EXPECT_EQ(topics, (std::map<std::string, int>{
                          {"national_portal.sync", 5}, {"mail", 3}, {"sms", 3}, {"zalo", 3}}));
  });
}

TEST_F(DossierServiceTest, CounterIntakeGivesCodeAndAppointmentAtOnce) {
  auto d = birth_registration();
  d.channel = dossier::Channel::counter;
  now_ = at(2026, 3, 6, 15, 20);
  auto created = create(reception_, d);
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_EQ(created->status, DossierStatus::received);
  EXPECT_EQ(created->code, "000.01.01.H40-260306-0001");
  ASSERT_TRUE(created->clock);
  EXPECT_EQ(created->clock->transfer_due, at(2026, 3, 9, 8, 0));
  auto second = create(reception_, d);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->code, "000.01.01.H40-260306-0002");
}

TEST_F(DossierServiceTest, OthersDossiersAreNotFoundAndNothingChanges) {
  auto created = create(citizen_, birth_registration());
  ASSERT_TRUE(created);
  const std::string id = created->id;
  for (const Actor* outsider : {&stranger_, &other_commune_}) {
    auto r = act(*outsider, id, dossier::RequestWithdrawal{});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::not_found);
    auto seen = detail(*outsider, id);
    EXPECT_FALSE(seen);
  }
  store_->read([&](store::SqlConnection& db) { EXPECT_EQ(store::events_of(db, id).size(), 1u); });
}

TEST_F(DossierServiceTest, WrongRoleAndWrongStateAreTypedRefusals) {
  auto created = create(citizen_, birth_registration());
  const std::string id = created->id;
  auto by_applicant = act(citizen_, id, dossier::Approve{});
  ASSERT_FALSE(by_applicant);
  EXPECT_EQ(by_applicant.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(by_applicant.error().code, "role_not_allowed");
  auto too_early = act(leader_, id, dossier::Approve{});
  ASSERT_FALSE(too_early);
  EXPECT_EQ(too_early.error().kind, ErrorKind::conflict);
  auto no_items = act(reception_, id, dossier::RequestSupplement{{}, "thiếu"});
  ASSERT_FALSE(no_items);
  EXPECT_EQ(no_items.error().kind, ErrorKind::invalid_input);
  // A body of the wrong shape is refused by the API's decoder (codec/command_json.hpp) before
  // any write job; the use case only ever sees typed commands.
  store_->read([&](store::SqlConnection& db) { EXPECT_EQ(store::events_of(db, id).size(), 1u); });
}

TEST_F(DossierServiceTest, SupplementDuringReviewRestartsTheLegalLimit) {
  auto created = create(citizen_, birth_registration());
  const std::string id = created->id;
  now_ = at(2026, 3, 9, 9, 0);
  ASSERT_TRUE(act(reception_, id, dossier::Accept{}));
  ASSERT_TRUE(act(processing_, id, dossier::Assign{"off-p", ""}));
  now_ = at(2026, 3, 10, 9, 0);
  auto asked = act(processing_, id,
                   dossier::RequestSupplement{{"Giấy chứng sinh", "CCCD của mẹ"}, "Thiếu giấy tờ"});
  ASSERT_TRUE(asked) << asked.error().detail;
  EXPECT_EQ(asked->status, DossierStatus::awaiting_supplement);
  EXPECT_FALSE(asked->due);
  now_ = at(2026, 3, 12, 9, 0);
  auto provided = act(citizen_, id, dossier::ProvideSupplement{{"giay-chung-sinh.pdf"}});
  ASSERT_TRUE(provided) << provided.error().detail;
  EXPECT_EQ(provided->status, DossierStatus::in_progress);
  EXPECT_EQ(provided->due, "2026-03-17T17:00:00+07:00");      // restart: 3 days after 12/03
  EXPECT_EQ(provided->due_766, "2026-03-16T17:00:00+07:00");  // moved by 2 waiting days
}

// A change of state that leaves the application form as it was read keeps its sealed bytes (no
// new nonce: it was not packed nor sealed again), and its sealed ID number too; the dossier row
// still moves on. Sealing takes a fresh nonce, so bytes that stay equal were not written again.
TEST_F(DossierServiceTest, AChangeThatLeavesTheFormAsItWasDoesNotSealItAgain) {
  auto created = create(citizen_, birth_registration());
  ASSERT_TRUE(created) << created.error().detail;
  const std::string id = created->id;
  now_ = at(2026, 3, 9, 9, 0);
  ASSERT_TRUE(act(reception_, id, dossier::Accept{}));
  const auto stored = [&] {
    std::pair<std::string, std::string> out;
    store_->read([&](store::SqlConnection& db) {
      out.first = db.query_one("SELECT document FROM dossiers WHERE id = ?", {id})->bytes(0);
      out.second =
          db.query_one("SELECT id_number FROM dossier_applicant_ids WHERE dossier_id = ?", {id})
              ->text(0);
    });
    return out;
  };
  const auto before = stored();
  now_ = at(2026, 3, 9, 10, 0);
  auto assigned = act(processing_, id, dossier::Assign{"off-p", "Thẩm định"});
  ASSERT_TRUE(assigned) << assigned.error().detail;
  EXPECT_EQ(assigned->assignee_id, "off-p");
  EXPECT_EQ(stored(), before);
  store_->read([&](store::SqlConnection& db) {
    const auto row = store::find_dossier(db, id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->version, 3);
    EXPECT_EQ(row->assignee_id, "off-p");
    EXPECT_NE(row->document.find("Nguyễn Văn An"), std::string::npos);  // still opens
  });
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
  auto created = create(reception_, d);
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_EQ(clock::to_string(created->terms.limit), "2 working-days");
  EXPECT_EQ(clock::to_string(created->terms.rule), "civil-code");
  EXPECT_EQ(created->due, "2026-03-11T17:00:00+07:00");
}

TEST_F(DossierServiceTest, QueueTrackingAndSearch) {
  auto d = birth_registration();
  d.channel = dossier::Channel::counter;
  now_ = at(2026, 3, 9, 9, 0);
  auto created = create(reception_, d);
  ASSERT_TRUE(created);
  const std::string code = created->code.value_or("");
  store_->read([&](store::SqlConnection& db) {
    auto queue = work_queue(db, reception_, {}, test_calendar(), at(2026, 3, 9, 10, 0));
    ASSERT_TRUE(queue);
    ASSERT_EQ(queue->size(), 1u);
    EXPECT_EQ(queue->at(0).lateness, "on_time");
    // The procedure's name is the catalogue's, for the version the dossier was filed under.
    const auto catalogue_name = db.query_one(
        "SELECT name FROM procedures WHERE code = ? AND "
        "version = (SELECT procedure_version FROM dossiers "
        "WHERE id = ?)",
        {queue->at(0).procedure_code, created->id});
    ASSERT_TRUE(catalogue_name);
    EXPECT_FALSE(catalogue_name->text(0).empty());
    EXPECT_EQ(queue->at(0).procedure_name, catalogue_name->text(0));
    // The procedure filter is the list's own condition, not a cut of its first page.
    QueueQuery other_procedure;
    other_procedure.procedure_code = "9.999999";
    EXPECT_TRUE(work_queue(db, reception_, other_procedure, test_calendar(), now_)->empty());
    QueueQuery same_procedure;
    same_procedure.procedure_code = queue->at(0).procedure_code;
    EXPECT_EQ(work_queue(db, reception_, same_procedure, test_calendar(), now_)->size(), 1u);
    auto soon = work_queue(db, reception_, {}, test_calendar(), at(2026, 3, 11, 17, 0));
    EXPECT_EQ(soon->at(0).lateness, "due_soon");
    auto late = work_queue(db, reception_, {}, test_calendar(), at(2026, 3, 13, 8, 0));
    EXPECT_EQ(late->at(0).lateness, "overdue");
    EXPECT_TRUE(work_queue(db, other_commune_, {}, test_calendar(), now_)->empty());
    EXPECT_FALSE(work_queue(db, citizen_, {}, test_calendar(), now_));

    const std::string secret = store::tracking_secret_of(db, created->id);
    ASSERT_EQ(secret.size(), 8u);
    auto tracked = track(db, code, secret, 420);
    ASSERT_TRUE(tracked);
    // The tracking view has no id and no personal data but the masked name: its type has no
    // field for them.
    EXPECT_EQ(tracked->applicant, "N***** V** A*");
    EXPECT_EQ(tracked->status, DossierStatus::received);
    EXPECT_EQ(track(db, "000.01.01.H40-260309-9999", secret, 420).error().kind,
              ErrorKind::not_found);
    // The code without its secret, or with a wrong one, is the same not-found.
    EXPECT_EQ(track(db, code, "", 420).error().kind, ErrorKind::not_found);
    EXPECT_EQ(track(db, code, secret == "ZZZZZZZZ" ? "YYYYYYYY" : "ZZZZZZZZ", 420).error().kind,
              ErrorKind::not_found);

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

namespace motcua::app {
namespace {

// The applicant's notices (app/notifications): written with the event, to the dossier's contacts,
// honouring the account's preferences; the law's notices go out even with optional ones off.
TEST_F(DossierServiceTest, NoticesFollowTheApplicantsPreferencesExceptTheLawsOnes) {
  store_->write([](store::SqlConnection& db) {
    store::save_notification_preferences(db, {"citizen-1", true, false, false, false, "en",
                                              "citizen-1", "2026-03-01T00:00:00+07:00"});
  });
  auto created = create(citizen_, birth_registration());
  ASSERT_TRUE(created);
  const std::string id = created->id;
  now_ = at(2026, 3, 9, 9, 0);
  ASSERT_TRUE(act(reception_, id, dossier::Accept{}));
  ASSERT_TRUE(act(processing_, id, dossier::Assign{"off-p", ""}));
  now_ = at(2026, 3, 10, 9, 0);
  ASSERT_TRUE(act(processing_, id,
                  dossier::RequestSupplement{{"Giấy chứng sinh", "CCCD của mẹ"}, "Thiếu giấy tờ"}));
  store_->read([&](store::SqlConnection& db) {
    std::vector<codec::NoticePayload> notices;
    for (const auto& m : store::pending_outbox(db, now_.seconds + 1, 100)) {
      EXPECT_NE(m.topic, "notify.applicant");
      EXPECT_NE(m.topic, "sms");  // switched off, and mail can carry every notice
      if (m.topic == "mail") notices.push_back(codec::notice_payload_from_text(m.payload));
    }
    // The receipt is optional and switched off: only the supplement request, in English.
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].template_key, "supplement_requested");
    EXPECT_TRUE(notices[0].required);
    EXPECT_EQ(notices[0].to, "an@example.vn");
    EXPECT_EQ(notices[0].lang, "en");
    EXPECT_EQ(notices[0].status, "awaiting_supplement");
    EXPECT_EQ(notices[0].dossier_id, id);
    EXPECT_EQ(notices[0].list_params.at("papers"),
              (std::vector<std::string>{"Giấy chứng sinh", "CCCD của mẹ"}));
  });
}

TEST_F(DossierServiceTest, ACounterIntakeMailsTheCodeAndTheAppointment) {
  auto d = birth_registration();
  d.channel = dossier::Channel::counter;
  d.applicant.phone = "";
  now_ = at(2026, 3, 6, 15, 20);
  auto created = create(reception_, d);
  ASSERT_TRUE(created);
  store_->read([&](store::SqlConnection& db) {
    std::vector<store::OutboxMessage> mails;
    for (const auto& m : store::pending_outbox(db, now_.seconds + 1, 100)) {
      EXPECT_NE(m.topic, "sms");  // no phone on the dossier
      if (m.topic == "mail") mails.push_back(m);
    }
    ASSERT_EQ(mails.size(), 1u);
    const auto n = codec::notice_payload_from_text(mails[0].payload);
    EXPECT_EQ(n.template_key, "dossier_received");
    EXPECT_FALSE(n.required);
    EXPECT_EQ(n.lang, "vi");
    EXPECT_EQ(n.status, "received");
    EXPECT_EQ(n.params.at("dossier_code"), "000.01.01.H40-260306-0001");
    EXPECT_EQ(n.params.at("received_date"), "06/03/2026");
    EXPECT_EQ(n.params.at("due_date"), "11/03/2026");
    EXPECT_EQ(n.params.at("applicant_name"), "Nguyễn Văn An");
  });
}

}  // namespace
}  // namespace motcua::app

namespace motcua::app {
namespace {

// Retention (app/admin/retention.hpp) with a moved clock: a draft never sent is discarded by the
// `system` actor once its period has passed since its last change, and what it held on the
// applicant goes; sent dossiers stay; expired sessions go; one audit row has the counts.
TEST_F(DossierServiceTest, RetentionRetiresStaleDraftsAndSpentSessionsWithOneAuditRow) {
  auto draft_input = birth_registration();
  draft_input.submit = false;
  auto draft = create(citizen_, draft_input);
  ASSERT_TRUE(draft) << draft.error().detail;
  ASSERT_EQ(draft->status, DossierStatus::draft);
  auto sent = create(citizen_, birth_registration());
  ASSERT_TRUE(sent);
  store_->write([&](store::SqlConnection& db) {
    db.execute(
        "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_s) "
        "VALUES ('old', 'citizen-1', 'c', 'now', ?), ('live', 'citizen-1', 'c', 'now', ?)",
        {now_.seconds - 31 * 86400, now_.seconds + 200 * 86400});
  });
  const codec::RetentionRules rules{90, 30};

  // Day 89 after the draft's last change: nothing is due yet but the month-old session.
  RetentionRun early;
  store_->write([&](store::SqlConnection& db) {
    early = apply_retention(db, rules, Instant{now_.seconds + 89 * 86400}, 420);
  });
  EXPECT_EQ(early.drafts, 0);
  EXPECT_EQ(early.sessions, 1);
  ASSERT_TRUE(detail(citizen_, draft->id));

  RetentionRun due;
  store_->write([&](store::SqlConnection& db) {
    due = apply_retention(db, rules, Instant{now_.seconds + 91 * 86400}, 420);
  });
  EXPECT_EQ(due.drafts, 1);
  EXPECT_EQ(due.sessions, 0);
  // Nobody sees a discarded draft; its row keeps no applicant details; the sent one is untouched.
  EXPECT_EQ(detail(citizen_, draft->id).error().kind, ErrorKind::not_found);
  ASSERT_TRUE(detail(citizen_, sent->id));
  store_->read([&](store::SqlConnection& db) {
    const auto row = db.query_one(
        "SELECT status, applicant_name, document FROM dossiers WHERE id = ?", {draft->id});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->text(0), "discarded");
    EXPECT_EQ(row->text(1), "");
    // The form is sealed at rest: what is checked is what it says once opened.
    const auto form = store::unseal_stored(row->values.at(2), "dossiers", "document", draft->id);
    EXPECT_NE(form.find("{"), std::string::npos);
    EXPECT_EQ(form.find("001090000001"), std::string::npos);
    EXPECT_EQ(form.find("Nguyễn Văn An"), std::string::npos);
    const auto events = store::events_of(db, draft->id);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().event.type, "draft_discarded");
    EXPECT_EQ(events.back().event.actor_id, "system");
    const auto audits = db.query(
        "SELECT actor_id, details FROM audit_log WHERE action = 'retention.applied' ORDER BY seq");
    ASSERT_EQ(audits.size(), 2u);
    EXPECT_EQ(audits[0].text(0), "system");
    EXPECT_NE(audits[1].text(1).find("\"drafts\":1"), std::string::npos) << audits[1].text(1);
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM sessions")->integer(0), 1);
  });

  // A run with nothing to delete writes no audit row.
  store_->write([&](store::SqlConnection& db) {
    EXPECT_FALSE(apply_retention(db, rules, Instant{now_.seconds + 92 * 86400}, 420).any());
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.applied'")
                  ->integer(0),
              2);
  });
}

}  // namespace
}  // namespace motcua::app
