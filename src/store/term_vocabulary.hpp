// A small table of terms (id, term) that long tables name by id instead of repeating the text:
// the event log's types, roles and statuses (event_terms, migration 0062), and the statistics read
// model's step names and parties (outcome_terms, migration 0066). A row of such a table is never
// rewritten nor removed, so what a connection read stays true for it: the map is cached per
// connection epoch (store/connection_epoch.hpp). The writer's epoch is renewed after a rollback, so
// a term it added in a transaction that did not commit (whose id another term may later take) is
// never read from the cache again. A term or an id the cache lacks (another server's, or committed
// since) makes it read the table again: tens to a few thousand rows.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

enum class TermTable {
  event_terms,    // chained into the event log: only the log's own words
  outcome_terms,  // the read model's, rebuilt with it
};

struct TermMaps;

class TermVocabulary {
 public:
  TermVocabulary(SqlConnection& db, TermTable table);

  // The term of an id; throws StoreError for an id the table does not hold.
  std::string term(std::int64_t id);
  // The term's id, added to the table (in the caller's transaction) when it is new.
  std::int64_t id(const std::string& term);

 private:
  void reload();

  SqlConnection& db_;
  TermTable table_;
  std::uint64_t epoch_;
  std::shared_ptr<const TermMaps> maps_;
};

}  // namespace motcua::store
