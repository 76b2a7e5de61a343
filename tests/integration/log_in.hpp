// Logs test clients in as fixture users (password kPassword) on a running server.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <utility>

#include "api_client.hpp"
#include "fixture.hpp"

namespace motcua::testing {

using Login = std::pair<ApiClient*, const char*>;

// Call as ASSERT_NO_FATAL_FAILURE(log_in_all(...)): a refused login stops the test.
inline void log_in_all(int port, std::initializer_list<Login> logins) {
  for (const auto& [client, user] : logins) {
    *client = ApiClient(port);
    ASSERT_EQ(client->login(user, kPassword), 200) << user;
  }
}

}  // namespace motcua::testing
