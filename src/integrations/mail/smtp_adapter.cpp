#include "integrations/mail/smtp_adapter.hpp"

#include <curl/curl.h>

#include <boost/json.hpp>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>

#include "integrations/mail/mime_message.hpp"

namespace motcua::integrations {

namespace json = boost::json;
using app::delivery::DeliveryOutcome;
using app::delivery::DeliveryResult;

namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
  const std::string* text;
  std::size_t pos = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->text->size() - up->pos);
  std::memcpy(buffer, up->text->data() + up->pos, n);
  up->pos += n;
  return n;
}

// A link written as a path ("/track?code=...") gets the installation's origin.
std::string absolute(const std::string& value, const std::string& public_url) {
  if (value.empty() || value.front() != '/' || public_url.empty()) return value;
  std::string origin = public_url;
  while (!origin.empty() && origin.back() == '/') origin.pop_back();
  return origin + value;
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

SmtpReply smtp_send(const SmtpConfig& config, const std::string& to, const std::string& message) {
  init_curl_once();
  SmtpReply reply;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    reply.error = "curl_easy_init failed";
    return reply;
  }
  CURL* h = curl.get();
  const std::string from = "<" + config.from + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(
      curl_slist_append(nullptr, ("<" + to + ">").c_str()), curl_slist_free_all);
  Upload upload{&message};
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(h, CURLOPT_URL, config.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  // STARTTLS when the server offers it; a plain relay on loopback (tests, a local MTA) works too.
  curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(config.total_timeout.count()));
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.code);
  if (rc == CURLE_OK) {
    reply.sent = true;
    return reply;
  }
  reply.error = error[0] ? error : curl_easy_strerror(rc);
  return reply;
}

DeliveryOutcome classify_smtp(const SmtpReply& reply) {
  if (reply.sent) return DeliveryOutcome::delivered;
  if (reply.code >= 500 && reply.code < 600) return DeliveryOutcome::dead;
  return DeliveryOutcome::retry;
}

SmtpAdapter::SmtpAdapter(SmtpConfig config, MailTemplates templates)
    : config_(std::move(config)), templates_(std::move(templates)) {}

std::string SmtpAdapter::endpoint() const {
  // No password in logs or the admin view: drop any user information of the URL.
  const auto scheme = config_.url.find("://");
  const auto at = config_.url.rfind('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return config_.url;
  return config_.url.substr(0, scheme + 3) + config_.url.substr(at + 1);
}

SmtpAdapter::Built SmtpAdapter::build(const app::delivery::OutgoingMessage& message,
                                      long long unix_seconds) const {
  Built out;
  json::error_code ec;
  const auto root = json::parse(message.payload, ec);
  if (ec || !root.is_object()) {
    out.error = "payload is not a JSON object";
    return out;
  }
  const auto& p = root.as_object();
  auto text = [&](const char* name) {
    const auto* v = p.if_contains(name);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  out.to = text("to");
  const std::string key = text("template");
  const std::string lang = text("lang").empty() ? "vi" : text("lang");
  const auto* required = p.if_contains("required");
  const bool is_required = required && required->is_bool() && required->as_bool();
  if (out.to.find('@') == std::string::npos) {
    out.error = "no e-mail address in \"to\"";
    return out;
  }
  TemplateParams params;
  if (const auto* ps = p.if_contains("params"); ps && ps->is_object()) {
    for (const auto& [name, value] : ps->as_object()) {
      const std::string n(name);
      if (value.is_string()) {
        std::string v(value.as_string());
        params.text[n] = ends_with(n, "_url") ? absolute(v, config_.public_url) : v;
      } else if (value.is_array()) {
        auto& list = params.lists[n];
        for (const auto& item : value.as_array())
          if (item.is_string()) list.emplace_back(item.as_string());
      }
    }
  }
  // Optional notices say how to stop them (RFC 2369 List-Unsubscribe): the account page where the
  // preferences are, or a mail to the sender when the installation has no public address.
  std::string unsubscribe;
  if (!is_required) {
    unsubscribe = config_.public_url.empty()
                      ? "mailto:" + config_.from + "?subject=unsubscribe"
                      : absolute("/my#notification-preferences", config_.public_url);
  }
  const auto filled = templates_.render(key, lang, params, unsubscribe);
  if (!filled) {
    out.error = "unknown mail template \"" + key + "\"";
    return out;
  }
  out.message_id = message_id_for(message.idempotency_key, config_.from);
  out.mime = build_mime(MimeMail{config_.from, out.to, filled->subject, filled->text, filled->html,
                                 out.message_id, rfc5322_date(unix_seconds), unsubscribe});
  return out;
}

DeliveryResult SmtpAdapter::deliver(const app::delivery::OutgoingMessage& message) {
  const auto built = build(message, static_cast<long long>(std::time(nullptr)));
  if (!built.error.empty()) return {DeliveryOutcome::dead, "", built.error};
  const auto reply = smtp_send(config_, built.to, built.mime);
  const auto outcome = classify_smtp(reply);
  if (outcome == DeliveryOutcome::delivered) return {outcome, "<" + built.message_id + ">", ""};
  std::string error = reply.error;
  if (reply.code) error += " (SMTP " + std::to_string(reply.code) + ")";
  return {outcome, "", error};
}

}  // namespace motcua::integrations
