// A dossier names its process version instead of copying its steps (issue 17, storage): the
// steps come back from the version for the clock, the views and the commands, whatever the form
// the document was stored in, on the engine of the run (app_tests / app_tests_postgres).
#include "app/dossier/process_steps.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "app/admin/processes.hpp"
#include "app/dossier/dossier_document.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/dossier/paper_process_test_support.hpp"
#include "domain/process/process_test_support.hpp"
#include "store/dossier_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {
namespace {

using dossier::Role;
using test_support::local_time;

// The birth registration process of processes_test.cpp, at commune c1.
process::ProcessDefinition birth_process(const std::string& review_name = "Thẩm định hồ sơ") {
  auto p = process::test_support::birth_registration();
  p.agency_id = "c1";
  p.legal_limit = {3, clock::LimitUnit::working_days};
  for (auto& step : p.steps) {
    if (step.id == "draft") step.budget = {17, clock::LimitUnit::working_hours};
    if (!step.responsible.unit_id.empty()) step.responsible.unit_id = "c1";
    if (step.id == "review") {
      step.actions.push_back({process::ActionKind::forward, "decide"});
      step.name = review_name;
    }
  }
  return p;
}

AppResult<process::ProcessDefinition> save_in(store::Store& store,
                                              const process::ProcessDefinition& definition) {
  const Actor admin{"admin", "Quản Trị", false, {{Role::administrator, "p1"}}};
  AppResult<process::ProcessDefinition> out = tl::unexpected(AppError{});
  store.write([&](store::SqlConnection& db) {
    out = save_process(db, admin, "khai-sinh-xa",
                       check_process_references(db, draft_of(definition, "", "khai-sinh-xa")),
                       "QĐ 12", "2026-03-02T08:00:00+07:00");
  });
  return out;
}

class ProcessStepsTest : public test_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_->write([](store::SqlConnection& db) {
      store::add_grant(db, "off-p", "processing", "c1");
      store::add_grant(db, "off-l", "leader", "c1");
    });
  }

  std::string create() {
    NewDossier d;
    d.procedure_code = "1.001193";
    d.agency_id = "c1";
    d.receiving_unit_id = "u1";
    d.channel = dossier::Channel::counter;
    d.applicant = {"Đỗ Thị Cúc", "001", "", "", ""};
    auto created = write<CommittedDossier>(
        [&](store::SqlConnection& db) { return service_.create(db, reception_, d); });
    EXPECT_TRUE(created) << created.error().detail;
    return created ? created->record.id : std::string();
  }

  std::string stored_text(const std::string& id) {
    std::string text;
    store_->read([&](store::SqlConnection& db) { text = store::find_dossier(db, id)->document; });
    return text;
  }

  // Rewrites the row's document as `change` says, the way another version of MotCua wrote it.
  template <typename F>
  void rewrite_document(const std::string& id, F change) {
    store_->write([&](store::SqlConnection& db) {
      auto record = *store::find_dossier(db, id);
      auto document = document_from_json(db, record.document);
      change(document);
      record.document = document_text(document);
      ++record.version;
      store::update_dossier(db, record);
    });
  }

  // Review from 10:00, decision from 11:00, approved at 15:00 (processes_test.cpp's walk).
  std::optional<clock::ClockReport> walk(const std::string& id) {
    const auto act = [&](const Actor& who, dossier::Command command) {
      return write<CommittedDossier>(
          [&](store::SqlConnection& db) { return service_.act(db, who, id, command); });
    };
    now_ = local_time(2026, 3, 9, 10, 0);
    EXPECT_TRUE(act(processing_, dossier::Assign{"off-p", "review"}));
    now_ = local_time(2026, 3, 9, 11, 0);
    EXPECT_TRUE(act(processing_, dossier::Forward{"off-l", "decide"}));
    now_ = local_time(2026, 3, 9, 15, 0);
    auto approved = act(leader_, dossier::Approve{"Đủ điều kiện"});
    EXPECT_TRUE(approved) << approved.error().detail;
    return approved ? approved->report : std::nullopt;
  }

  DossierView detail(const std::string& id) {
    auto view = write<DossierView>(
        [&](store::SqlConnection& db) { return service_.detail(db, leader_, id); });
    EXPECT_TRUE(view) << view.error().detail;
    return view ? *view : DossierView{};
  }

  Instant now_ = local_time(2026, 3, 9, 9, 0);
  DossierService service_{test_support::test_calendar(), [this] { return now_; }};
  Actor processing_{"off-p", "Phạm Xử Lý", false, {{Role::processing, "c1"}}};
  Actor leader_{"off-l", "Hoàng Lãnh Đạo", false, {{Role::leader, "c1"}}};
  Actor reception_{"off-r", "Lê Tiếp Nhận", false, {{Role::reception, "c1"}}};
};

void expect_same_sheet(const clock::ClockReport& a, const clock::ClockReport& b) {
  EXPECT_EQ(a.due, b.due);
  EXPECT_EQ(a.due_766, b.due_766);
  ASSERT_EQ(a.steps.size(), b.steps.size());
  for (std::size_t i = 0; i < a.steps.size(); ++i) {
    EXPECT_EQ(a.steps[i].name, b.steps[i].name);
    EXPECT_EQ(a.steps[i].due, b.steps[i].due);
    EXPECT_EQ(a.steps[i].result, b.steps[i].result);
  }
}

TEST_F(ProcessStepsTest, TheRowNamesTheVersionAndTheStepsComeBackFromIt) {
  ASSERT_TRUE(save_in(*store_, birth_process()));
  const auto id = create();
  const auto text = stored_text(id);
  EXPECT_EQ(text.find("steps"), std::string::npos) << text;
  EXPECT_EQ(text.find("Thẩm định"), std::string::npos) << text;
  const auto stored = codec::dossier_document_from_text(text);
  ASSERT_TRUE(stored && stored->terms.process);
  EXPECT_EQ(stored->terms.process->id, "khai-sinh-xa");
  EXPECT_EQ(stored->terms.process->version, 1);
  EXPECT_TRUE(stored->terms.process->steps.empty());

  // The commands' clock gives the steps their names and budgets from the version.
  const auto report = walk(id);
  ASSERT_TRUE(report);
  ASSERT_EQ(report->steps.size(), 2u);
  EXPECT_EQ(report->steps[0].name, "Thẩm định hồ sơ");
  EXPECT_EQ(report->steps[0].due, local_time(2026, 3, 9, 14, 0));
  EXPECT_EQ(report->steps[1].result, clock::StepResult::late);
  // The view (and so the API's terms and the control sheet) lists them.
  const auto view = detail(id);
  ASSERT_TRUE(view.terms.process);
  ASSERT_EQ(view.terms.process->steps.size(), 5u);
  EXPECT_EQ(view.terms.process->steps[1].name, "Thẩm định hồ sơ");
  // Written back after every command, still by reference.
  EXPECT_EQ(stored_text(id).find("steps"), std::string::npos);
}

TEST_F(ProcessStepsTest, ADocumentThatStoredItsStepsGivesTheSameResults) {
  ASSERT_TRUE(save_in(*store_, birth_process()));
  const auto by_reference = create();
  const auto old_form = create();
  rewrite_document(old_form, [](DossierDocument& d) { d.process_steps_stored = true; });
  ASSERT_NE(stored_text(old_form).find("\"steps\""), std::string::npos);

  const auto a = walk(by_reference);
  const auto b = walk(old_form);
  ASSERT_TRUE(a && b);
  expect_same_sheet(*a, *b);
  const auto va = detail(by_reference);
  const auto vb = detail(old_form);
  ASSERT_TRUE(va.terms.process && vb.terms.process && va.clock && vb.clock);
  ASSERT_EQ(va.terms.process->steps.size(), vb.terms.process->steps.size());
  for (std::size_t i = 0; i < va.terms.process->steps.size(); ++i) {
    EXPECT_EQ(va.terms.process->steps[i].name, vb.terms.process->steps[i].name);
    EXPECT_EQ(va.terms.process->steps[i].budget, vb.terms.process->steps[i].budget);
  }
  expect_same_sheet(*va.clock, *vb.clock);
  // The old form is kept when the commands write the row back (no rewrite needed).
  EXPECT_NE(stored_text(old_form).find("\"steps\""), std::string::npos);
}

TEST_F(ProcessStepsTest, AMissingVersionRunsAsIfThereWasNoProcess) {
  const auto without = create();  // no process in force yet
  ASSERT_TRUE(save_in(*store_, birth_process()));
  const auto missing = create();
  // A database moved without the process row: the reference names a version it does not hold.
  rewrite_document(missing, [](DossierDocument& d) {
    d.terms.process->version = 99;
    d.terms.process->steps.clear();
  });
  store_->read([&](store::SqlConnection& db) {
    EXPECT_FALSE(process_version_steps(db, "khai-sinh-xa", 99));
  });

  const auto a = walk(without);
  const auto b = walk(missing);
  ASSERT_TRUE(a && b);
  expect_same_sheet(*a, *b);
  ASSERT_EQ(b->steps.size(), 2u);
  EXPECT_EQ(b->steps[0].name, "review");  // the step's text, no budget: free steps
  EXPECT_FALSE(b->steps[0].due);
  const auto view = detail(missing);
  ASSERT_TRUE(view.clock);
  expect_same_sheet(*view.clock, *detail(without).clock);
}

// Tests open many databases in one process, each with its own "khai-sinh-xa version 1".
TEST_F(ProcessStepsTest, EachDatabaseGetsItsOwnVersion) {
  ASSERT_TRUE(save_in(*store_, birth_process("Thẩm định ở đây")));
  test_support::AppTestDatabase other_database("app-other");
  auto other = other_database.open(1);
  other->write(test_support::seed_catalog);
  ASSERT_TRUE(save_in(*other, birth_process("Thẩm định ở kia")));

  const auto review_name = [](store::Store& s) {
    std::string name;
    s.read([&](store::SqlConnection& db) {
      name = process_version_steps(db, "khai-sinh-xa", 1).value().at(1).name;
    });
    return name;
  };
  for (int i = 0; i < 3; ++i) {  // the second and third times from the cache
    EXPECT_EQ(review_name(*store_), "Thẩm định ở đây");
    EXPECT_EQ(review_name(*other), "Thẩm định ở kia");
  }
  EXPECT_GT(cached_process_versions(), 0u);
}

// A version read inside a write that rolled back never existed: the one saved later is read.
TEST_F(ProcessStepsTest, AVersionReadInARolledBackWriteIsForgotten) {
  EXPECT_THROW(store_->write([&](store::SqlConnection& db) {
    const Actor admin{"admin", "Quản Trị", false, {{Role::administrator, "p1"}}};
    ASSERT_TRUE(save_process(
        db, admin, "khai-sinh-xa",
        check_process_references(db, draft_of(birth_process("Bỏ đi"), "", "khai-sinh-xa")), "",
        "2026-03-02T08:00:00+07:00"));
    EXPECT_EQ(process_version_steps(db, "khai-sinh-xa", 1).value().at(1).name, "Bỏ đi");
    throw std::runtime_error("the job fails after reading");
  }),
               std::runtime_error);
  ASSERT_TRUE(save_in(*store_, birth_process("Giữ lại")));
  store_->write([&](store::SqlConnection& db) {
    EXPECT_EQ(process_version_steps(db, "khai-sinh-xa", 1).value().at(1).name, "Giữ lại");
  });
}

}  // namespace
}  // namespace motcua::app
