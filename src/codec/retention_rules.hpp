// Reads data/retention.json: how long what the system keeps only for a purpose stays once the
// purpose is gone (app/admin/retention.hpp, docs/rules.md section 24). Every period
// must be present: a deletion rule is never defaulted silently.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>

namespace motcua::codec {

struct RetentionRules {
  int draft_days = 90;           // drafts never sent, counted from their last change
  int sign_in_secret_days = 30;  // one-time codes, sessions, sign-ups, OIDC attempts after expiry
};

tl::expected<RetentionRules, std::string> parse_retention_rules(std::string_view text);

}  // namespace motcua::codec
