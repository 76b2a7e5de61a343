// The tracking book's numbers: the volume ("Quyển số") and line ("Số thứ tự") a dossier takes in
// its one-stop unit's book for the year of receipt, and the sets of papers received
// (migration 0019). Lines come from a counter row per (book, year), bumped in the caller's write
// transaction: never reused, without gaps.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct BookNumber {
  std::int64_t year = 0;
  std::int64_t volume = 0;
  std::int64_t line = 0;
  std::int64_t sets = 1;
};

// Takes the next line of `book_key`'s book for `year` and records it for the dossier. Must run in
// the write transaction that receives the dossier (its row must exist).
BookNumber assign_book_number(SqlConnection& db, const std::string& dossier_id,
                              const std::string& book_key, std::int64_t year, std::int64_t sets);

// The dossier's number, once received.
std::optional<BookNumber> book_number_of(SqlConnection& db, const std::string& dossier_id);

}  // namespace motcua::store
