#include "app/dossier/dossier_drafts.hpp"

#include <boost/json.hpp>

#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_document.hpp"
#include "domain/text/fold.hpp"
#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxFieldBytes = 500;

std::string text_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? text::clean_text(std::string(v->as_string()))
                                        : std::string();
}

// The draft, if the actor owns it and it is still a draft.
AppResult<store::DossierRecord> owned_draft(store::SqlConnection& db, const Actor& actor,
                                            const std::string& id, std::int64_t expected_version) {
  auto record = store::find_dossier(db, id);
  if (!record) return tl::unexpected(not_found("dossier " + id));
  const auto roles = roles_over(db, actor, *record);
  if (roles.empty()) return tl::unexpected(not_found("dossier " + id));
  if (!actor.applicant) {
    return tl::unexpected(forbidden_action("only the applicant who owns a draft may change it"));
  }
  if (record->status != "draft") {
    return tl::unexpected(conflict(
        "not_a_draft", "Hồ sơ đã được nộp, không còn là bản nháp để sửa hoặc hủy.",
        "The dossier has been submitted; it is no longer a draft.", "status " + record->status));
  }
  if (expected_version != 0 && expected_version != record->version) {
    return tl::unexpected(conflict(
        "version_conflict", "Bản nháp vừa được thay đổi ở nơi khác; vui lòng tải lại rồi sửa tiếp.",
        "The draft was changed elsewhere; reload it and try again.",
        "current version " + std::to_string(record->version)));
  }
  return std::move(*record);
}

void log_fact(store::SqlConnection& db, const store::DossierRecord& r, const Actor& actor,
              const char* type, const std::string& reason, const std::string& to_status,
              const json::object& payload, const std::string& at) {
  store::append_event(db, store::EventDraft{r.id, type, actor.user_id, "applicant", at, reason,
                                            "draft", to_status, json::serialize(payload)});
}

}  // namespace

AppResult<DraftChanges> draft_changes_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  DraftChanges c;
  const auto* version = o.if_contains("version");
  if (version == nullptr || !version->is_int64() || version->as_int64() < 1) {
    return tl::unexpected(
        invalid_input("'version' (the dossier version being edited) is required"));
  }
  c.expected_version = version->as_int64();
  if (o.contains("variant")) c.variant = text_of(o, "variant");
  if (const auto* a = o.if_contains("applicant"); a != nullptr) {
    if (!a->is_object()) return tl::unexpected(invalid_input("'applicant' must be an object"));
    const auto& ao = a->as_object();
    c.applicant = ApplicantInfo{text_of(ao, "name"), text_of(ao, "id_number"),
                                text_of(ao, "address"), text_of(ao, "phone"), text_of(ao, "email")};
    if (c.applicant->name.empty())
      return tl::unexpected(invalid_input("'applicant.name' is required"));
    for (const auto* f : {&c.applicant->name, &c.applicant->id_number, &c.applicant->address,
                          &c.applicant->phone, &c.applicant->email}) {
      if (f->size() > kMaxFieldBytes)
        return tl::unexpected(invalid_input("applicant fields are at most 500 bytes"));
    }
  }
  if (o.contains("return_channel")) {
    const auto channel = dossier::parse_channel(text_of(o, "return_channel"));
    if (!channel)
      return tl::unexpected(invalid_input("'return_channel' must be counter, post or online"));
    c.return_channel = *channel;
  }
  c.reason = text_of(o, "reason");
  if (c.reason.size() > kMaxFieldBytes || (c.variant && c.variant->size() > kMaxFieldBytes))
    return tl::unexpected(invalid_input("'variant' and 'reason' are at most 500 bytes"));
  return c;
}

AppResult<json::object> update_draft(store::SqlConnection& db, DossierService& dossiers,
                                     const Actor& actor, const std::string& id,
                                     const DraftChanges& changes, Instant now, int offset) {
  auto record = owned_draft(db, actor, id, changes.expected_version);
  if (!record) return tl::unexpected(record.error());
  auto& r = *record;
  auto document = document_from_json(r.document);
  json::object changed;
  if (changes.variant && *changes.variant != r.variant) {
    r.variant = *changes.variant;
    changed["variant"] = r.variant;
  }
  if (changes.applicant) {
    const auto& a = *changes.applicant;
    document.applicant = a;
    r.applicant_name = a.name;
    r.applicant_folded = text::fold_vietnamese(a.name);
    // The log keeps which details changed, not their values: they are personal data and the
    // dossier document has them already.
    changed["applicant"] = true;
  }
  if (changes.return_channel && *changes.return_channel != document.return_channel) {
    document.return_channel = *changes.return_channel;
    changed["return_channel"] = dossier::to_string(document.return_channel);
  }
  if (!changed.empty()) {
    const auto at = to_iso(now, offset);
    r.document = json::serialize(to_json(document));
    r.updated_at = at;
    ++r.version;
    store::update_dossier(db, r);
    log_fact(db, r, actor, kDraftUpdatedEvent, changes.reason, "draft", changed, at);
  }
  return dossiers.detail(db, actor, id);
}

AppResult<json::object> discard_draft(store::SqlConnection& db, const Actor& actor,
                                      const std::string& id, std::int64_t expected_version,
                                      const std::string& reason, Instant now, int offset) {
  auto record = owned_draft(db, actor, id, expected_version);
  if (!record) return tl::unexpected(record.error());
  auto& r = *record;
  const auto at = to_iso(now, offset);
  r.status = kDiscardedStatus;
  r.updated_at = at;
  ++r.version;
  store::update_dossier(db, r);
  log_fact(db, r, actor, kDraftDiscardedEvent, reason, kDiscardedStatus, json::object{}, at);
  return json::object{{"id", r.id}, {"status", r.status}, {"version", r.version}};
}

}  // namespace motcua::app
