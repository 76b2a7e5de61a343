// Audit of logins refused for rate (the 429 answer), at most one row per username and client
// address per window: an attacker's flood of refused attempts must not become a flood of writes
// to the hash-chained audit log. Which pairs already have a row in the current window lives in the
// database (store/login_failures.hpp, scope "login_refused"), so every server behind the load
// balancer sees it; the refusals answered without a row are counted in this server's memory and
// written as "suppressed" in the pair's next row.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/sql.hpp"

namespace motcua::app {

class LoginRefusals {
 public:
  explicit LoginRefusals(std::int64_t window_s = 15 * 60) : window_s_(window_s) {}

  // A read: whether the pair already has its row in the current window (the refusal is then
  // answered without any write, after count_suppressed).
  bool audited(store::SqlConnection& db, const std::string& username,
               const std::string& client_address, std::int64_t now_s) const;
  void count_suppressed(const std::string& username, const std::string& client_address);

  // In the caller's write job: writes the pair's row for this window, with the refusals
  // suppressed since its previous row; when another request wrote it first (the two read before
  // either wrote), counts this one as suppressed instead.
  void audit(store::SqlConnection& db, const std::string& username,
             const std::string& client_address, std::int64_t now_s, const std::string& now_iso);

 private:
  std::int64_t take_suppressed(const std::string& key);

  std::int64_t window_s_;
  std::mutex mutex_;
  // Bounded: an attacker choosing usernames cannot grow it without limit (beyond the cap, new
  // pairs' suppressed refusals go uncounted; their rows are still written once per window).
  std::unordered_map<std::string, std::int64_t> suppressed_;
};

}  // namespace motcua::app
