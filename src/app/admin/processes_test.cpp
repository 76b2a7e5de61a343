#include "app/admin/processes.hpp"

#include <gtest/gtest.h>

#include "app/dossier/dossier_service.hpp"
#include "app/dossier/paper_process_test_support.hpp"
#include "domain/clock/time_limit.hpp"
#include "domain/process/process_test_support.hpp"
#include "store/audit_log.hpp"
#include "store/process_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {
namespace {

using dossier::CommandKind;
using dossier::Role;
using test_support::local_time;

// The birth registration process of the domain tests, at commune c1 of the fixture, whose
// procedure has 3 working days (a process keeps its procedure's limit): the 16 hours more go to
// drafting, a step the walks below do not take.
process::ProcessDefinition birth_process() {
  auto p = process::test_support::birth_registration();
  p.agency_id = "c1";
  p.legal_limit = {3, clock::LimitUnit::working_days};
  for (auto& step : p.steps) {
    if (step.id == "draft") step.budget = {17, clock::LimitUnit::working_hours};
    // The civil-status unit of the domain example is commune c1 itself here.
    if (!step.responsible.unit_id.empty()) step.responsible.unit_id = "c1";
    // A simple case skips drafting: review may go straight to the decision.
    if (step.id == "review") step.actions.push_back({process::ActionKind::forward, "decide"});
  }
  return p;
}

std::vector<std::string> codes_of(const std::vector<ProcessProblem>& problems) {
  std::vector<std::string> codes;
  for (const auto& p : problems) codes.push_back(p.code);
  return codes;
}

class ProcessesTest : public test_support::StoreTest {
 protected:
  AppResult<process::ProcessDefinition> save(const Actor& who,
                                             const process::ProcessDefinition& definition,
                                             const std::string& id = "khai-sinh-xa") {
    return write<process::ProcessDefinition>([&](store::SqlConnection& db) {
      return save_process(db, who, id, check_process_references(db, draft_of(definition, "", id)),
                          "Ban hành QĐ 12", "2026-03-02T08:00:00+07:00");
    });
  }

  ProcessDraft draft(const process::ProcessDefinition& definition, const std::string& id = {}) {
    ProcessDraft out;
    store_->read([&](store::SqlConnection& db) {
      out = check_process_references(db, draft_of(definition, "thử", id));
    });
    return out;
  }

  Actor admin_{"admin", "Quản Trị", false, {{Role::administrator, "p1"}}};
  Actor commune_admin_{"off-x", "Quản trị xã Hai", false, {{Role::administrator, "c2"}}};
  Actor processing_{"off-p", "Phạm Xử Lý", false, {{Role::processing, "c1"}}};
  Actor leader_{"off-l", "Hoàng Lãnh Đạo", false, {{Role::leader, "c1"}}};
  Actor reception_{"off-r", "Lê Tiếp Nhận", false, {{Role::reception, "c1"}}};
};

TEST_F(ProcessesTest, EachSaveAddsAVersionWithAnAuditRow) {
  auto first = save(admin_, birth_process());
  ASSERT_TRUE(first) << first.error().code << " " << first.error().detail;
  EXPECT_EQ(first->version, 1);

  // Saving the same definition again changes nothing.
  auto same = save(admin_, birth_process());
  ASSERT_TRUE(same);
  EXPECT_EQ(same->version, 1);

  auto changed = birth_process();
  changed.steps[0].name = "Tiếp nhận, kiểm tra hồ sơ";
  changed.version = 7;  // ignored: the server numbers versions
  auto second = save(admin_, changed);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->version, 2);

  store_->read([&](store::SqlConnection& db) {
    const auto audit = store::audit_of(db, "khai-sinh-xa");
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "process.saved");
    EXPECT_EQ(audit[0].actor_id, "admin");
    EXPECT_EQ(audit[0].reason, "Ban hành QĐ 12");
    EXPECT_EQ(audit[0].details, R"({"version":1,"steps":5})");
    EXPECT_EQ(audit[1].details, R"({"version":2,"steps":5})");

    EXPECT_EQ(find_process(db, "khai-sinh-xa")->version, 2);
    EXPECT_EQ(find_process(db, "khai-sinh-xa", 1)->steps[0].name, "Tiếp nhận hồ sơ");
    EXPECT_EQ(find_process(db, "khai-sinh-xa", 3).error().kind, ErrorKind::not_found);
    EXPECT_EQ(find_process(db, "nothing").error().kind, ErrorKind::not_found);
    const auto listed = list_processes(db, "1.001193", "");
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].version, 2);
    EXPECT_EQ(listed[0].steps, 5);
    EXPECT_EQ(listed[0].legal_limit, "3 working-days");
    EXPECT_EQ(listed[0].procedure_name, "Đăng ký khai sinh");
    EXPECT_EQ(listed[0].agency_name, "Xã Một");
    EXPECT_TRUE(list_processes(db, "", "c2").empty());
  });
}

TEST_F(ProcessesTest, OnlyAdministratorsOverTheAgencyMaySave) {
  for (const Actor* who : {&processing_, &leader_, &reception_, &commune_admin_}) {
    auto refused = save(*who, birth_process());
    ASSERT_FALSE(refused) << who->user_id;
    EXPECT_EQ(refused.error().kind, ErrorKind::forbidden) << who->user_id;
  }
  EXPECT_FALSE(require_some_administrator(processing_));
  EXPECT_TRUE(require_some_administrator(commune_admin_));
  store_->read([&](store::SqlConnection& db) {
    EXPECT_FALSE(store::latest_process(db, "khai-sinh-xa"));
    EXPECT_TRUE(store::audit_of(db, "khai-sinh-xa").empty());
  });
}

TEST_F(ProcessesTest, ProblemsAreListedTogether) {
  auto body = birth_process();
  body.procedure_code = "9.999999";
  auto budget = clock::parse_time_limit("5 hours");
  ASSERT_TRUE(budget);
  body.steps[1].budget = *budget;  // the main path no longer adds up
  const auto checked = draft(body, "another-id");
  ASSERT_TRUE(checked.definition);
  EXPECT_EQ(checked.reason, "thử");
  EXPECT_EQ(
      codes_of(checked.problems),
      (std::vector<std::string>{"budget_total_mismatch", "id_mismatch", "unknown_procedure"}));
  for (const auto& p : checked.problems) {
    EXPECT_FALSE(p.message_vi.empty());
    EXPECT_FALSE(p.message_en.empty());
  }

  body.agency_id = "x9";
  EXPECT_EQ(codes_of(draft(body).problems).back(), "unknown_agency");

  const auto malformed = malformed_draft("steps: must be an array");
  EXPECT_FALSE(malformed.definition);
  EXPECT_EQ(codes_of(malformed.problems), std::vector<std::string>{"malformed_process"});

  auto refused = save(admin_, body);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(refused.error().code, "invalid_process");
}

TEST_F(ProcessesTest, AProcessKeepsItsProcedureAndAgency) {
  ASSERT_TRUE(save(admin_, birth_process()));
  auto moved = birth_process();
  moved.agency_id = "c2";
  auto refused = save(admin_, moved);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  EXPECT_EQ(refused.error().code, "process_identity_changed");
}

TEST_F(ProcessesTest, NewDossiersFollowTheProcessInForceOnTheControlSheet) {
  ASSERT_TRUE(save(admin_, birth_process()));
  store_->read([&](store::SqlConnection& db) {
    const auto terms = process_terms_in_force(db, "1.001193", "c1");
    ASSERT_TRUE(terms);
    EXPECT_EQ(terms->id, "khai-sinh-xa");
    EXPECT_EQ(terms->version, 1);
    ASSERT_EQ(terms->steps.size(), 5u);
    EXPECT_EQ(terms->steps[1].name, "Thẩm định hồ sơ");
    EXPECT_FALSE(process_terms_in_force(db, "1.001193", "c2"));
  });

  // The officials the dossier is handed to hold their steps' roles (docs/rules.md 7.1).
  store_->write([](store::SqlConnection& db) {
    store::add_grant(db, "off-p", "processing", "c1");
    store::add_grant(db, "off-l", "leader", "c1");
  });
  Instant now = local_time(2026, 3, 9, 9, 0);
  DossierService service(test_support::test_calendar(), [&] { return now; });
  NewDossier d;
  d.procedure_code = "1.001193";
  d.agency_id = "c1";
  d.receiving_unit_id = "u1";
  d.channel = dossier::Channel::counter;
  d.applicant = {"Đỗ Thị Cúc", "001", "", "", ""};
  // The dossier use cases return what they committed (app/dossier/dossier_service.hpp).
  auto created = write<CommittedDossier>(
      [&](store::SqlConnection& db) { return service.create(db, reception_, d); });
  ASSERT_TRUE(created) << created.error().detail;
  ASSERT_TRUE(created->document.terms.process);
  EXPECT_EQ(created->document.terms.process->id, "khai-sinh-xa");
  EXPECT_EQ(created->document.terms.process->version, 1);
  const std::string id = created->record.id;
  const auto act = [&](const Actor& who, dossier::Command command) {
    return write<CommittedDossier>(
        [&](store::SqlConnection& db) { return service.act(db, who, id, command); });
  };

  // Review (3 hours) from 10:00 is due at 14:00 (lunch 12-13) and ends at 11:00; the decision
  // (2 hours) from 11:00 is due at 14:00 and ends at 15:00.
  now = local_time(2026, 3, 9, 10, 0);
  ASSERT_TRUE(act(processing_, dossier::Assign{"off-p", "review"}));
  now = local_time(2026, 3, 9, 11, 0);
  ASSERT_TRUE(act(processing_, dossier::Forward{"off-l", "decide"}));
  now = local_time(2026, 3, 9, 15, 0);
  auto approved = act(leader_, dossier::Approve{"Đủ điều kiện"});
  ASSERT_TRUE(approved) << approved.error().detail;
  ASSERT_TRUE(approved->report);
  const auto& sheet = approved->report->steps;
  ASSERT_EQ(sheet.size(), 2u);
  EXPECT_EQ(sheet[0].name, "Thẩm định hồ sơ");
  EXPECT_EQ(sheet[0].due, local_time(2026, 3, 9, 14, 0));
  EXPECT_EQ(sheet[0].result, clock::StepResult::on_time);
  EXPECT_EQ(sheet[1].name, "Phê duyệt");
  EXPECT_EQ(sheet[1].due, local_time(2026, 3, 9, 14, 0));
  EXPECT_EQ(sheet[1].result, clock::StepResult::late);

  // A step that is not in the process is refused (docs/rules.md 7.1); given by an administrator
  // with a reason it keeps the old behaviour on the control sheet: its text, no budget.
  auto other = write<CommittedDossier>(
      [&](store::SqlConnection& db) { return service.create(db, reception_, d); });
  ASSERT_TRUE(other);
  const std::string other_id = other->record.id;
  auto refused = write<CommittedDossier>([&](store::SqlConnection& db) {
    return service.act(db, processing_, other_id, dossier::Assign{"off-p", "Thẩm định"});
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "unknown_target");
  const Actor chief{
      "admin", "Trưởng phòng", false, {{Role::processing, "c1"}, {Role::administrator, "c1"}}};
  auto assigned = write<CommittedDossier>([&](store::SqlConnection& db) {
    return service.act(db, chief, other_id, dossier::Assign{"off-p", "Thẩm định"}, "Quy trình cũ");
  });
  ASSERT_TRUE(assigned) << assigned.error().detail;
  ASSERT_TRUE(assigned->report);
  EXPECT_EQ(assigned->report->steps[0].name, "Thẩm định");
  EXPECT_FALSE(assigned->report->steps[0].due);
}

}  // namespace
}  // namespace motcua::app
