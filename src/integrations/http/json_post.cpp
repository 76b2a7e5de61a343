#include "integrations/http/json_post.hpp"

#include <boost/json.hpp>

namespace motcua::integrations {

using app::delivery::DeliveryOutcome;
using app::delivery::DeliveryResult;

namespace {

std::string excerpt(const std::string& body) {
  constexpr std::size_t kMax = 300;
  return body.size() <= kMax ? body : body.substr(0, kMax) + "…";
}

bool transient_status(int status) {
  return status == 408 || status == 425 || status == 429 || status >= 500;
}

}  // namespace

std::optional<std::string> read_id_field(const std::string& body) {
  boost::system::error_code ec;
  const auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) return std::nullopt;
  const auto& object = value.as_object();
  const auto* id = object.if_contains("id");
  if (!id) return std::string();
  if (id->is_string()) return std::string(id->as_string());
  if (id->is_int64()) return std::to_string(id->as_int64());
  return std::string();
}

DeliveryResult classify_answer(const HttpResponse& answer, const ReferenceReader& read_reference) {
  if (!answer.answered()) return {DeliveryOutcome::retry, "", "no answer: " + answer.error};
  const std::string status = "HTTP " + std::to_string(answer.status);
  if (transient_status(answer.status))
    return {DeliveryOutcome::retry, "", status + ": " + excerpt(answer.body)};
  if (!answer.ok()) return {DeliveryOutcome::dead, "", status + ": " + excerpt(answer.body)};
  auto reference = read_reference(answer.body);
  if (!reference)
    return {DeliveryOutcome::retry, "",
            status + " with an unreadable answer: " + excerpt(answer.body)};
  return {DeliveryOutcome::delivered, std::move(*reference), ""};
}

DeliveryResult post_json(const JsonPost& post, const ReferenceReader& read_reference) {
  HttpRequest request;
  request.method = "POST";
  request.url = post.url;
  request.body = post.body;
  request.total_timeout = post.total_timeout;
  request.headers = post.headers;
  request.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  request.headers.emplace_back("Accept", "application/json");
  if (!post.idempotency_key.empty())
    request.headers.emplace_back("Idempotency-Key", post.idempotency_key);
  return classify_answer(http_send(request), read_reference);
}

}  // namespace motcua::integrations
