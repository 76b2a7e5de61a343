#include "app/dossier/dossier_papers.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "app/admin/retention.hpp"
#include "app/admin/upload_sweep.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/dossier/paper_process_test_support.hpp"
#include "store/event_log.hpp"
#include "store/file_blobs.hpp"

namespace motcua::app {
namespace {

using dossier::Role;
using test_support::local_time;

const std::string kPdfBytes = "%PDF-1.7\nthe scanned birth certificate\n";

class DossierPapersTest : public test_support::StoreTest {
 protected:
  std::string create_online(bool submit = true) {
    NewDossier d;
    d.submit = submit;
    d.procedure_code = "1.001193";
    d.agency_id = "c1";
    d.receiving_unit_id = "u1";
    d.applicant = {"Nguyễn Văn An", "001090000001", "", "", ""};
    auto created = write<CommittedDossier>(
        [&](store::SqlConnection& db) { return service_.create(db, citizen_, d); });
    EXPECT_TRUE(created) << created.error().detail;
    return created->record.id;
  }

  PaperUpload upload(const std::string& bytes, std::string name = "Giấy chứng sinh") {
    const auto blob = store::put_blob((dir_ / "uploads").string(), bytes);
    return PaperUpload{std::move(name), "chung-sinh.pdf", "application/pdf",
                       blob.sha256,     blob.size,        {}};
  }

  AppResult<AttachedPaper> attach(const Actor& who, const std::string& id, const PaperUpload& p) {
    return write<AttachedPaper>([&](store::SqlConnection& db) {
      return attach_paper(db, who, id, p, now_, test_support::test_calendar().utc_offset_minutes());
    });
  }

  AppResult<CommittedDossier> act(const Actor& who, const std::string& id,
                                  dossier::Command command) {
    return write<CommittedDossier>(
        [&](store::SqlConnection& db) { return service_.act(db, who, id, command); });
  }

  AppResult<DossierView> detail(const Actor& who, const std::string& id) {
    AppResult<DossierView> out = tl::unexpected(AppError{});
    store_->read([&](store::SqlConnection& db) { out = service_.detail(db, who, id); });
    return out;
  }

  Instant now_ = local_time(2026, 3, 9, 9, 0);
  DossierService service_{test_support::test_calendar(), [this] { return now_; }};
  Actor citizen_{"citizen-1", "Nguyễn Văn An", true, {}};
  Actor stranger_{"citizen-2", "Trần Thị Bình", true, {}};
  Actor reception_{"off-r", "Lê Tiếp Nhận", false, {{Role::reception, "c1"}}};
  Actor other_commune_{"off-x", "Võ Xã Hai", false, {{Role::reception, "c2"}}};
};

// Retention (docs/rules.md section 24): a draft never sent loses its paper rows, and then the
// files only it named; a file another dossier shares stays, and so does one an upload used within
// the idle period (its row may not be committed yet). One audit row counts what went.
TEST_F(DossierPapersTest, ARetiredDraftsOwnFilesAreSweptAndSharedOnesKept) {
  const auto draft = create_online(false);
  const auto sent = create_online();
  const auto own = upload("%PDF-1.7\nonly the draft had this\n");
  const auto shared = upload(kPdfBytes);
  ASSERT_TRUE(attach(citizen_, draft, own));
  ASSERT_TRUE(attach(citizen_, draft, shared));
  ASSERT_TRUE(attach(citizen_, sent, shared));
  const auto uploads = (dir_ / "uploads").string();

  RetentionRun run;
  store_->write([&](store::SqlConnection& db) {
    run =
        apply_retention(db, codec::RetentionRules{90, 30}, Instant{now_.seconds + 91 * 86400}, 420);
  });
  EXPECT_EQ(run.drafts, 1);
  EXPECT_EQ(run.draft_papers, 2);
  ASSERT_EQ(run.released_files.size(), 2u);

  // The files were written a moment ago: within the idle period nothing goes.
  auto sweep = sweep_released_files(*store_, uploads, run.released_files, now_, 420);
  EXPECT_EQ(sweep.removed, 0);
  EXPECT_EQ(sweep.still_named, 1);
  EXPECT_EQ(sweep.recently_used, 1);
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(uploads) / own.sha256));

  sweep = sweep_released_files(*store_, uploads, run.released_files, now_, 420,
                               std::chrono::seconds{0});
  EXPECT_EQ(sweep.removed, 1);
  EXPECT_EQ(sweep.still_named, 1);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(uploads) / own.sha256));
  EXPECT_EQ(store::read_blob(uploads, shared.sha256), kPdfBytes);
  std::size_t entries = 0;  // nothing left aside
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(uploads)) ++entries;
  EXPECT_EQ(entries, 1u);
  store_->read([&](store::SqlConnection& db) {
    const auto audit = db.query_one(
        "SELECT actor_id, details FROM audit_log WHERE action = 'retention.files_removed'");
    ASSERT_TRUE(audit);
    EXPECT_EQ(audit->text(0), "system");
    EXPECT_EQ(audit->text(1), "{\"files\":1}");
  });

  // The same content uploaded again is simply written again.
  const auto again = upload("%PDF-1.7\nonly the draft had this\n");
  EXPECT_EQ(again.sha256, own.sha256);
  EXPECT_EQ(store::read_blob(uploads, own.sha256), "%PDF-1.7\nonly the draft had this\n");
}

// The whole folder: a file no row names goes once idle; a named one and a fresh one stay; what a
// crash left (a file moved aside, a partial upload) is put back or removed.
TEST_F(DossierPapersTest, TheOrphanSweepRemovesOnlyIdleFilesNoRowNames) {
  namespace fs = std::filesystem;
  const auto sent = create_online();
  const auto named = upload(kPdfBytes);
  ASSERT_TRUE(attach(citizen_, sent, named));
  const auto orphan = upload("%PDF-1.7\nits row never committed\n");
  const auto fresh = upload("%PDF-1.7\nits row is on its way\n");
  const auto aside = upload("%PDF-1.7\nmoved aside by a sweep that crashed\n");
  const fs::path uploads = dir_ / "uploads";
  fs::rename(uploads / aside.sha256, uploads / ("." + aside.sha256 + ".sweep"));
  const auto write = [](const fs::path& path) { std::ofstream(path) << "partial"; };
  write(uploads / ("." + orphan.sha256 + ".1.1.tmp"));
  write(uploads / ("." + fresh.sha256 + ".1.2.tmp"));
  // Idle for two hours: everything but `fresh` and its temporary file.
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  for (const auto& name : {named.sha256, orphan.sha256, "." + aside.sha256 + ".sweep",
                           "." + orphan.sha256 + ".1.1.tmp"}) {
    fs::last_write_time(uploads / name, old);
  }

  const auto sweep =
      sweep_orphan_files(*store_, uploads.string(), now_, 420, std::chrono::hours(1));
  EXPECT_EQ(sweep.put_back, 1);
  EXPECT_EQ(sweep.temporaries_removed, 1);
  EXPECT_EQ(sweep.scanned, 4);
  EXPECT_EQ(sweep.files.still_named, 1);
  EXPECT_EQ(sweep.files.removed, 2);  // the orphan, and the put-back file no row names either
  EXPECT_EQ(sweep.files.recently_used, 1);
  EXPECT_EQ(store::read_blob(uploads.string(), named.sha256), kPdfBytes);
  EXPECT_TRUE(fs::exists(uploads / fresh.sha256));
  EXPECT_FALSE(fs::exists(uploads / orphan.sha256));
  EXPECT_FALSE(fs::exists(uploads / aside.sha256));
  EXPECT_FALSE(fs::exists(uploads / ("." + aside.sha256 + ".sweep")));
  EXPECT_FALSE(fs::exists(uploads / ("." + orphan.sha256 + ".1.1.tmp")));
  EXPECT_TRUE(fs::exists(uploads / ("." + fresh.sha256 + ".1.2.tmp")));
  store_->read([&](store::SqlConnection& db) {
    const auto audit = db.query_one(
        "SELECT actor_id, object, details FROM audit_log WHERE action = 'uploads.orphans_removed'");
    ASSERT_TRUE(audit);
    EXPECT_EQ(audit->text(0), "system");
    EXPECT_EQ(audit->text(1), "uploads");
    EXPECT_EQ(audit->text(2), "{\"files\":2,\"temporaries\":1,\"put_back\":1}");
  });
  // Nothing more to do: no new audit row.
  const auto again =
      sweep_orphan_files(*store_, uploads.string(), now_, 420, std::chrono::hours(1));
  EXPECT_EQ(again.files.removed + again.put_back + again.temporaries_removed, 0);
}

TEST_F(DossierPapersTest, AttachingRecordsRowDocumentVersionAndChainedEvent) {
  const auto id = create_online();
  const auto before = detail(citizen_, id);
  ASSERT_TRUE(before);

  const auto paper = upload(kPdfBytes);
  auto attached = attach(citizen_, id, paper);
  ASSERT_TRUE(attached) << attached.error().code << " " << attached.error().detail;
  EXPECT_EQ(attached->paper.paper_name, "Giấy chứng sinh");
  EXPECT_EQ(attached->paper.content_type, "application/pdf");
  EXPECT_EQ(attached->paper.size, static_cast<std::int64_t>(kPdfBytes.size()));
  EXPECT_EQ(attached->paper.sha256, paper.sha256);
  EXPECT_EQ(attached->dossier_version, before->version + 1);

  // State rebuilding skips the event (same status), but the timeline shows the upload, in log
  // order, and the document lists the paper.
  const auto after = detail(citizen_, id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, dossier::DossierStatus::submitted);
  const auto& timeline = after->timeline;
  ASSERT_EQ(timeline.size(), before->timeline.size() + 1);
  EXPECT_EQ(timeline.back().type, "paper_attached");
  EXPECT_TRUE(timeline.back().fact);
  ASSERT_EQ(after->papers.size(), 1u);
  EXPECT_EQ(after->papers[0].id, attached->paper.id);
  EXPECT_EQ(after->papers[0].file_name, "chung-sinh.pdf");

  store_->read([&](store::SqlConnection& db) {
    const auto events = store::events_of(db, id);
    ASSERT_EQ(events.size(), 2u);  // submitted, paper_attached
    const auto& e = events.back().event;
    EXPECT_EQ(e.type, "paper_attached");
    EXPECT_EQ(e.role, "applicant");
    EXPECT_EQ(e.from_status, "submitted");
    EXPECT_EQ(e.to_status, "submitted");
    EXPECT_NE(e.payload.find("\"paper_id\":\"" + attached->paper.id + "\""), std::string::npos);
    EXPECT_NE(e.payload.find("\"sha256\":\"" + paper.sha256 + "\""), std::string::npos);
    EXPECT_TRUE(store::verify_chain(db).ok());
  });

  // The lifecycle goes on over a log that holds the paper event.
  auto accepted = act(reception_, id, dossier::Accept{});
  ASSERT_TRUE(accepted) << accepted.error().detail;
  EXPECT_EQ(accepted->record.status, "received");
  EXPECT_EQ(accepted->document.papers.size(), 1u);
}

TEST_F(DossierPapersTest, OnlyThoseWhoSeeTheDossierMayAttachOrDownload) {
  const auto id = create_online();
  const auto paper = upload(kPdfBytes);
  for (const Actor* who : {&stranger_, &other_commune_}) {
    auto refused = attach(*who, id, paper);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
    store_->read([&](store::SqlConnection& db) { EXPECT_FALSE(may_handle_papers(db, *who, id)); });
  }
  auto by_desk = attach(reception_, id, paper);
  ASSERT_TRUE(by_desk) << by_desk.error().detail;
  const std::string paper_id = by_desk->paper.id;
  store_->read([&](store::SqlConnection& db) {
    EXPECT_TRUE(paper_to_download(db, citizen_, id, paper_id));
    EXPECT_EQ(paper_to_download(db, stranger_, id, paper_id).error().kind, ErrorKind::not_found);
    EXPECT_EQ(paper_to_download(db, citizen_, id, "pp_none").error().kind, ErrorKind::not_found);
    EXPECT_EQ(store::events_of(db, id).back().event.role, "reception");
  });
}

TEST_F(DossierPapersTest, RefusedAfterTheDecisionAndBeyondFiftyPapers) {
  const auto id = create_online();
  const auto paper = upload(kPdfBytes);
  for (std::int64_t i = 0; i < kMaxPapersPerDossier; ++i) ASSERT_TRUE(attach(citizen_, id, paper));
  auto too_many = attach(citizen_, id, paper);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().kind, ErrorKind::conflict);
  EXPECT_EQ(too_many.error().code, "too_many_papers");

  const auto refused_id = create_online();
  ASSERT_TRUE(act(reception_, refused_id, dossier::Refuse{{"Không thuộc thẩm quyền"}}));
  auto closed = attach(citizen_, refused_id, paper);
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().kind, ErrorKind::conflict);
  EXPECT_EQ(closed.error().code, "not_allowed_in_state");
}

TEST_F(DossierPapersTest, ANameAsLongAsTheCatalogsIsKeptWhole) {
  // 23 of the 33 papers of 1.001193 have names over 300 bytes; one runs to 668.
  const auto id = create_online();
  const std::string name(700, 'x');
  auto attached = attach(citizen_, id, upload(kPdfBytes, name));
  ASSERT_TRUE(attached) << attached.error().detail;
  EXPECT_EQ(attached->paper.paper_name, name);
}

TEST_F(DossierPapersTest, APaperNeedsAName) {
  const auto id = create_online();
  for (const std::string& name :
       {std::string(), std::string("   "), std::string(kMaxFreePaperNameBytes + 1, 'x')}) {
    auto refused = attach(citizen_, id, upload(kPdfBytes, name));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::invalid_input);
  }
  store_->read([&](store::SqlConnection& db) {
    EXPECT_EQ(store::count_papers(db, id), 0);
    EXPECT_EQ(store::events_of(db, id).size(), 1u);
  });
}

}  // namespace
}  // namespace motcua::app
