#include "api/json/notifications_json.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"

namespace motcua::app::notifications {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PreferencesView& v) {
  out =
      boost::json::object{{"mail", v.mail},
                          {"sms", v.sms},
                          {"zalo", v.zalo},
                          {"optional_notices", v.optional_notices},
                          {"language", v.language},
                          {"email", v.email},
                          {"phone", v.phone},
                          {"updated_at", v.updated_at.empty() ? boost::json::value(nullptr)
                                                              : boost::json::value(v.updated_at)}};
}

}  // namespace motcua::app::notifications

namespace motcua::api {

namespace json = boost::json;

app::AppResult<app::notifications::PreferencesInput> preferences_from_json(
    const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::notifications::PreferencesInput in;
  for (auto [name, target] : {std::pair<const char*, bool*>{"mail", &in.mail},
                              {"sms", &in.sms},
                              {"zalo", &in.zalo},
                              {"optional_notices", &in.optional_notices}}) {
    const auto* v = o.if_contains(name);
    if (v == nullptr || !v->is_bool())
      return tl::unexpected(
          app::invalid_input("'" + std::string(name) + "' must be true or false"));
    *target = v->as_bool();
  }
  in.language = codec::text_field(o, "language");
  if (in.language != "vi" && in.language != "en")
    return tl::unexpected(app::invalid_input("'language' must be vi or en"));
  in.reason = codec::text_field(o, "reason");
  if (in.reason.size() > 500)
    return tl::unexpected(app::invalid_input("'reason' is at most 500 bytes"));
  return in;
}

}  // namespace motcua::api
