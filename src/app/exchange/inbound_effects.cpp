#include "app/exchange/inbound_effects.hpp"

#include <sodium.h>

#include "app/accounts/passwords.hpp"
#include "app/dossier/dossier_papers.hpp"
#include "app/engagement/feedback.hpp"
#include "app/exchange/envelope.hpp"
#include "app/exchange/partner_account.hpp"
#include "codec/exchange_bodies.hpp"
#include "store/agency_repository.hpp"
#include "store/exchange_links_repository.hpp"
#include "store/exchange_repository.hpp"
#include "store/file_blobs.hpp"

namespace motcua::app::exchange {

namespace {

AppError unreadable(const std::string& field) {
  return {ErrorKind::invalid_input, "invalid_input",
          "body." + field + ": thiếu hoặc sai kiểu dữ liệu.",
          "body." + field + ": missing or of the wrong type.", "body." + field};
}

AppError unknown_agency(const std::string& code) {
  return {ErrorKind::invalid_input, "unknown_agency",
          "body.agency_code: hệ thống này không có cơ quan mã " + code + ".",
          "body.agency_code: this instance has no agency with code " + code + ".",
          "body.agency_code"};
}

AppError unknown_link(const std::string& field, const std::string& id) {
  return {ErrorKind::invalid_input, "unknown_message",
          "body." + field + ": không có thông điệp " + id + " nào đã gửi cho hệ thống đối tác này.",
          "body." + field + ": no message " + id + " was sent to this partner.", "body." + field};
}

std::string sha256_hex(const std::string& bytes) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

// Stores each paper's bytes after checking them against the sha256 the sender named.
AppResult<void> keep_papers(const InboundContext& ctx,
                            const std::vector<codec::ExchangePaper>& ps) {
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const std::string field = "papers[" + std::to_string(i) + "]";
    const auto bytes = from_base64(ps[i].content_b64);
    if (bytes.empty() || sha256_hex(bytes) != ps[i].sha256 ||
        static_cast<std::int64_t>(bytes.size()) != ps[i].size)
      return tl::unexpected(AppError{
          ErrorKind::invalid_input, "paper_mismatch",
          "body." + field + ": nội dung giấy tờ không khớp mã băm sha256.",
          "body." + field + ": the paper's bytes do not match its sha256.", "body." + field});
    store::put_blob(ctx.uploads_dir, bytes);
  }
  return {};
}

AppResult<std::string> take_transfer(store::SqlConnection& db, InboundContext& ctx,
                                     const codec::ExchangeWire& m, const std::string& now_iso) {
  auto body = codec::transfer_body_from_text(m.body);
  if (!body) return tl::unexpected(unreadable(body.error()));
  const auto agency = store::agency_with_code(db, body->agency_code, "");
  if (!agency) return tl::unexpected(unknown_agency(body->agency_code));
  if (auto kept = keep_papers(ctx, body->papers); !kept) return tl::unexpected(kept.error());
  const auto partner = store::find_exchange_partner(db, m.from);
  ensure_partner_account(db, m.from, partner ? partner->name : m.from, now_iso);
  // The partner's account submits the child as an online applicant would: it is the one the
  // result goes back to.
  const Actor sender{partner_account_id(m.from), partner ? partner->name : m.from, true, {}};
  NewDossier d;
  if (const auto units = store::units_of_agency(db, *agency); !units.empty())
    d.receiving_unit_id = units.front().id;
  d.procedure_code = body->procedure_code;
  d.variant = body->variant;
  d.agency_id = *agency;
  d.applicant = body->applicant;
  d.channel = dossier::Channel::online;
  d.return_channel = dossier::Channel::online;
  d.submit = false;
  auto created = ctx.dossiers.create(db, sender, d);
  if (!created) return tl::unexpected(created.error());
  const std::string child = created->record.id;
  const Instant now = ctx.dossiers.now();
  const int offset = ctx.dossiers.calendar().utc_offset_minutes();
  for (const auto& p : body->papers) {
    PaperUpload upload{p.name, p.file_name, p.content_type, p.sha256, p.size, p.paper_id};
    auto attached = attach_paper(db, sender, child, upload, now, offset);
    // A paper this instance's catalog does not list under the id goes in under its name.
    if (!attached && !p.paper_id.empty() && attached.error().code == "unknown_paper") {
      upload.paper_id.clear();
      attached = attach_paper(db, sender, child, upload, now, offset);
    }
    if (!attached) return tl::unexpected(attached.error());
  }
  auto submitted = ctx.dossiers.act(db, sender, child, dossier::Submit{dossier::Channel::online});
  if (!submitted) return tl::unexpected(submitted.error());
  store::insert_exchange_inbound(db, {"xi_" + random_token(12), m.from, m.message_id, "step", child,
                                      *agency, body->parent_code, body->procedure_name,
                                      body->step_name, "[]", now_iso, body->due_at, "", "", ""});
  return submitted->record.code.value_or(child);
}

std::string outcome_label(const std::string& outcome) {
  if (outcome == "approval") return "giải quyết / approved";
  if (outcome == "refusal") return "từ chối / refused";
  if (outcome == "refused_at_receipt") return "từ chối tiếp nhận / refused at receipt";
  if (outcome == "stopped") return "dừng xử lý / stopped";
  return outcome;
}

AppResult<std::string> take_result(store::SqlConnection& db, InboundContext& ctx,
                                   const codec::ExchangeWire& m, const std::string& now_iso) {
  auto body = codec::result_body_from_text(m.body);
  if (!body) return tl::unexpected(unreadable(body.error()));
  const auto link = store::find_exchange_link(db, body->transfer_id);
  if (!link || link->partner_id != m.from || link->kind != "step")
    return tl::unexpected(unknown_link("transfer_id", body->transfer_id));
  if (!store::close_exchange_link(db, link->message_id, body->outcome, now_iso))
    return link->dossier_id;  // closed by an earlier result: nothing more to do
  const std::string note = "Kết quả liên thông / partner's result (" + m.from + ", " +
                           body->child_code + "): " + outcome_label(body->outcome) +
                           (body->note.empty() ? "" : " — " + body->note);
  auto resumed = ctx.dossiers.resume_from_partner(db, partner_actor(db, m.from), link->dossier_id,
                                                  link->origin_official, link->origin_step, note);
  if (!resumed) return tl::unexpected(resumed.error());
  return resumed->record.code.value_or(link->dossier_id);
}

AppResult<std::string> take_question(store::SqlConnection& db, InboundContext& ctx,
                                     const codec::ExchangeWire& m, const std::string& now_iso) {
  auto body = codec::question_body_from_text(m.body);
  if (!body) return tl::unexpected(unreadable(body.error()));
  const auto agency = store::agency_with_code(db, body->agency_code, "");
  if (!agency) return tl::unexpected(unknown_agency(body->agency_code));
  if (auto kept = keep_papers(ctx, body->papers); !kept) return tl::unexpected(kept.error());
  const std::string id = "xq_" + random_token(12);
  store::insert_exchange_inbound(
      db, {id, m.from, m.message_id, "consultation", "", *agency, body->parent_code,
           body->procedure_name, body->question, codec::exchange_papers_to_text(body->papers),
           now_iso, body->due_at, "", "", ""});
  return id;
}

AppResult<std::string> take_answer(store::SqlConnection& db, InboundContext& ctx,
                                   const codec::ExchangeWire& m, const std::string& now_iso) {
  auto body = codec::answer_body_from_text(m.body);
  if (!body) return tl::unexpected(unreadable(body.error()));
  const auto link = store::find_exchange_link(db, body->question_id);
  if (!link || link->partner_id != m.from || link->kind != "consultation")
    return tl::unexpected(unknown_link("question_id", body->question_id));
  if (!store::close_exchange_link(db, link->message_id, "answered", now_iso))
    return link->consultation_id;
  const std::string answer =
      body->answer + (body->answered_by.empty() ? "" : " — " + body->answered_by);
  auto replied = ctx.dossiers.reply_to_consultation(db, partner_actor(db, m.from),
                                                    link->consultation_id, answer);
  if (!replied) return tl::unexpected(replied.error());
  return link->consultation_id;
}

// Feedback a partner forwarded: the sender's code and the reason travel in the content's first
// line, so whoever answers here sees where it came from and why.
AppResult<std::string> take_feedback(store::SqlConnection& db, InboundContext& ctx,
                                     const codec::ExchangeWire& m) {
  auto body = codec::feedback_forward_body_from_text(m.body);
  if (!body) return tl::unexpected(unreadable(body.error()));
  NewFeedback in;
  in.name = body->name;
  in.contact = body->contact;
  in.procedure_code = body->procedure_code;
  in.content = "[Chuyển từ hệ thống " + m.from + ", mã " + body->code +
               (body->reason.empty() ? "" : ": " + body->reason) + "]\n" + body->content;
  in.channel = "exchange";
  in.kind = body->kind;
  in.entered_by = "exchange:" + m.from;
  in.answer_working_days = ctx.feedback_answer_days;
  auto taken = submit_feedback(db, *ctx.dossiers.calendar_snapshot(), in, ctx.dossiers.now());
  if (!taken) return tl::unexpected(taken.error());
  return taken->code;
}

}  // namespace

AppResult<std::string> take_effect(store::SqlConnection& db, InboundContext& ctx,
                                   const codec::ExchangeWire& message, const std::string& now_iso) {
  if (message.kind == "dossier_transfer") return take_transfer(db, ctx, message, now_iso);
  if (message.kind == "result") return take_result(db, ctx, message, now_iso);
  if (message.kind == "consultation_question") return take_question(db, ctx, message, now_iso);
  if (message.kind == "consultation_answer") return take_answer(db, ctx, message, now_iso);
  if (message.kind == "feedback_forward") return take_feedback(db, ctx, message);
  return tl::unexpected(AppError{ErrorKind::invalid_input, "invalid_input",
                                 "kind: hệ thống không nhận loại thông điệp " + message.kind + ".",
                                 "kind: this instance does not take " + message.kind + " messages.",
                                 "kind"});
}

}  // namespace motcua::app::exchange
