#include "api/json/setup_json.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const SetupOutcome& o) {
  boost::json::array problems;
  for (const auto& p : o.problems) problems.push_back(boost::json::string(p));
  out = boost::json::object{{"created", o.created},
                            {"existing", o.existing},
                            {"skipped", o.skipped},
                            {"problems", std::move(problems)}};
}

}  // namespace motcua::app

namespace motcua::api {

app::AppResult<SetupRequest> setup_request_from_json(const boost::json::value& body) {
  const auto* o = body.if_object();
  const auto field = [&](const char* name) {
    return o != nullptr ? codec::text_field(*o, name) : std::string{};
  };
  SetupRequest r{{field("province_id"), field("level"), field("procedure_code")}, field("reason")};
  if (r.scope.province_id.empty()) {
    return tl::unexpected(app::AppError{app::ErrorKind::invalid_input, "field_required",
                                        "Thiếu tỉnh/thành phố (province_id).",
                                        "The province (province_id) is required.", "province_id"});
  }
  if (r.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return tl::unexpected(app::AppError{app::ErrorKind::invalid_input, "reason_required",
                                        "Cần ghi lý do thay đổi (reason).",
                                        "A reason for the change (reason) is required.", "reason"});
  }
  return r;
}

}  // namespace motcua::api
