#include "http/problem.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace motcua::http {

HttpResponse to_response(const Problem& p) {
  boost::json::object body;
  body["type"] = std::string(kProblemTypeBase) + p.code;
  body["title"] = p.message_en;
  body["status"] = p.status;
  if (!p.detail.empty()) body["detail"] = p.detail;
  if (!p.instance.empty()) body["instance"] = p.instance;
  body["code"] = p.code;
  body["message_vi"] = p.message_vi;
  body["message_en"] = p.message_en;

  HttpResponse res;
  res.status = p.status;
  res.headers.emplace_back("Content-Type", std::string(kProblemContentType));
  res.body = boost::json::serialize(body);
  return res;
}

HttpResponse problem(int status, std::string_view code, std::string_view message_vi,
                     std::string_view message_en, std::string_view detail) {
  return to_response(Problem{status,
                             std::string(code),
                             std::string(message_vi),
                             std::string(message_en),
                             std::string(detail),
                             {}});
}

}  // namespace motcua::http
