// What the right of access (Decree 13/2023/ND-CP Art. 9 and 14) needs from the database that the
// other repositories do not already read: the account row with its ID number, the identity
// provider links, the notices sent about a dossier, and the feedback sent from one of the
// person's contacts. app/accounts/personal_data.hpp puts them together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct AccountDataRow {
  std::string id;
  std::string username;
  std::string kind;
  std::string display_name;
  std::string id_number;
  std::string email;
  std::string phone;
  bool disabled = false;
  std::string created_at;
};
std::optional<AccountDataRow> account_data(SqlConnection& db, const std::string& user_id);
// The user id of a user name (what an administrator names the person by).
std::optional<std::string> user_id_of_username(SqlConnection& db, const std::string& username);

struct IdentityLinkRow {
  std::string issuer;
  std::string subject;
  std::string id_number;
  std::string linked_at;
  std::string last_login_at;
};
std::vector<IdentityLinkRow> identity_links_of(SqlConnection& db, const std::string& user_id);

// The mail, SMS and Zalo messages queued about a dossier (outbox rows ordered by its id), oldest
// first, with their payload (the recipient and the template's parameters).
struct NoticeRow {
  std::string topic;
  std::string state;
  std::string created_at;
  std::string updated_at;
  std::string payload;
};
std::vector<NoticeRow> notices_of_dossier(SqlConnection& db, const std::string& dossier_id);

// Feedback (Decree 20/2008) sent with one of these contacts, exactly as stored; oldest first.
struct FeedbackDataRow {
  std::string code;
  std::string name;
  std::string contact;
  std::string procedure_code;
  std::string procedure_name;
  std::string content;
  std::string status;
  std::string received_at;
  std::string answer;
};
std::vector<FeedbackDataRow> feedback_from_contacts(SqlConnection& db,
                                                    const std::vector<std::string>& contacts);

}  // namespace motcua::store
