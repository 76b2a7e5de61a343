// Rows of `open311_api_keys` and `open311_requests` (migration 0040): the API keys of Open311
// clients and what a GeoReport v2 request adds to the feedback item it files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/feedback_repository.hpp"
#include "store/sql.hpp"

namespace motcua::store {

struct Open311KeyRecord {
  std::string id;
  std::string key_hash;  // hex SHA-256 of the key; the key itself is never stored
  std::string label;
  std::string issued_by;
  std::string issued_at;
  std::string revoked_at;  // '' while the key is valid
};

struct Open311RequestRecord {
  std::string feedback_id;
  std::string service_code;
  std::string lat;
  std::string lon;
  std::string address_string;
  std::string email;
  std::string phone;
  std::string device_id;
  std::string account_id;
  std::string media_url;
  std::string attributes;  // flat JSON object
  std::string api_key_id;
};

void insert_open311_key(SqlConnection& db, const Open311KeyRecord& k);
std::optional<Open311KeyRecord> find_open311_key_by_hash(SqlConnection& db,
                                                         const std::string& key_hash);

// Marks the key revoked; false when there is no such key or it was revoked already.
bool revoke_open311_key(SqlConnection& db, const std::string& id, const std::string& at);

void insert_open311_request(SqlConnection& db, const Open311RequestRecord& r);

// A feedback item filed through Open311, with what GeoReport added to it.
struct Open311Row {
  FeedbackRecord feedback;
  Open311RequestRecord request;
};

// Filters of GET requests; empty members do not filter. `from`/`to` compare with the feedback's
// received_at (ISO text at the installation's offset, so text order is time order).
struct Open311Filter {
  std::vector<std::string> codes;
  std::string service_code;
  std::string feedback_status;  // open | closed (GeoReport's states), '' for both
  std::string from;
  std::string to;
  int limit = 1000;
};

// Newest first.
std::vector<Open311Row> list_open311_requests(SqlConnection& db, const Open311Filter& filter);

}  // namespace motcua::store
