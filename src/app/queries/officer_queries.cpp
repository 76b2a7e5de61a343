#include "app/queries/officer_queries.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <set>

#include "app/dossier/dossier_access.hpp"
#include "codec/iso_time.hpp"

namespace motcua::app {

namespace json = boost::json;
using dossier::Role;

namespace {

constexpr const char* kProcessesOf =
    "SELECT p.document FROM processes p WHERE p.agency_id = ? AND p.version = "
    "(SELECT MAX(version) FROM processes WHERE id = p.id)";
constexpr const char* kUnitAgency = "SELECT agency_id FROM one_stop_units WHERE id = ?";
constexpr const char* kOfficialsOf =
    "SELECT u.id, u.display_name, r.role, r.agency_id, a.name FROM user_roles r "
    "JOIN users u ON u.id = r.user_id JOIN agencies a ON a.id = r.agency_id "
    "WHERE r.agency_id = ? AND u.disabled = 0 AND u.kind = 'official' ORDER BY u.display_name, "
    "u.id";
constexpr const char* kUnit =
    "SELECT u.id, u.name, u.address, u.agency_id, a.name, COALESCE(pa.name, '') "
    "FROM one_stop_units u JOIN agencies a ON a.id = u.agency_id "
    "LEFT JOIN agencies pa ON pa.id = a.parent_id WHERE u.id = ?";
constexpr const char* kBook =
    "SELECT d.id, d.code, d.procedure_code, d.applicant_name, d.document, d.agency_id, "
    "a.name, d.channel, d.received_at, d.due_s, d.finished_at, d.status FROM dossiers d "
    "JOIN agencies a ON a.id = d.agency_id WHERE d.receiving_unit_id = ? "
    "AND d.received_at IS NOT NULL AND substr(d.received_at, 1, 10) >= ? "
    "AND substr(d.received_at, 1, 10) <= ? ORDER BY d.received_at, d.code LIMIT 5000";
constexpr const char* kReturn =
    "SELECT at, payload FROM dossier_events WHERE dossier_id = ? AND type = 'result_returned' "
    "ORDER BY seq DESC LIMIT 1";

// The agencies named as responsible in the steps of the internal processes of `agency_id`.
void add_process_partners(store::SqlConnection& db, const std::string& agency_id,
                          std::set<std::string>& out) {
  for (const auto& row : db.query(kProcessesOf, {agency_id})) {
    boost::system::error_code ec;
    const auto doc = json::parse(row.text(0), ec);
    if (ec || !doc.is_object()) continue;
    const auto* steps = doc.as_object().if_contains("steps");
    if (steps == nullptr || !steps->is_array()) continue;
    for (const auto& step : steps->as_array()) {
      const auto* resp = step.is_object() ? step.as_object().if_contains("responsible") : nullptr;
      const auto* unit =
          resp != nullptr && resp->is_object() ? resp->as_object().if_contains("unit") : nullptr;
      if (unit == nullptr || !unit->is_string()) continue;
      const std::string id(unit->as_string());
      // A step names an agency or a one-stop unit; a unit stands for its agency.
      if (auto u = db.query_one(kUnitAgency, {id})) {
        out.insert(u->text(0));
      } else {
        out.insert(id);
      }
    }
  }
}

std::string text_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

AppResult<json::array> officials(store::SqlConnection& db, const Actor& actor,
                                 const std::string& agency_id, std::optional<Role> role) {
  if (actor.applicant)
    return tl::unexpected(forbidden_action("the list of officials is for officials"));
  const auto own = scoped_agencies(db, actor);
  std::set<std::string> allowed(own.begin(), own.end());
  for (const auto& id : own) add_process_partners(db, id, allowed);
  std::vector<std::string> agencies;
  if (agency_id.empty()) {
    agencies.assign(allowed.begin(), allowed.end());
  } else if (allowed.contains(agency_id)) {
    agencies.push_back(agency_id);
  } else {
    return tl::unexpected(forbidden_action("officials of an agency you do not work in or with"));
  }
  // One entry per person, with every role they hold in the agencies asked about.
  std::map<std::string, json::object> people;
  std::vector<std::string> order;
  for (const auto& agency : agencies) {
    for (const auto& row : db.query(kOfficialsOf, {agency})) {
      const auto id = row.text(0);
      auto [it, inserted] = people.try_emplace(id);
      if (inserted) {
        it->second = {{"id", id}, {"display_name", row.text(1)}, {"roles", json::array{}}};
        order.push_back(id);
      }
      it->second["roles"].as_array().push_back(json::object{
          {"role", row.text(2)}, {"agency_id", row.text(3)}, {"agency_name", row.text(4)}});
    }
  }
  json::array out;
  for (const auto& id : order) {
    auto& person = people.at(id);
    if (role) {
      const auto& roles = person["roles"].as_array();
      const bool holds = std::any_of(roles.begin(), roles.end(), [&](const json::value& g) {
        return g.as_object().at("role") == dossier::to_string(*role).data();
      });
      if (!holds) continue;
    }
    out.push_back(std::move(person));
  }
  std::stable_sort(out.begin(), out.end(), [](const json::value& a, const json::value& b) {
    return a.as_object().at("display_name").as_string() <
           b.as_object().at("display_name").as_string();
  });
  return out;
}

AppResult<json::object> tracking_book(store::SqlConnection& db, const Actor& actor,
                                      const std::string& unit_id, const std::string& from,
                                      const std::string& to, int offset) {
  const auto from_date = codec::parse_iso_date(from);
  const auto to_date = codec::parse_iso_date(to);
  if (!from_date || !to_date)
    return tl::unexpected(invalid_input("'from' and 'to' must be dates YYYY-MM-DD"));
  if (*to_date < *from_date || to_date->days - from_date->days > 366)
    return tl::unexpected(invalid_input("'from' must not be after 'to', at most 366 days apart"));
  const auto unit = db.query_one(kUnit, {unit_id});
  if (!unit) return tl::unexpected(not_found("one-stop unit " + unit_id));
  // Reception keeps the book; the leader of the unit's agency reads it.
  std::set<std::string> scope;
  for (const Role r : {Role::reception, Role::leader}) {
    for (auto& id : scoped_agencies(db, actor, r)) scope.insert(std::move(id));
  }
  if (actor.applicant || !scope.contains(unit->text(3)))
    return tl::unexpected(not_found("one-stop unit " + unit_id));
  json::array rows;
  std::int64_t line = 0;
  for (const auto& row : db.query(kBook, {unit_id, from, to})) {
    boost::system::error_code ec;
    const auto doc = json::parse(row.text(4), ec);
    const json::object empty;
    const auto& d = !ec && doc.is_object() ? doc.as_object() : empty;
    const auto* a = d.if_contains("applicant");
    const auto& applicant = a != nullptr && a->is_object() ? a->as_object() : empty;
    json::value returned = nullptr;
    if (auto ret = db.query_one(kReturn, {row.text(0)})) {
      const auto payload = json::parse(ret->text(1), ec);
      returned = json::object{
          {"at", ret->text(0)},
          {"receiver_name", !ec && payload.is_object()
                                ? text_of(payload.as_object(), "receiver_name")
                                : std::string()},
          {"channel",
           !ec && payload.is_object() ? text_of(payload.as_object(), "channel") : std::string()}};
    }
    const auto due = row.optional_integer(9);
    rows.push_back(json::object{
        {"line", ++line},
        {"id", row.text(0)},
        {"code", row.optional_text(1) ? json::value(*row.optional_text(1)) : json::value(nullptr)},
        {"procedure_code", row.text(2)},
        {"procedure_name", text_of(d, "procedure_name")},
        {"applicant_name", row.text(3)},
        {"applicant_address", text_of(applicant, "address")},
        {"applicant_phone", text_of(applicant, "phone")},
        {"agency_id", row.text(5)},
        {"agency_name", row.text(6)},
        {"channel", row.text(7)},
        {"return_channel", text_of(d, "return_channel")},
        {"received_at", row.text(8)},
        {"due", due ? json::value(to_iso(Instant{*due}, offset)) : json::value(nullptr)},
        {"finished_at",
         row.optional_text(10) ? json::value(*row.optional_text(10)) : json::value(nullptr)},
        {"status", row.text(11)},
        {"returned", std::move(returned)}});
  }
  return json::object{{"unit",
                       {{"id", unit->text(0)},
                        {"name", unit->text(1)},
                        {"address", unit->text(2)},
                        {"agency_id", unit->text(3)},
                        {"agency_name", unit->text(4)},
                        {"parent_name", unit->text(5)}}},
                      {"from", from},
                      {"to", to},
                      {"dossiers", std::move(rows)}};
}

}  // namespace motcua::app
