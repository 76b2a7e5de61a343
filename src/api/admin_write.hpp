// The administrative writes' one shape: administrators only (checked before the body is read), the
// body decoded on the io thread, the use case in an idempotent write that answers after the
// commit. `use_case(db, actor, path_params, input, now_iso)`.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "api/idempotent_write.hpp"
#include "api/session_guard.hpp"
#include "app/admin/admin_users.hpp"

namespace motcua::api {

template <typename Decode, typename UseCase>
http::AsyncHandler administering(ApiContext& ctx, Decode decode, UseCase use_case,
                                 int success_status = 200) {
  return authenticated_async(ctx, [&ctx, decode, use_case, success_status](http::HttpRequest& r,
                                                                           const app::Actor& a,
                                                                           http::Respond respond) {
    if (auto ok = app::require_administrator(a); !ok) {
      return answer_now(respond, problem_of(ok.error(), r));
    }
    decoded_write(
        ctx, r, a, decode,
        [&ctx, a, use_case, params = r.path_params](store::SqlConnection& db, const auto& input) {
          return use_case(db, a, params, input, ctx.now_iso());
        },
        success_status, std::move(respond));
  });
}

using PathParams = std::map<std::string, std::string>;

}  // namespace motcua::api
