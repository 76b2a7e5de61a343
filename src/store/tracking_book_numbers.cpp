#include "store/tracking_book_numbers.hpp"

namespace motcua::store {

namespace {

// One statement: on PostgreSQL the conflicting row is locked until the transaction ends, so two
// intakes never read the same last_line.
constexpr const char* kNextLine =
    "INSERT INTO tracking_book_counters(book_key, year, volume, last_line) VALUES (?, ?, 1, 1) "
    "ON CONFLICT(book_key, year) DO UPDATE SET last_line = tracking_book_counters.last_line + 1 "
    "RETURNING volume, last_line";
// The line names its dossier by the dossier's integer key (migration 0069), looked up from the id
// in the statement: the dossier row is written first, in the same transaction.
constexpr const char* kRecord =
    "INSERT INTO tracking_book_entries(dossier_key, book_key, year, volume, line, sets) "
    "VALUES ((SELECT d.key FROM dossiers d WHERE d.id = ?), ?, ?, ?, ?, ?)";
constexpr const char* kOf =
    "SELECT year, volume, line, sets FROM tracking_book_entries WHERE dossier_key = "
    "(SELECT d.key FROM dossiers d WHERE d.id = ?)";

}  // namespace

BookNumber assign_book_number(SqlConnection& db, const std::string& dossier_id,
                              const std::string& book_key, std::int64_t year, std::int64_t sets) {
  const auto r = db.query_one(kNextLine, {book_key, year});
  BookNumber n{year, r->integer(0), r->integer(1), sets};
  db.execute(kRecord, {dossier_id, book_key, year, n.volume, n.line, sets});
  return n;
}

std::optional<BookNumber> book_number_of(SqlConnection& db, const std::string& dossier_id) {
  const auto r = db.query_one(kOf, {dossier_id});
  if (!r) return std::nullopt;
  return BookNumber{r->integer(0), r->integer(1), r->integer(2), r->integer(3)};
}

}  // namespace motcua::store
