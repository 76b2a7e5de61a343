#include "app/dossier/case_papers.hpp"

#include <algorithm>

#include "domain/text/fold.hpp"
#include "store/paper_repository.hpp"

namespace motcua::app {

namespace {

// A case's name as the wizard stores it in the dossier's variant (web/src/lib/format.ts
// cleanCatalogText): without a leading bullet or dash and a trailing colon.
std::string case_key(const std::string& name) {
  std::string s = text::clean_text(name);
  const auto first = s.find_first_not_of(" -+*\t");
  s = first == std::string::npos ? std::string() : s.substr(first);
  // "•" and "–" are multi-byte: strip them as whole sequences.
  for (const std::string bullet : {"•", "–"}) {
    while (s.starts_with(bullet)) s = text::clean_text(s.substr(bullet.size()));
  }
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

CasePapers case_papers(store::SqlConnection& db, const store::DossierRecord& record) {
  CasePapers out;
  const auto document =
      store::procedure_version_document(db, record.procedure_code, record.procedure_version);
  if (!document) return out;
  out.cases = codec::procedure_cases(*document);
  const std::string wanted = case_key(record.variant);
  for (std::size_t i = 0; i < out.cases.size(); ++i) {
    if (case_key(out.cases[i].name) == wanted) {
      out.chosen = i;
      return out;
    }
  }
  if (out.cases.size() == 1) out.chosen = 0;
  return out;
}

const codec::CasePaper* find_case_paper(const CasePapers& papers, const std::string& paper_id) {
  for (std::size_t i = 0; i < papers.cases.size(); ++i) {
    if (papers.chosen && *papers.chosen != i) continue;
    for (const auto& p : papers.cases[i].papers) {
      if (p.id == paper_id) return &p;
    }
  }
  return nullptr;
}

std::vector<std::string> missing_mandatory_papers(
    const CasePapers& papers, const std::vector<codec::DocumentPaper>& attached) {
  std::vector<std::string> missing;
  if (!papers.chosen) return missing;
  for (const auto& p : papers.cases[*papers.chosen].papers) {
    if (!p.mandatory || p.present) continue;
    const bool uploaded = std::any_of(attached.begin(), attached.end(), [&](const auto& a) {
      return a.paper_id.empty() ? a.paper_name == p.name : a.paper_id == p.id;
    });
    if (!uploaded) missing.push_back(p.name);
  }
  return missing;
}

AppResult<void> require_mandatory_papers(store::SqlConnection& db,
                                         const store::DossierRecord& record,
                                         const std::vector<codec::DocumentPaper>& attached) {
  const auto missing = missing_mandatory_papers(case_papers(db, record), attached);
  if (missing.empty()) return {};
  std::string names;
  for (const auto& name : missing) names += (names.empty() ? "" : "; ") + name;
  return tl::unexpected(AppError{
      ErrorKind::invalid_input, "missing_papers",
      "Giấy tờ (papers): chưa tải lên giấy tờ bắt buộc: " + names + ".",
      "Papers (papers): mandatory papers not uploaded yet: " + names + ".",
      "'papers': " + std::to_string(missing.size()) + " mandatory paper(s) missing: " + names});
}

}  // namespace motcua::app
