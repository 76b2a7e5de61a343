#include "api/json/dossier_json.hpp"

#include <boost/json.hpp>

#include "api/json/consultation_json.hpp"
#include "api/json/result_json.hpp"
#include "codec/clock_json.hpp"
#include "codec/command_json.hpp"
#include "codec/dossier_document_json.hpp"
#include "codec/json_fields.hpp"
#include "domain/text/fold.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::value text_or_null(const std::optional<std::string>& t) {
  return t ? json::value(*t) : json::value(nullptr);
}

json::object status_fields(dossier::DossierStatus s) {
  return {{"status", dossier::to_string(s)},
          {"status_label_vi", dossier::label_vi(s)},
          {"status_label_en", dossier::label_en(s)},
          {"portal_status", dossier::portal_status_code(s)}};
}

json::object timeline_entry(const TimelineEntry& e) {
  json::object item{{"type", e.type}, {"at", e.at}, {"from", e.from}, {"to", e.to}};
  item["to_label_vi"] = e.to_status ? json::value(dossier::label_vi(*e.to_status)) : nullptr;
  item["to_label_en"] = e.to_status ? json::value(dossier::label_en(*e.to_status)) : nullptr;
  if (e.with_people) {
    item["role"] = e.role;
    item["actor_id"] = e.actor_id;
    if (e.fact) {
      item["fact"] = true;
      boost::system::error_code ec;
      auto data = json::parse(e.fact_payload, ec);
      item["data"] = ec ? json::value(json::object{}) : std::move(data);
    } else if (e.command) {
      item["data"] = codec::command_to_json(*e.command, e.utc_offset_minutes);
    }
  }
  if (e.has_actor_name) item["actor_name"] = text_or_null(e.actor_name);
  if (e.has_actor_name && !e.reason.empty()) item["reason"] = e.reason;
  return item;
}

json::array timeline(const std::vector<TimelineEntry>& entries) {
  json::array out;
  for (const auto& e : entries) out.push_back(timeline_entry(e));
  return out;
}

json::value person_json(const PersonRef& p) {
  return json::object{{"id", p.id}, {"name", text_or_null(p.name)}};
}

// The fee request with how to pay it; null when no fee was ever requested.
json::value fee_json(const std::optional<FeeRequestView>& fee,
                     const std::optional<PayAtCounter>& pay_at) {
  if (!fee) return nullptr;
  json::object out{
      {"amount", fee->amount},
      {"description", fee->description},
      {"requested_at", fee->requested_at},
      {"requested_by", person_json(fee->requested_by)},
      {"status", fee->status},
      {"paid_at", text_or_null(fee->paid_at)},
      {"paid_reference", text_or_null(fee->paid_reference)},
      {"confirmed_by", fee->confirmed_by ? person_json(*fee->confirmed_by) : json::value(nullptr)}};
  // Only at the counter for now: online payment (the national portal's gateway) comes later.
  out["pay_at"] =
      json::object{{"method", "counter"},
                   {"name", pay_at ? json::value(pay_at->name) : json::value(nullptr)},
                   {"address", pay_at && !pay_at->address.empty() ? json::value(pay_at->address)
                                                                  : json::value(nullptr)}};
  return out;
}

json::value pause_json(const std::optional<PauseNotice>& p) {
  if (!p) return nullptr;
  json::array missing;
  for (const auto& item : p->missing_items) missing.emplace_back(item);
  return json::object{{"kind", p->kind},
                      {"since", p->since},
                      {"waiting_vi", p->waiting_vi},
                      {"waiting_en", p->waiting_en},
                      {"reason", p->reason},
                      {"missing_items", std::move(missing)},
                      {"fee_owed", p->fee_owed ? json::value(*p->fee_owed) : json::value(nullptr)}};
}

json::value apology_json(const std::optional<ApologyNotice>& a) {
  if (!a) return nullptr;
  return json::object{{"at", a->at}, {"reason", a->reason}, {"new_due", a->new_due}};
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const DossierView& v) {
  auto view = status_fields(v.status);
  view["id"] = v.id;
  view["code"] = text_or_null(v.code);
  view["substate"] = v.substate;
  view["procedure"] = {{"code", v.procedure_code},
                       {"version", v.procedure_version},
                       {"name", v.procedure_name},
                       {"variant", v.variant}};
  view["agency_id"] = v.agency_id;
  view["receiving_unit_id"] = text_or_null(v.receiving_unit_id);
  view["channel"] = v.channel;
  view["return_channel"] = dossier::to_string(v.return_channel);
  view["applicant"] = codec::applicant_to_json(v.applicant);
  view["applicant_identity_verified"] = v.applicant_identity_verified;
  view["assignee_id"] = text_or_null(v.assignee_id);
  view["step"] = v.step;
  view["submitted_at"] = text_or_null(v.submitted_at);
  view["received_at"] = text_or_null(v.received_at);
  view["due"] = text_or_null(v.due);
  view["due_766"] = text_or_null(v.due_766);
  view["finished_at"] = text_or_null(v.finished_at);
  // The tracking book's "Quyển số / Số thứ tự" and the sets received, once received.
  if (v.book_number) {
    view["book_number"] = {{"year", v.book_number->year},
                           {"volume", v.book_number->volume},
                           {"line", v.book_number->line},
                           {"sets", v.book_number->sets}};
  } else {
    view["book_number"] = nullptr;
  }
  // The signed result file's facts (the bytes at its download_url), null until attached.
  if (v.result_file) {
    view["result_file"] = json::value_from(*v.result_file);
  } else {
    view["result_file"] = nullptr;
  }
  view["terms"] = codec::clock_terms_to_json(v.terms);
  json::array missing;
  for (const auto& item : v.missing_items) missing.emplace_back(item);
  view["missing_items"] = std::move(missing);
  auto papers = codec::document_papers_to_json(v.papers);
  for (auto& paper : papers) {
    auto& o = paper.as_object();
    const auto it = v.workspace.uploader_names.find(std::string(o["uploaded_by"].as_string()));
    o["uploaded_by_name"] =
        it == v.workspace.uploader_names.end() ? json::value(nullptr) : json::value(it->second);
  }
  view["papers"] = std::move(papers);
  view["result_kind"] = text_or_null(v.result_kind);
  view["version"] = v.version;
  view["timeline"] = timeline(v.timeline);
  if (v.clock) {
    auto clock = codec::clock_report_to_json(*v.clock, v.utc_offset_minutes);
    // The control sheet names each official; the clock keeps the account ids.
    auto sheet = clock["steps"];
    for (auto& row : sheet.as_array()) {
      auto& o = row.as_object();
      const auto it = v.workspace.party_names.find(std::string(o["party"].as_string()));
      o["party_name"] =
          it == v.workspace.party_names.end() ? json::value(nullptr) : json::value(it->second);
    }
    view["control_sheet"] = std::move(sheet);
    view["clock"] = std::move(clock);
  } else {
    view["clock"] = nullptr;
    view["control_sheet"] = json::array{};
  }
  // The officials' workspace (app/dossier/dossier_workspace.hpp).
  const auto& w = v.workspace;
  json::array actions;
  for (const auto& a : w.allowed_actions) actions.emplace_back(a);
  view["allowed_actions"] = std::move(actions);
  json::array outside;
  for (const auto& a : w.outside_process) outside.emplace_back(a);
  view["outside_process"] = std::move(outside);
  json::object targets;
  for (const auto& [action, steps] : w.step_targets) {
    json::array ids;
    for (const auto& id : steps) ids.emplace_back(id);
    targets[action] = std::move(ids);
  }
  view["step_targets"] = std::move(targets);
  json::object partner_steps;
  for (const auto& [step, holder] : w.partner_steps)
    partner_steps[step] = json::object{{"official_id", holder.official_id}, {"name", holder.name}};
  view["partner_steps"] = std::move(partner_steps);
  view["agency"] = w.agency ? json::value(json::object{{"id", w.agency->id},
                                                       {"code", w.agency->code},
                                                       {"name", w.agency->name},
                                                       {"name_en", w.agency->name_en},
                                                       {"parent_name", w.agency->parent_name}})
                            : json::value(nullptr);
  view["receiving_unit"] =
      w.receiving_unit ? json::value(json::object{{"id", w.receiving_unit->id},
                                                  {"name", w.receiving_unit->name},
                                                  {"name_en", w.receiving_unit->name_en},
                                                  {"address", w.receiving_unit->address},
                                                  {"agency_name", w.receiving_unit->agency_name}})
                       : json::value(nullptr);
  view["assignee_name"] = text_or_null(w.assignee_name);
  view["received_by"] = w.received_by
                            ? json::value(json::object{{"id", w.received_by->id},
                                                       {"name", text_or_null(w.received_by->name)}})
                            : json::value(nullptr);
  json::array received;
  for (const auto& p : w.received_papers)
    received.push_back(
        json::object{{"name", p.name}, {"originals", p.originals}, {"copies", p.copies}});
  view["received_papers"] = std::move(received);
  view["fee"] = fee_json(v.fee, w.pay_at);
  view["consultations"] = json::value_from(w.consultations);
  out = std::move(view);
}

void tag_invoke(json::value_from_tag, json::value& out, const TrackingView& v) {
  auto view = status_fields(v.status);
  view["status_label_vi"] = v.status_label_vi;
  view["status_label_en"] = v.status_label_en;
  view["code"] = text_or_null(v.code);
  view["procedure_name"] = v.procedure_name;
  view["applicant"] = v.applicant;
  view["submitted_at"] = text_or_null(v.submitted_at);
  view["received_at"] = text_or_null(v.received_at);
  view["due"] = text_or_null(v.due);
  view["finished_at"] = text_or_null(v.finished_at);
  view["timeline"] = timeline(v.timeline);
  view["pause"] = pause_json(v.pause);
  view["apology"] = apology_json(v.apology);
  out = std::move(view);
}

void tag_invoke(json::value_from_tag, json::value& out, const QueueItem& r) {
  out = json::object{{"id", r.id},
                     {"code", text_or_null(r.code)},
                     {"procedure_code", r.procedure_code},
                     {"procedure_name", r.procedure_name},
                     {"applicant_name", r.applicant_name},
                     {"status", r.status},
                     {"assignee_id", text_or_null(r.assignee_id)},
                     {"step", r.step},
                     {"received_at", text_or_null(r.received_at)},
                     {"due", text_or_null(r.due)},
                     {"lateness", r.lateness}};
}

void tag_invoke(json::value_from_tag, json::value& out, const DiscardedDraft& d) {
  out = json::object{{"id", d.id}, {"status", d.status}, {"version", d.version}};
}

void tag_invoke(json::value_from_tag, json::value& out, const AttachedPaper& a) {
  const auto& p = a.paper;
  out = json::object{{"id", p.id},
                     {"dossier_id", p.dossier_id},
                     {"paper_id", p.catalog_paper_id},
                     {"paper_name", p.paper_name},
                     {"file_name", p.file_name},
                     {"content_type", p.content_type},
                     {"size", p.size},
                     {"sha256", p.sha256},
                     {"uploaded_by", p.uploaded_by},
                     {"uploaded_at", p.uploaded_at},
                     {"download_url", "/api/v1/dossiers/" + p.dossier_id + "/papers/" + p.id},
                     {"dossier_version", a.dossier_version}};
  if (!p.reused_from.empty()) out.as_object()["reused_from"] = p.reused_from;
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;
using codec::text_field;

app::AppResult<app::NewDossier> new_dossier_from_json(const json::value& body,
                                                      const app::Actor& actor) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::NewDossier d;
  d.procedure_code = text_field(o, "procedure_code");
  d.variant = text_field(o, "variant");
  d.agency_id = text_field(o, "agency_id");
  if (auto unit = text_field(o, "receiving_unit_id"); !unit.empty()) d.receiving_unit_id = unit;
  if (d.procedure_code.empty() || d.agency_id.empty()) {
    return tl::unexpected(app::invalid_input("'procedure_code' and 'agency_id' are required"));
  }
  if (const auto* ao = codec::object_field(o, "applicant")) {
    d.applicant = {text_field(*ao, "name"), text_field(*ao, "id_number"),
                   text_field(*ao, "address"), text_field(*ao, "phone"), text_field(*ao, "email")};
  }
  if (d.applicant.name.empty() && actor.applicant) d.applicant.name = actor.display_name;
  const auto channel_of = [&](const char* key,
                              dossier::Channel fallback) -> app::AppResult<dossier::Channel> {
    const auto text = text_field(o, key);
    if (text.empty()) return fallback;
    const auto c = dossier::parse_channel(text);
    if (!c)
      return tl::unexpected(
          app::invalid_input(std::string("'") + key + "' must be counter, post or online"));
    return *c;
  };
  auto channel =
      channel_of("channel", actor.applicant ? dossier::Channel::online : dossier::Channel::counter);
  if (!channel) return tl::unexpected(channel.error());
  d.channel = *channel;
  auto ret = channel_of("return_channel", *channel);
  if (!ret) return tl::unexpected(ret.error());
  d.return_channel = *ret;
  d.submit = codec::bool_field(o, "submit", d.submit);
  // "Số lượng hồ sơ: 01 bộ" of the receipt slip: counter intake says how many sets it took in.
  if (const auto* sets = o.if_contains("sets"); sets && !sets->is_null()) {
    if (!sets->is_int64() || sets->as_int64() < 1 || sets->as_int64() > 99) {
      return tl::unexpected(app::invalid_input("'sets' must be a whole number from 1 to 99"));
    }
    d.sets = sets->as_int64();
  }
  return d;
}

app::AppResult<std::vector<app::ReceivedPaper>> received_papers_from_json(const json::value* list) {
  std::vector<app::ReceivedPaper> out;
  if (list == nullptr || list->is_null()) return out;
  const auto bad = [](const std::string& why) {
    return tl::unexpected(app::invalid_input("'papers_received': " + why));
  };
  if (!list->is_array()) return bad("must be a list");
  if (list->as_array().size() > app::kMaxReceivedPapers) return bad("at most 50 papers");
  for (const auto& item : list->as_array()) {
    if (!item.is_object()) return bad("each paper is an object {name, originals, copies}");
    const auto& o = item.as_object();
    const auto* name = o.if_contains("name");
    if (name == nullptr || !name->is_string()) return bad("each paper needs a 'name'");
    const std::string text(name->as_string());
    if (text.find_first_not_of(" \t\r\n") == std::string::npos || text.size() > 1000)
      return bad("a paper's name is blank or longer than 1000 bytes");
    std::int64_t counts[2] = {0, 0};
    const char* keys[2] = {"originals", "copies"};
    for (int i = 0; i < 2; ++i) {
      const auto* v = o.if_contains(keys[i]);
      if (v == nullptr || v->is_null()) continue;
      if (!v->is_int64() || v->as_int64() < 0 || v->as_int64() > 99)
        return bad(std::string("'") + keys[i] + "' must be a whole number from 0 to 99");
      counts[i] = v->as_int64();
    }
    if (counts[0] + counts[1] == 0)
      return bad("a paper received has at least one original or copy");
    out.push_back(app::ReceivedPaper{text, counts[0], counts[1]});
  }
  return out;
}

namespace {
// Draft fields are cleaned of control characters and surrounding spaces.
std::string clean_field(const json::object& o, const char* key) {
  return text::clean_text(text_field(o, key));
}
}  // namespace

app::AppResult<app::DraftChanges> draft_changes_from_json(const json::value& body) {
  using app::invalid_input;
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  app::DraftChanges c;
  const auto* version = o.if_contains("version");
  if (version == nullptr || !version->is_int64() || version->as_int64() < 1) {
    return tl::unexpected(
        invalid_input("'version' (the dossier version being edited) is required"));
  }
  c.expected_version = version->as_int64();
  if (o.contains("variant")) c.variant = clean_field(o, "variant");
  if (const auto* a = o.if_contains("applicant"); a != nullptr) {
    if (!a->is_object()) return tl::unexpected(invalid_input("'applicant' must be an object"));
    const auto& ao = a->as_object();
    c.applicant = app::ApplicantInfo{clean_field(ao, "name"), clean_field(ao, "id_number"),
                                     clean_field(ao, "address"), clean_field(ao, "phone"),
                                     clean_field(ao, "email")};
    if (c.applicant->name.empty())
      return tl::unexpected(invalid_input("'applicant.name' is required"));
    for (const auto* f : {&c.applicant->name, &c.applicant->id_number, &c.applicant->address,
                          &c.applicant->phone, &c.applicant->email}) {
      if (f->size() > app::kMaxDraftFieldBytes)
        return tl::unexpected(invalid_input("applicant fields are at most 500 bytes"));
    }
  }
  if (o.contains("return_channel")) {
    const auto channel = dossier::parse_channel(clean_field(o, "return_channel"));
    if (!channel)
      return tl::unexpected(invalid_input("'return_channel' must be counter, post or online"));
    c.return_channel = *channel;
  }
  c.reason = clean_field(o, "reason");
  if (c.reason.size() > app::kMaxDraftFieldBytes ||
      (c.variant && c.variant->size() > app::kMaxDraftFieldBytes))
    return tl::unexpected(invalid_input("'variant' and 'reason' are at most 500 bytes"));
  return c;
}

app::AppResult<std::string> override_reason_from_json(const json::value& body) {
  const auto* object = body.if_object();
  const auto* value = object != nullptr ? object->if_contains("override_reason") : nullptr;
  if (value == nullptr || value->is_null()) return std::string();
  if (!value->is_string()) {
    return tl::unexpected(app::AppError{
        app::ErrorKind::invalid_input, "invalid_override_reason",
        "Lý do làm ngoài quy trình (override_reason) phải là chuỗi ký tự.",
        "The reason for going outside the process (override_reason) must be a string.",
        "override_reason: must be a string"});
  }
  return std::string(value->as_string());
}

boost::json::value minimal_dossier_json(const app::CommittedDossier& committed) {
  const auto& r = committed.record;
  boost::json::object out;
  out["id"] = r.id;
  out["code"] = r.code ? boost::json::value(*r.code) : boost::json::value(nullptr);
  out["status"] = r.status;
  out["version"] = r.version;
  return out;
}

}  // namespace motcua::api
