// A stored paper's bytes as an HTTP answer: its content type, a download name, nosniff and its
// sha256 as the ETag; `open_inline` lets an official open it in the browser. Shared by the
// dossier's papers and the papers a partner instance sent with a question.
#pragma once

#include "api/api_context.hpp"
#include "http/http_types.hpp"
#include "store/paper_repository.hpp"

namespace motcua::api {

http::HttpResponse paper_response(const ApiContext& ctx, const store::PaperRecord& paper,
                                  bool open_inline);

}  // namespace motcua::api
