#include "api/json/admin_json.hpp"

#include <boost/json.hpp>

#include "app/accounts/passwords.hpp"
#include "codec/json_fields.hpp"
#include "codec/process_json.hpp"
#include "domain/clock/legal_clock.hpp"
#include "domain/clock/time_limit.hpp"

namespace motcua::app {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const UnitView& u) {
  out = json::object{{"id", u.id},
                     {"agency_id", u.agency_id},
                     {"name", u.name},
                     {"name_en", u.name_en},
                     {"address", u.address}};
}

void tag_invoke(json::value_from_tag, json::value& out, const AgencyView& a) {
  json::array units;
  for (const auto& u : a.units) units.push_back(json::value_from(u));
  out = json::object{{"id", a.id},
                     {"code", a.code},
                     {"name", a.name},
                     {"name_en", a.name_en},
                     {"kind", a.kind},
                     {"parent_id", a.parent_id && !a.parent_id->empty() ? json::value(*a.parent_id)
                                                                        : json::value(nullptr)},
                     {"units", std::move(units)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const OfficialView& u) {
  json::array grants;
  for (const auto& g : u.grants) {
    grants.push_back(
        json::object{{"role", g.role}, {"agency_id", g.agency_id}, {"agency_name", g.agency_name}});
  }
  out = json::object{
      {"id", u.id},           {"username", u.username},     {"display_name", u.display_name},
      {"email", u.email},     {"phone", u.phone},           {"disabled", u.disabled},
      {"version", u.version}, {"created_at", u.created_at}, {"grants", std::move(grants)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const ProcessProblem& p) {
  out = json::object{{"code", p.code},
                     {"step", p.step},
                     {"message_vi", p.message_vi},
                     {"message_en", p.message_en}};
}

void tag_invoke(json::value_from_tag, json::value& out, const ProcessSummary& s) {
  out = json::object{
      {"id", s.id},
      {"version", s.version},
      {"procedure_code", s.procedure_code},
      {"procedure_name", s.procedure_name},
      {"agency_id", s.agency_id},
      {"agency_name", s.agency_name},
      {"legal_limit", s.legal_limit ? json::value(*s.legal_limit) : json::value(nullptr)},
      {"steps", s.steps},
      {"updated_by", s.updated_by},
      {"updated_at", s.updated_at}};
}

void tag_invoke(json::value_from_tag, json::value& out, const FieldProblem& p) {
  out = json::object{{"field", p.field},
                     {"code", p.code},
                     {"message_vi", p.message_vi},
                     {"message_en", p.message_en}};
}

}  // namespace motcua::app

namespace motcua::process {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const ProcessDefinition& definition) {
  out = codec::process_to_json(definition);
}

}  // namespace motcua::process

namespace motcua::api {

namespace json = boost::json;
using codec::text_field;

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxAddress = 300;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Reads an optional string field into `target`; false when present but not a string or too long
// (or blank, when `required`).
bool read_text(const json::object& o, std::string_view key, std::size_t max, bool required,
               std::optional<std::string>& target) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) return true;
  if (!v->is_string() || v->as_string().size() > max) return false;
  std::string text(v->as_string());
  if (required && blank(text)) return false;
  target = std::move(text);
  return true;
}

app::AppError body_not_object() { return app::invalid_input("the body must be a JSON object"); }

// The string members of `expected`; other members are not compared.
void read_expected(const json::object& o, std::map<std::string, std::string>& expected,
                   bool& not_object) {
  const auto* v = o.if_contains("expected");
  if (v == nullptr) return;
  if (!v->is_object()) {
    not_object = true;
    return;
  }
  for (const auto& [key, value] : v->as_object()) {
    if (value.is_string()) expected.emplace(std::string(key), std::string(value.as_string()));
  }
}

}  // namespace

app::AgencyEdit agency_edit_from_json(const json::value& body) {
  app::AgencyEdit edit;
  if (!body.is_object()) {
    edit.field_error = body_not_object();
    return edit;
  }
  const auto& o = body.as_object();
  if (!read_text(o, "name", kMaxName, true, edit.name)) {
    edit.field_error = app::invalid_input("'name' must be a non-empty string (at most 200)");
  } else if (!read_text(o, "name_en", kMaxName, false, edit.name_en)) {
    edit.field_error = app::invalid_input("'name_en' must be a string (at most 200)");
  } else if (!read_text(o, "code", 32, true, edit.code)) {
    edit.field_error = app::invalid_input("'code' must be a non-empty string");
  }
  read_expected(o, edit.expected, edit.expected_not_object);
  edit.reason = text_field(o, "reason");
  return edit;
}

app::UnitEdit unit_edit_from_json(const json::value& body) {
  app::UnitEdit edit;
  if (!body.is_object()) {
    edit.field_error = body_not_object();
    return edit;
  }
  const auto& o = body.as_object();
  if (!read_text(o, "name", kMaxName, true, edit.name)) {
    edit.field_error = app::invalid_input("'name' must be a non-empty string (at most 200)");
  } else if (!read_text(o, "name_en", kMaxName, false, edit.name_en) ||
             !read_text(o, "address", kMaxAddress, false, edit.address)) {
    edit.field_error = app::invalid_input("'name_en' or 'address' is not a string or too long");
  }
  read_expected(o, edit.expected, edit.expected_not_object);
  edit.reason = text_field(o, "reason");
  return edit;
}

app::AppResult<app::NewUnit> new_unit_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(body_not_object());
  const auto& o = body.as_object();
  app::NewUnit unit;
  unit.id = text_field(o, "id");
  unit.agency_id = text_field(o, "agency_id");
  std::optional<std::string> name, name_en, address;
  if (!o.contains("name") || !read_text(o, "name", kMaxName, true, name)) {
    unit.field_error = app::invalid_input("'name' is required (at most 200 characters)");
  } else if (!read_text(o, "name_en", kMaxName, false, name_en) ||
             !read_text(o, "address", kMaxAddress, false, address)) {
    unit.field_error = app::invalid_input("'name_en' or 'address' is not a string or too long");
  }
  unit.name = name.value_or("");
  unit.name_en = name_en.value_or("");
  unit.address = address.value_or("");
  unit.reason = text_field(o, "reason");
  return unit;
}

app::AppResult<app::NewOfficial> new_official_from_json(const json::value& body) {
  using app::AppError;
  using app::ErrorKind;
  if (!body.is_object()) return tl::unexpected(body_not_object());
  const auto& o = body.as_object();
  app::NewOfficial n;
  n.username = text_field(o, "username");
  n.display_name = text_field(o, "display_name");
  n.email = text_field(o, "email");
  n.phone = text_field(o, "phone");
  n.reason = text_field(o, "reason");
  if (auto problem = app::username_problem(n.username)) return tl::unexpected(*problem);
  if (blank(n.display_name) || n.display_name.size() > kMaxName) {
    return tl::unexpected(
        app::invalid_input("'display_name' is required (at most 200 characters)"));
  }
  if (n.email.size() > kMaxName || n.phone.size() > 40) {
    return tl::unexpected(app::invalid_input("'email' or 'phone' is too long"));
  }
  const auto* grants = o.if_contains("grants");
  if (grants != nullptr && !grants->is_array()) {
    return tl::unexpected(app::invalid_input("'grants' must be an array of {role, agency_id}"));
  }
  if (grants != nullptr) {
    for (const auto& g : grants->as_array()) {
      if (!g.is_object()) return tl::unexpected(app::invalid_input("a grant must be an object"));
      const auto role = dossier::parse_role(text_field(g.as_object(), "role"));
      if (!role || *role == dossier::Role::applicant) {
        return tl::unexpected(app::invalid_input("unknown role in grants"));
      }
      n.grants.push_back({*role, text_field(g.as_object(), "agency_id")});
    }
  }
  if (blank(n.reason)) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "Cần ghi lý do thay đổi.",
                                   "A reason for the change is required.", ""});
  }
  const std::string password = text_field(o, "temporary_password");
  if (auto problem = app::temporary_password_problem(password)) {
    return tl::unexpected(*problem);
  }
  n.password_hash = app::hash_password(password);
  return n;
}

app::OfficialEdit official_edit_from_json(const json::value& body) {
  app::OfficialEdit edit;
  if (!body.is_object()) {
    edit.field_error = body_not_object();
    return edit;
  }
  const auto& o = body.as_object();
  const auto fail = [&](const std::string& why) {
    edit.field_error = app::invalid_input(why);
    return edit;
  };
  if (const auto* v = o.if_contains("display_name")) {
    if (!v->is_string() || blank(std::string(v->as_string())) || v->as_string().size() > kMaxName) {
      return fail("'display_name' must be a non-empty string");
    }
    edit.display_name = std::string(v->as_string());
  }
  if (const auto* v = o.if_contains("disabled")) {
    if (!v->is_bool()) return fail("'disabled' must be true or false");
    edit.disabled = v->as_bool();
  }
  const auto* version = o.if_contains("expected_version");
  if (version == nullptr || !version->is_int64()) {
    return fail("'expected_version' (the version you read) is required");
  }
  edit.expected_version = version->as_int64();
  edit.reason = text_field(o, "reason");
  return edit;
}

app::ProcessDraft process_draft_from_json(const json::value& body, const std::string& expected_id) {
  if (!body.is_object()) return app::malformed_draft("the process must be a JSON object");
  json::object o = body.as_object();
  std::string reason;
  if (const auto* v = o.if_contains("reason")) {
    if (!v->is_string()) return app::malformed_draft("reason: must be a string");
    reason = std::string(v->as_string());
    o.erase("reason");
  }
  // The server numbers versions; an editor need not send one.
  if (!o.contains("version")) o["version"] = 1;
  auto parsed = codec::process_from_json(o);
  if (!parsed) return app::malformed_draft(parsed.error());
  return app::draft_of(std::move(*parsed), std::move(reason), expected_id);
}

namespace {

constexpr std::size_t kMaxText = 2000;

app::FieldProblem field_problem(std::string_view field, std::string_view code,
                                const std::string& vi, const std::string& en) {
  return {std::string(field), std::string(code), vi, en};
}

std::string text_member(const json::object& o, std::string_view key,
                        std::vector<app::FieldProblem>& problems) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return {};
  if (!v->is_string() || v->as_string().size() > kMaxText) {
    problems.push_back(field_problem(key, "invalid_text", "Cần một chuỗi tối đa 2000 ký tự.",
                                     "A string of at most 2000 characters is expected."));
    return {};
  }
  return std::string(v->as_string());
}

}  // namespace

app::LocalTermsDraft local_terms_draft_from_json(const json::value& body) {
  app::LocalTermsDraft d;
  if (!body.is_object()) {
    d.problems.push_back(field_problem("", "malformed", "Nội dung phải là một đối tượng JSON.",
                                       "The body must be a JSON object."));
    return d;
  }
  const auto& o = body.as_object();
  if (const auto* limits = o.if_contains("limits"); limits != nullptr && !limits->is_null()) {
    if (!limits->is_object()) {
      d.problems.push_back(field_problem("limits", "invalid_limits",
                                         "Thời hạn phải là đối tượng theo kênh nộp.",
                                         "Limits must be an object keyed by channel."));
    } else {
      for (const auto& [channel, value] : limits->as_object()) {
        const std::string field = "limits." + std::string(channel);
        const auto parsed_channel = clock::parse_channel(channel);
        if (!parsed_channel) {
          d.problems.push_back(field_problem(field, "unknown_channel",
                                             "Kênh nộp không hợp lệ (counter, online, post).",
                                             "Unknown channel (counter, online, post)."));
          continue;
        }
        if (value.is_string() && value.as_string().empty()) continue;  // cleared: inherited
        const auto parsed = value.is_string()
                                ? clock::parse_time_limit(std::string(value.as_string()))
                                : tl::unexpected(std::string("not a string"));
        if (!parsed || parsed->amount <= 0) {
          d.problems.push_back(field_problem(
              field, "invalid_time_limit",
              "Thời hạn không hợp lệ; ví dụ \"5 working-days\", \"15 days\", \"8 hours\".",
              "Not a time limit; e.g. \"5 working-days\", \"15 days\", \"8 hours\"."));
          continue;
        }
        d.terms.limits.set(*parsed_channel, clock::to_string(*parsed));
      }
    }
  }
  d.terms.rule = text_member(o, "rule", d.problems);
  if (!d.terms.rule.empty() && !clock::parse_deadline_rule(d.terms.rule)) {
    d.problems.push_back(field_problem("rule", "unknown_rule",
                                       "Cách tính hạn không hợp lệ (standard, civil-code).",
                                       "Unknown deadline rule (standard, civil-code)."));
  }
  d.terms.fees_note = text_member(o, "fees_note", d.problems);
  d.terms.receiving_address = text_member(o, "receiving_address", d.problems);
  d.terms.note = text_member(o, "note", d.problems);
  d.reason = text_member(o, "reason", d.problems);
  if (const auto* v = o.if_contains("expected_version"); v != nullptr) {
    if (v->is_int64() && v->as_int64() >= 0) {
      d.expected_version = v->as_int64();
    } else {
      d.problems.push_back(field_problem("expected_version", "invalid_version",
                                         "Phiên bản phải là số nguyên không âm.",
                                         "The version must be a non-negative integer."));
    }
  }
  return d;
}

}  // namespace motcua::api
