// The postal channel's rows (migration 0028): the applicant's choice, the orders placed with the
// post and the callbacks already taken.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct PostalChoiceRow {
  std::string dossier_id;
  bool pickup = false;
  bool delivery = false;
  std::string receiver_name;
  std::string phone;
  std::string address;
  std::int64_t cod_vnd = 0;
  std::string updated_by;
  std::string updated_at;
};

struct PostalOrderRow {
  std::string order_key;  // the outbox row's idempotency key
  std::string dossier_id;
  std::string kind;    // pickup | delivery
  std::string status;  // ordered | placed | picked_up | delivered | returned_to_sender
  std::string tracking_number;
  std::string created_at;
  std::string updated_at;
};

void save_postal_choice(SqlConnection& db, const PostalChoiceRow& row);
std::optional<PostalChoiceRow> find_postal_choice(SqlConnection& db, const std::string& dossier_id);

// False when an order with this key exists already.
bool insert_postal_order(SqlConnection& db, const PostalOrderRow& row);
std::vector<PostalOrderRow> postal_orders_of(SqlConnection& db, const std::string& dossier_id);
std::optional<PostalOrderRow> postal_order_by_key(SqlConnection& db, const std::string& key);
std::optional<PostalOrderRow> postal_order_by_tracking(SqlConnection& db,
                                                       const std::string& tracking_number);
void set_postal_order_tracking(SqlConnection& db, const std::string& key,
                               const std::string& tracking_number, const std::string& now_iso);
void set_postal_order_status(SqlConnection& db, const std::string& key, const std::string& status,
                             const std::string& now_iso);

// False when a callback with this signature was taken already (a replay).
bool remember_postal_callback(SqlConnection& db, const std::string& signature,
                              const std::string& tracking_number, const std::string& event,
                              const std::string& now_iso);

}  // namespace motcua::store
