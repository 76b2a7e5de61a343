#include "app/imports/data_import.hpp"

#include <regex>

#include "codec/admin_audit_json.hpp"
#include "codec/catalog_file.hpp"
#include "codec/catalog_report.hpp"
#include "codec/procedure_document.hpp"
#include "codec/units_csv.hpp"
#include "domain/catalog/canonical.hpp"
#include "domain/text/fold.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/catalog_repository.hpp"
#include "store/hashing.hpp"
#include "store/unit_history.hpp"

namespace motcua::app {

namespace {

constexpr std::size_t kBatch = 250;  // records per write transaction

store::ProcedureRow row_of(const catalog::Procedure& p) {
  store::ProcedureRow r;
  r.code = p.code;
  r.name = p.name;
  r.name_folded = text::fold_vietnamese(p.name);
  r.field = p.field;
  r.level = p.levels.empty() ? "" : std::string(catalog::to_string(p.levels.front()));
  r.source = p.source;
  r.content_hash = store::sha256_hex(catalog::canonical_text(p));
  r.document = codec::serialize_procedure(p);
  return r;
}

std::optional<std::string> unless_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

tl::expected<CatalogImportOutcome, std::string> import_catalog(
    store::Store& store, const std::filesystem::path& file, std::ostream* report,
    const std::string& today, const ImportActor& who,
    const std::function<void(std::size_t)>& progress) {
  auto reader = codec::CatalogFileReader::open(file);
  if (!reader) return tl::unexpected(reader.error());
  codec::CatalogImporter importer;
  CatalogImportOutcome out;
  std::vector<store::ProcedureRow> batch;
  const auto flush = [&] {
    if (batch.empty()) return;
    store.write([&](store::SqlConnection& db) {
      for (const auto& row : batch) {
        switch (store::upsert_procedure(db, row, today, today)) {
          case store::UpsertOutcome::imported:
            ++out.imported;
            break;
          case store::UpsertOutcome::updated:
            ++out.updated;
            break;
          case store::UpsertOutcome::unchanged:
            ++out.unchanged;
            break;
        }
      }
    });
    batch.clear();
  };
  std::size_t lines = 0;
  for (;;) {
    auto next = reader->next();
    if (!next) return tl::unexpected(next.error());
    if (!*next) break;
    ++lines;
    auto result = importer.add_line((*next)->text, (*next)->number);
    if (!result) continue;
    if (report != nullptr && codec::needs_report(*result))
      *report << codec::render_report_line(*result) << "\n";
    if (*result) batch.push_back(row_of((*result)->procedure));
    if (batch.size() >= kBatch) {
      flush();
      if (progress) progress(lines);
    }
  }
  flush();
  if (progress) progress(lines);
  out.summary = importer.summary();
  const auto count = [](std::size_t n) { return static_cast<std::int64_t>(n); };
  store.write([&](store::SqlConnection& db) {
    store::append_audit(
        db, {0, who.actor_id, who.now_iso, "catalog.imported", "catalog", "",
             codec::import_details(file.filename().string(),
                                   {{"records", count(out.summary.records())},
                                    {"imported", count(out.imported)},
                                    {"updated", count(out.updated)},
                                    {"unchanged", count(out.unchanged)},
                                    {"rejected", count(out.summary.rejected.size())}})});
  });
  return out;
}

tl::expected<UnitsImportOutcome, std::string> import_units(store::Store& store,
                                                           const std::filesystem::path& dir,
                                                           const ImportActor& who) {
  static const std::regex kEdition(R"(vn-provinces-(\d{4})-(\d{2})-(\d{2})\.csv)");
  std::vector<codec::UnitsEdition> editions;
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    names.push_back(entry.path().filename().string());
  if (ec) return tl::unexpected("cannot read " + dir.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    std::smatch m;
    if (!std::regex_match(name, m, kEdition)) continue;
    const Date effective = date_from_ymd(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
    auto edition = codec::load_units_edition(dir, effective);
    if (!edition) return tl::unexpected(edition.error());
    editions.push_back(std::move(*edition));
  }
  if (editions.empty()) return tl::unexpected("no vn-provinces-YYYY-MM-DD.csv in " + dir.string());
  auto imported = codec::import_units(editions);
  if (!imported) return tl::unexpected(imported.error());
  UnitsImportOutcome out;
  out.editions = editions.size();
  // Parents before children, so that every parent_id already exists when a row is written.
  std::vector<const agency::Agency*> ordered;
  for (const auto& a : imported->tree.agencies()) ordered.push_back(&a);
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto* x, const auto* y) {
    return x->parent_id.empty() && !y->parent_id.empty();
  });
  store.write([&](store::SqlConnection& db) {
    for (const auto* agency_ptr : ordered) {
      const auto& a = *agency_ptr;
      if (a.kind == agency::AgencyKind::province) ++out.provinces;
      if (a.kind == agency::AgencyKind::commune) ++out.communes;
      const store::AgencyRow row{a.id,
                                 a.code,
                                 a.name,
                                 a.name_en,
                                 std::string(agency::to_string(a.kind)),
                                 unless_empty(a.parent_id),
                                 to_iso(a.valid_from),
                                 a.valid_to ? std::optional(to_iso(*a.valid_to)) : std::nullopt};
      const auto existing = store::find_agency(db, a.id);
      if (!existing) {
        store::insert_agency(db, row);
        ++out.inserted;
      } else if (existing->name != row.name || existing->name_en != row.name_en ||
                 existing->kind != row.kind ||
                 existing->parent_id.value_or("") != row.parent_id.value_or("") ||
                 existing->valid_from != row.valid_from ||
                 existing->valid_to.value_or("") != row.valid_to.value_or("")) {
        store::update_agency_from_import(db, row);
        ++out.updated;
      } else {
        ++out.unchanged;
      }
    }
    for (const auto& c : imported->changes) {
      if (store::record_unit_change(
              db, {c.agency_id, to_iso(c.effective), c.column, c.before, c.after, who.now_iso})) {
        ++out.changes_recorded;
      }
    }
    const auto count = [](std::size_t n) { return static_cast<std::int64_t>(n); };
    store::append_audit(
        db,
        {0, who.actor_id, who.now_iso, "units.imported", "units", "",
         codec::import_details(dir.string(), {{"editions", count(out.editions)},
                                              {"inserted", count(out.inserted)},
                                              {"updated", count(out.updated)},
                                              {"unchanged", count(out.unchanged)},
                                              {"changes_recorded", count(out.changes_recorded)}})});
  });
  return out;
}

}  // namespace motcua::app
