#include "store/postal_repository.hpp"

#include "store/personal_data.hpp"

namespace motcua::store {

namespace {

constexpr const char* kSaveChoice =
    "INSERT INTO dossier_postal(dossier_id, pickup, delivery, receiver_name, phone, address, "
    "cod_vnd, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(dossier_id) DO UPDATE SET pickup = excluded.pickup, delivery = excluded.delivery, "
    "receiver_name = excluded.receiver_name, phone = excluded.phone, address = excluded.address, "
    "cod_vnd = excluded.cod_vnd, updated_by = excluded.updated_by, "
    "updated_at = excluded.updated_at";
constexpr const char* kFindChoice =
    "SELECT dossier_id, pickup, delivery, receiver_name, phone, address, cod_vnd, updated_by, "
    "updated_at FROM dossier_postal WHERE dossier_id = ?";
constexpr const char* kInsertOrder =
    "INSERT INTO postal_orders(order_key, dossier_id, kind, status, tracking_number, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(order_key) DO NOTHING";
constexpr const char* kOrderColumns =
    "SELECT order_key, dossier_id, kind, status, tracking_number, created_at, updated_at "
    "FROM postal_orders ";
constexpr const char* kSetTracking =
    "UPDATE postal_orders SET tracking_number = ?, status = CASE WHEN status = 'ordered' THEN "
    "'placed' ELSE status END, updated_at = ? WHERE order_key = ?";
constexpr const char* kSetStatus =
    "UPDATE postal_orders SET status = ?, updated_at = ? WHERE order_key = ?";
constexpr const char* kRememberCallback =
    "INSERT INTO postal_callbacks(signature, tracking_number, event, received_at) "
    "VALUES (?, ?, ?, ?) ON CONFLICT(signature) DO NOTHING";

PostalOrderRow order_of(const SqlRow& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

}  // namespace

void save_postal_choice(SqlConnection& db, const PostalChoiceRow& row) {
  db.execute(kSaveChoice,
             {row.dossier_id, std::int64_t{row.pickup ? 1 : 0}, std::int64_t{row.delivery ? 1 : 0},
              row.receiver_name, seal(row.phone, "dossier_postal", "phone", row.dossier_id),
              seal(row.address, "dossier_postal", "address", row.dossier_id), row.cod_vnd,
              row.updated_by, row.updated_at});
}

std::optional<PostalChoiceRow> find_postal_choice(SqlConnection& db,
                                                  const std::string& dossier_id) {
  const auto r = db.query_one(kFindChoice, {dossier_id});
  if (!r) return std::nullopt;
  return PostalChoiceRow{r->text(0),
                         r->integer(1) != 0,
                         r->integer(2) != 0,
                         r->text(3),
                         unseal(r->text(4), "dossier_postal", "phone", r->text(0)),
                         unseal(r->text(5), "dossier_postal", "address", r->text(0)),
                         r->integer(6),
                         r->text(7),
                         r->text(8)};
}

bool insert_postal_order(SqlConnection& db, const PostalOrderRow& row) {
  return db.execute(kInsertOrder, {row.order_key, row.dossier_id, row.kind, row.status,
                                   row.tracking_number, row.created_at, row.updated_at}) == 1;
}

std::vector<PostalOrderRow> postal_orders_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<PostalOrderRow> out;
  for (const auto& r :
       db.query(std::string(kOrderColumns) + "WHERE dossier_id = ? ORDER BY created_at, order_key",
                {dossier_id})) {
    out.push_back(order_of(r));
  }
  return out;
}

std::optional<PostalOrderRow> postal_order_by_key(SqlConnection& db, const std::string& key) {
  const auto r = db.query_one(std::string(kOrderColumns) + "WHERE order_key = ?", {key});
  if (!r) return std::nullopt;
  return order_of(*r);
}

std::optional<PostalOrderRow> postal_order_by_tracking(SqlConnection& db,
                                                       const std::string& tracking_number) {
  if (tracking_number.empty()) return std::nullopt;
  const auto r =
      db.query_one(std::string(kOrderColumns) + "WHERE tracking_number = ?", {tracking_number});
  if (!r) return std::nullopt;
  return order_of(*r);
}

void set_postal_order_tracking(SqlConnection& db, const std::string& key,
                               const std::string& tracking_number, const std::string& now_iso) {
  db.execute(kSetTracking, {tracking_number, now_iso, key});
}

void set_postal_order_status(SqlConnection& db, const std::string& key, const std::string& status,
                             const std::string& now_iso) {
  db.execute(kSetStatus, {status, now_iso, key});
}

bool remember_postal_callback(SqlConnection& db, const std::string& signature,
                              const std::string& tracking_number, const std::string& event,
                              const std::string& now_iso) {
  return db.execute(kRememberCallback, {signature, tracking_number, event, now_iso}) == 1;
}

}  // namespace motcua::store
