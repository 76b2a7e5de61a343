// Runs a state-changing use case in one store write job. With an Idempotency-Key header the first
// response is stored under (actor, key) in the same transaction as the change; a retry with the
// same key and the same request gets that response again without acting twice, and the same key
// with a different request is refused (422 idempotency_key_reused). A use case that refuses rolls
// back everything it wrote, so a refusal never leaves traces (a consumed dossier number, say).
#pragma once

#include <boost/json/object.hpp>
#include <functional>

#include "api/api_context.hpp"

namespace motcua::api {

using WriteUseCase = std::function<app::AppResult<boost::json::object>(store::SqlConnection&)>;

http::HttpResponse idempotent_write(ApiContext& ctx, const http::HttpRequest& request,
                                    const app::Actor& actor, const WriteUseCase& use_case,
                                    int success_status = 200);

}  // namespace motcua::api
