#include "store/personal_data_queries.hpp"

#include "store/personal_data.hpp"

namespace motcua::store {

std::optional<AccountDataRow> account_data(SqlConnection& db, const std::string& user_id) {
  const auto row = db.query_one(
      "SELECT id, username, kind, display_name, id_number, email, phone, disabled, created_at "
      "FROM users WHERE id = ?",
      {user_id});
  if (!row) return std::nullopt;
  // The ID number and phone are sealed at rest (store/personal_data.hpp): the holder gets them
  // clear.
  return AccountDataRow{row->text(0),
                        row->text(1),
                        row->text(2),
                        row->text(3),
                        unseal(row->text(4), "users", "id_number", row->text(0)),
                        row->text(5),
                        unseal(row->text(6), "users", "phone", row->text(0)),
                        row->integer(7) != 0,
                        row->text(8)};
}

std::optional<std::string> user_id_of_username(SqlConnection& db, const std::string& username) {
  const auto names = username_candidates(username);
  const auto row = db.query_one("SELECT id FROM users WHERE username IN (?, ?, ?)",
                                {names[0], names[1], names[2]});
  if (!row) return std::nullopt;
  return row->text(0);
}

std::vector<IdentityLinkRow> identity_links_of(SqlConnection& db, const std::string& user_id) {
  std::vector<IdentityLinkRow> out;
  for (const auto& row :
       db.query("SELECT issuer, subject, id_number, linked_at, last_login_at FROM user_identities "
                "WHERE user_id = ? ORDER BY linked_at, issuer",
                {user_id}))
    out.push_back({row.text(0), row.text(1),
                   unseal(row.text(2), "user_identities", "id_number", user_id), row.text(3),
                   row.text(4)});
  return out;
}

std::vector<NoticeRow> notices_of_dossier(SqlConnection& db, const std::string& dossier_id) {
  std::vector<NoticeRow> out;
  for (const auto& row :
       db.query("SELECT topic, state, created_at, updated_at, payload, idempotency_key FROM outbox "
                "WHERE order_key = ? AND topic IN ('mail', 'sms', 'zalo') ORDER BY id",
                {dossier_id}))
    out.push_back({row.text(0), row.text(1), row.text(2), row.text(3),
                   unseal(row.text(4), "outbox", "payload", row.text(5))});
  return out;
}

std::vector<FeedbackDataRow> feedback_from_contacts(SqlConnection& db,
                                                    const std::vector<std::string>& contacts) {
  std::vector<FeedbackDataRow> out;
  for (const auto& contact : contacts) {
    if (contact.empty()) continue;
    // The contact is sealed: found by its keyed hash (current key, or the retiring one).
    const auto hashes = lookup_hash_pair(contact);
    for (const auto& row :
         db.query("SELECT code, name, contact, procedure_code, procedure_name, content, status, "
                  "received_at, COALESCE(answer, ''), id FROM feedback WHERE contact_hash = ? OR "
                  "contact_hash = ? ORDER BY received_at, code",
                  {hashes.first, hashes.second}))
      out.push_back({row.text(0), row.text(1),
                     unseal(row.text(2), "feedback", "contact", row.text(9)), row.text(3),
                     row.text(4), row.text(5), row.text(6), row.text(7), row.text(8)});
  }
  return out;
}

}  // namespace motcua::store
