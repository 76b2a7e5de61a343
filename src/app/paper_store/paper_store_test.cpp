#include "app/paper_store/paper_store.hpp"

#include <gtest/gtest.h>

#include "app/dossier/dossier_service.hpp"
#include "app/dossier/paper_process_test_support.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_refresh.hpp"
#include "store/event_log.hpp"
#include "store/file_blobs.hpp"

namespace motcua::app {
namespace {

using dossier::Role;
using test_support::local_time;

class PaperStoreTest : public test_support::StoreTest {
 protected:
  std::string create_online() {
    NewDossier d;
    d.procedure_code = "1.001193";
    d.agency_id = "c1";
    d.receiving_unit_id = "u1";
    d.applicant = {"Nguyễn Văn An", "001090000001", "", "", ""};
    auto created = write<CommittedDossier>(
        [&](store::SqlConnection& db) { return service_.create(db, citizen_, d); });
    EXPECT_TRUE(created) << created.error().detail;
    return created->record.id;
  }

  // A dossier with one uploaded paper, and that paper kept in the citizen's store.
  std::pair<std::string, store::StoredPaperRecord> kept_paper(const std::string& valid_until = {}) {
    const auto id = create_online();
    const auto blob = store::put_blob((dir_ / "uploads").string(), "%PDF-1.7\nthe id card\n");
    auto attached = write<AttachedPaper>([&](store::SqlConnection& db) {
      return attach_paper(
          db, citizen_, id,
          {"Căn cước công dân", "cccd.pdf", "application/pdf", blob.sha256, blob.size, {}}, now_,
          offset());
    });
    EXPECT_TRUE(attached);
    auto kept = keep({id, attached->paper.id, "", valid_until}, citizen_);
    EXPECT_TRUE(kept) << kept.error().code;
    return {id, *kept};
  }

  AppResult<store::StoredPaperRecord> keep(const KeepPaperInput& in, const Actor& who) {
    return write<store::StoredPaperRecord>([&](store::SqlConnection& db) {
      return keep_paper(db, who, in, "2026-03-09T09:00+07:00");
    });
  }

  AppResult<AttachedPaper> reuse(const Actor& who, const std::string& dossier_id,
                                 const std::string& stored_id) {
    return write<AttachedPaper>([&](store::SqlConnection& db) {
      return reuse_paper(db, who, dossier_id, {stored_id, ""}, now_, offset());
    });
  }

  static int offset() { return test_support::test_calendar().utc_offset_minutes(); }

  Instant now_ = local_time(2026, 3, 9, 9, 0);
  DossierService service_{test_support::test_calendar(), [this] { return now_; }};
  Actor citizen_{"citizen-1", "Nguyễn Văn An", true, {}};
  Actor stranger_{"citizen-2", "Trần Thị Bình", true, {}};
  Actor reception_{"off-r", "Lê Tiếp Nhận", false, {{Role::reception, "c1"}}};
};

TEST_F(PaperStoreTest, ReuseRecordsTheStoredPaperOnTheRowAndAsAPaperReusedFact) {
  const auto [first, stored] = kept_paper();
  const auto second = create_online();
  auto reused = reuse(citizen_, second, stored.id);
  ASSERT_TRUE(reused) << reused.error().code << " " << reused.error().detail;
  EXPECT_EQ(reused->paper.reused_from, stored.id);
  EXPECT_EQ(reused->paper.sha256, stored.sha256);
  EXPECT_EQ(reused->paper.paper_name, "Căn cước công dân");

  std::vector<store::StoredEvent> events;
  std::optional<store::PaperRecord> row;
  store_->read([&](store::SqlConnection& db) {
    events = store::events_of(db, second);
    row = store::find_paper(db, second, reused->paper.id);
  });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->reused_from, stored.id);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().event.type, kPaperReusedEvent);
  EXPECT_NE(events.back().event.payload.find(stored.id), std::string::npos);
}

TEST_F(PaperStoreTest, NobodyButTheOwnerReachesTheStore) {
  const auto [first, stored] = kept_paper();
  const auto second = create_online();
  // The official of the dossier and another applicant: the stored paper does not exist for them.
  EXPECT_EQ(reuse(reception_, second, stored.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(reuse(stranger_, second, stored.id).error().kind, ErrorKind::not_found);
  EXPECT_EQ(keep({first, stored.source_paper_id, "", ""}, reception_).error().kind,
            ErrorKind::not_found);
  AppResult<MyPapers> theirs = tl::unexpected(AppError{});
  store_->read([&](store::SqlConnection& db) { theirs = my_papers(db, stranger_); });
  ASSERT_TRUE(theirs);
  EXPECT_TRUE(theirs->papers.empty());
  auto removed = write<RemovedPaper>([&](store::SqlConnection& db) {
    return remove_my_paper(db, stranger_, stored.id, "2026-03-09T09:00+07:00");
  });
  EXPECT_EQ(removed.error().kind, ErrorKind::not_found);
}

TEST_F(PaperStoreTest, AnExpiredPaperIsRefused) {
  const auto [first, stored] = kept_paper("2026-03-08");
  auto reused = reuse(citizen_, create_online(), stored.id);
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().code, "stored_paper_expired");
}

TEST_F(PaperStoreTest, The766DigitisationRateCountsDossiersReusingStoredPapers) {
  const auto [first, stored] = kept_paper();
  const auto second = create_online();
  ASSERT_TRUE(reuse(citizen_, second, stored.id));
  for (const auto& id : {first, second}) {
    ASSERT_TRUE(write<CommittedDossier>([&](store::SqlConnection& db) {
      return service_.act(db, reception_, id, dossier::Accept{});
    }));
  }
  refresh_statistics(*store_, test_support::test_calendar());
  AppResult<Index766> index = tl::unexpected(AppError{});
  store_->read([&](store::SqlConnection& db) {
    index = index_766(db, test_support::test_calendar(), {"agency", "2026-03", "2026-03", "", ""},
                      now_);
  });
  ASSERT_TRUE(index) << index.error().detail;
  const Index766Index* reused = nullptr;
  for (const auto& group : index->groups) {
    for (const auto& i : group.indices) {
      if (group.key == "digitisation" && i.key == "reused_data") reused = &i;
    }
  }
  ASSERT_NE(reused, nullptr);
  // Both dossiers hold an electronic paper; the second took it from the store.
  EXPECT_EQ(reused->numerator, 1);
  EXPECT_EQ(reused->denominator, 2);
  ASSERT_TRUE(reused->value);
  EXPECT_DOUBLE_EQ(*reused->value, 0.5);
}

}  // namespace
}  // namespace motcua::app
