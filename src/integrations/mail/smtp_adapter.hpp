// The "mail" topic's adapter: renders the notice from data/notifications/mail-templates.json,
// builds the MIME message (mime_message.hpp) and hands it to an SMTP server with libcurl. The
// payload is the contract of docs/integrations.md ("Mail"): to, lang, template, required,
// dossier_id, params.
#pragma once

#include <chrono>
#include <string>

#include "app/delivery/delivery_port.hpp"
#include "integrations/mail/mail_templates.hpp"

namespace motcua::integrations {

struct SmtpConfig {
  std::string url;         // smtp://HOST:PORT or smtps://HOST:PORT (user:password@ allowed)
  std::string from;        // envelope sender and From:
  std::string public_url;  // the installation's origin: links in params that are paths get it
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds total_timeout{20000};
};

// What the SMTP server answered for one message.
struct SmtpReply {
  bool sent = false;
  long code = 0;      // the last SMTP reply code; 0 when no server answered
  std::string error;  // curl's description, for the administrator's view
};

// Sends `message` (a full MIME text) from `from` to `to`. Blocking, bounded by the timeouts.
SmtpReply smtp_send(const SmtpConfig& config, const std::string& to, const std::string& message);

// 4xx (the server is busy, greylisting) or no answer: retry; 5xx (recipient refused): dead.
app::delivery::DeliveryOutcome classify_smtp(const SmtpReply& reply);

class SmtpAdapter final : public app::delivery::DeliveryAdapter {
 public:
  SmtpAdapter(SmtpConfig config, MailTemplates templates);
  bool configured() const override { return true; }
  std::string endpoint() const override;
  app::delivery::DeliveryResult deliver(const app::delivery::OutgoingMessage& message) override;

  // The MIME text the adapter would send for `message` at `unix_seconds`, or an error message
  // when the payload cannot make a mail (a dead message). For tests and the admin view.
  struct Built {
    std::string to;
    std::string mime;
    std::string message_id;
    std::string error;
  };
  Built build(const app::delivery::OutgoingMessage& message, long long unix_seconds) const;

 private:
  SmtpConfig config_;
  MailTemplates templates_;
};

}  // namespace motcua::integrations
