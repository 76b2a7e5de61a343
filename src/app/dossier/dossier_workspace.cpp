#include "app/dossier/dossier_workspace.hpp"

#include <boost/json.hpp>
#include <map>

#include "app/dossier/allowed_actions.hpp"
#include "app/dossier/dossier_access.hpp"
#include "store/audit_log.hpp"
#include "store/event_log.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr const char* kAgency =
    "SELECT a.id, a.code, a.name, a.name_en, COALESCE(p.name, '') FROM agencies a "
    "LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.id = ?";
constexpr const char* kUnit =
    "SELECT u.id, u.name, u.name_en, u.address, a.name FROM one_stop_units u "
    "JOIN agencies a ON a.id = u.agency_id WHERE u.id = ?";
constexpr const char* kUserName = "SELECT display_name FROM users WHERE id = ?";

bool is_command_event(const std::string& type) {
  for (const auto kind : dossier::kAllCommandKinds) {
    if (dossier::event_type(kind) == type) return true;
  }
  return false;
}

// Looks each person up once per view.
class Names {
 public:
  explicit Names(store::SqlConnection& db) : db_(db) {}
  json::value of(const std::string& id) {
    if (id.empty()) return nullptr;
    auto [it, inserted] = cache_.try_emplace(id);
    if (inserted) {
      const auto row = db_.query_one(kUserName, {id});
      it->second = row ? row->text(0) : std::string();
    }
    return it->second.empty() ? json::value(nullptr) : json::value(it->second);
  }

 private:
  store::SqlConnection& db_;
  std::map<std::string, std::string> cache_;
};

json::value agency_of(store::SqlConnection& db, const std::string& id) {
  const auto row = db.query_one(kAgency, {id});
  if (!row) return nullptr;
  return json::object{{"id", row->text(0)},
                      {"code", row->text(1)},
                      {"name", row->text(2)},
                      {"name_en", row->text(3)},
                      {"parent_name", row->text(4)}};
}

json::value unit_of(store::SqlConnection& db, const std::optional<std::string>& id) {
  if (!id) return nullptr;
  const auto row = db.query_one(kUnit, {*id});
  if (!row) return nullptr;
  return json::object{{"id", row->text(0)},
                      {"name", row->text(1)},
                      {"name_en", row->text(2)},
                      {"address", row->text(3)},
                      {"agency_name", row->text(4)}};
}

// The view's timeline has the command events only (the state machine's history); the log also has
// facts such as paper uploads. Walks the log in order, keeping the command entries as they are.
json::array full_timeline(store::SqlConnection& db, const std::string& dossier_id,
                          const json::array& commands, Names& names) {
  json::array out;
  std::size_t next_command = 0;
  for (const auto& stored : store::events_of(db, dossier_id)) {
    const auto& e = stored.event;
    json::object item;
    if (is_command_event(e.type)) {
      if (next_command >= commands.size()) continue;
      item = commands[next_command++].as_object();
    } else {
      boost::system::error_code ec;
      auto data = json::parse(e.payload, ec);
      item = {{"type", e.type},         {"at", e.at},
              {"from", e.from_status},  {"to", e.to_status},
              {"to_label_vi", nullptr}, {"to_label_en", nullptr},
              {"role", e.role},         {"actor_id", e.actor_id},
              {"fact", true},           {"data", ec ? json::value(json::object{}) : data}};
    }
    const auto* actor_id = item.if_contains("actor_id");
    item["actor_name"] = actor_id != nullptr && actor_id->is_string()
                             ? names.of(std::string(actor_id->as_string()))
                             : json::value(nullptr);
    out.push_back(std::move(item));
  }
  return out;
}

json::array received_papers(store::SqlConnection& db, const std::string& dossier_id) {
  for (const auto& entry : store::audit_of(db, dossier_id)) {
    if (entry.action != kPapersReceivedAction) continue;
    boost::system::error_code ec;
    const auto details = json::parse(entry.details, ec);
    if (ec || !details.is_object()) continue;
    if (const auto* papers = details.as_object().if_contains("papers");
        papers != nullptr && papers->is_array())
      return papers->as_array();
  }
  return {};
}

}  // namespace

void add_workspace_fields(store::SqlConnection& db, const Actor& actor,
                          const store::DossierRecord& r, const dossier::DossierState& state,
                          Instant now, int /*utc_offset_minutes*/, json::object& view) {
  json::array actions;
  for (const auto kind : allowed_commands(state, roles_over(db, actor, r), now))
    actions.emplace_back(action_name(kind));
  view["allowed_actions"] = std::move(actions);
  view["agency"] = agency_of(db, r.agency_id);
  view["receiving_unit"] = unit_of(db, r.receiving_unit_id);
  Names names(db);
  view["assignee_name"] = r.assignee_id ? names.of(*r.assignee_id) : json::value(nullptr);
  const auto* commands = view.if_contains("timeline");
  auto timeline = full_timeline(
      db, r.id, commands != nullptr && commands->is_array() ? commands->as_array() : json::array{},
      names);
  json::value received_by = nullptr;
  for (const auto& item : timeline) {
    const auto& o = item.as_object();
    if (o.at("type") == dossier::event_type(dossier::CommandKind::accept).data()) {
      received_by = json::object{{"id", o.at("actor_id")}, {"name", o.at("actor_name")}};
      break;
    }
  }
  view["timeline"] = std::move(timeline);
  view["received_by"] = std::move(received_by);
  view["received_papers"] = received_papers(db, r.id);
}

AppResult<json::array> parse_received_papers(const json::value* list) {
  json::array out;
  if (list == nullptr || list->is_null()) return out;
  const auto bad = [](const std::string& why) {
    return tl::unexpected(invalid_input("'papers_received': " + why));
  };
  if (!list->is_array()) return bad("must be a list");
  if (list->as_array().size() > kMaxReceivedPapers) return bad("at most 50 papers");
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
    out.push_back(json::object{{"name", text}, {"originals", counts[0]}, {"copies", counts[1]}});
  }
  return out;
}

void record_received_papers(store::SqlConnection& db, const Actor& actor,
                            const std::string& dossier_id, const json::array& papers,
                            const std::string& at) {
  store::append_audit(db, store::AuditEntry{0, actor.user_id, at, kPapersReceivedAction, dossier_id,
                                            "counter intake checklist",
                                            json::serialize(json::object{{"papers", papers}})});
}

}  // namespace motcua::app
