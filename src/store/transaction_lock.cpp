#include "store/transaction_lock.hpp"

#include <string>

namespace motcua::store {

void lock_for_transaction(SqlConnection& db, TransactionLock lock) {
  if (db.dialect() != Dialect::postgres) return;
  // The key is written into the text rather than bound: the function is overloaded (bigint, or
  // two integers) and an untyped parameter would make the choice the engine's binding. Selecting
  // from the function keeps the void result out of the row decoding.
  db.query("SELECT 1 FROM pg_advisory_xact_lock(" +
           std::to_string(static_cast<std::int64_t>(lock)) + ")");
}

}  // namespace motcua::store
