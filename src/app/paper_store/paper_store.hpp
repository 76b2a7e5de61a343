// The applicant's paper store (kho quản lý dữ liệu điện tử của tổ chức, cá nhân, Decree 45/2020
// Art 16 as amended by Decree 118/2025 Art 40(8)): papers an applicant keeps from their dossiers so
// that a later dossier takes them without another upload (docs/rules.md "Paper store").
//
// The store belongs to the applicant alone: every read and write goes through the actor's own id,
// so another applicant's paper, and any official's request for one, is simply not found (404);
// officials have no listing of a citizen's store at all. Keeping copies no bytes: the row names the
// content-addressed file the dossier paper already uses. Every change is an audit row (who, when,
// what).
#pragma once

#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_papers.hpp"
#include "domain/calendar/date.hpp"
#include "store/stored_paper_repository.hpp"

namespace motcua::app {

inline constexpr std::int64_t kMaxStoredPapers = 200;
inline constexpr std::size_t kMaxStoredPaperNameBytes = 4000;

struct MyPapers {
  std::vector<store::StoredPaperRecord> papers;
};

// "Lưu vào kho giấy tờ của tôi": keeps paper `paper_id` of dossier `dossier_id`, whose applicant
// the actor must be (anyone else: not_found). `name` overrides the paper's name when not empty;
// `valid_until` is YYYY-MM-DD or empty. Keeping the same dossier paper twice returns the first row.
struct KeepPaperInput {
  std::string dossier_id;
  std::string paper_id;
  std::string name;
  std::string valid_until;
};
AppResult<store::StoredPaperRecord> keep_paper(store::SqlConnection& db, const Actor& actor,
                                               const KeepPaperInput& in,
                                               const std::string& now_iso);

AppResult<MyPapers> my_papers(store::SqlConnection& db, const Actor& actor);

// Renames a stored paper of the actor (422 name for an empty or too long name).
AppResult<store::StoredPaperRecord> rename_my_paper(store::SqlConnection& db, const Actor& actor,
                                                    const std::string& id, const std::string& name,
                                                    const std::string& now_iso);

// Removes a stored paper of the actor; dossiers that reused it keep their own row.
struct RemovedPaper {
  std::string id;
};
AppResult<RemovedPaper> remove_my_paper(store::SqlConnection& db, const Actor& actor,
                                        const std::string& id, const std::string& now_iso);

// "Dùng giấy tờ đã lưu": attaches the actor's stored paper to dossier `dossier_id` as paper
// `paper_id` of its case (the stored paper's catalog id when empty; its name as free text when
// both are empty), through attach_paper with the same checks, recording `reused_from` and a
// `paper_reused` fact. A stored paper past its valid_until is refused (409 stored_paper_expired).
struct ReusePaperInput {
  std::string stored_paper_id;
  std::string paper_id;
};
AppResult<AttachedPaper> reuse_paper(store::SqlConnection& db, const Actor& actor,
                                     const std::string& dossier_id, const ReusePaperInput& in,
                                     Instant now, int utc_offset_minutes);

}  // namespace motcua::app
