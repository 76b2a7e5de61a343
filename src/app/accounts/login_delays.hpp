// Failed logins are slowed by progressive delays, never by a fixed lockout (issue 18 point 4,
// docs/security.md "Login throttling"). Three counts, each kept in the database so every server
// behind the load balancer sees the same failures (store/login_failures.hpp):
//   - per username and client address: the owner's own typing mistakes and an attacker's guesses
//     from one place; the tight one;
//   - per username from anywhere: guesses spread over many addresses are held to one try per
//     `max_delay_s`, while the owner is delayed by that much at most;
//   - per client address: one address trying many usernames (behind a trusted proxy this is the
//     real client, http/client_address.hpp, not the proxy that all users share).
// After `free_failures` failures in the window, the next attempt waits `first_delay_s` after the
// last failure, doubling with each further failure up to `max_delay_s`.
#pragma once

#include <cstdint>
#include <string>

#include "store/sql.hpp"

namespace motcua::app {

struct DelayPolicy {
  int free_failures = 5;
  std::int64_t first_delay_s = 30;
  std::int64_t max_delay_s = 15 * 60;
  std::int64_t window_s = 15 * 60;  // failures older than this are forgotten
};

class LoginDelay {
 public:
  LoginDelay(std::string scope, DelayPolicy policy) : scope_(std::move(scope)), policy_(policy) {}
  // Seconds to wait before the next attempt, or 0 when one is allowed.
  std::int64_t retry_after(store::SqlConnection& db, const std::string& key,
                           std::int64_t now_s) const;
  void record_failure(store::SqlConnection& db, const std::string& key, std::int64_t now_s) const;
  void record_success(store::SqlConnection& db, const std::string& key) const;

 private:
  std::string scope_;
  DelayPolicy policy_;
};

class LoginDelays {
 public:
  // The longest of the three waits, or 0.
  std::int64_t retry_after(store::SqlConnection& db, const std::string& username,
                           const std::string& client, std::int64_t now_s) const;
  // In the caller's write job.
  void record_failure(store::SqlConnection& db, const std::string& username,
                      const std::string& client, std::int64_t now_s) const;
  // A successful login clears the username's counts (not the address's: one success from an
  // office does not forgive the other usernames it tried).
  void record_success(store::SqlConnection& db, const std::string& username,
                      const std::string& client) const;

 private:
  LoginDelay user_at_client_{"user_address", {5, 30, 15 * 60, 15 * 60}};
  LoginDelay user_{"user", {20, 15, 60, 15 * 60}};
  // A counter PC or an office behind one NAT address serves many people: looser.
  LoginDelay client_{"address", {30, 30, 15 * 60, 15 * 60}};
};

}  // namespace motcua::app
