#include "codec/process_json.hpp"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <tuple>
#include <utility>

namespace motcua::codec {

namespace json = boost::json;
using process::Action;
using process::ProcessDefinition;
using process::Step;

namespace {

using Error = tl::unexpected<std::string>;

std::string join_path(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

Error fail(std::string_view path, std::string_view message) {
  return Error(path.empty() ? std::string(message)
                            : std::string(path) + ": " + std::string(message));
}

// An object at a known path, with reads that name the path in their errors.
class Fields {
 public:
  Fields(const json::object& object, std::string path) : o_(object), path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const { return join_path(path_, key); }

  tl::expected<void, std::string> only(std::initializer_list<std::string_view> keys) const {
    for (const auto& entry : o_) {
      const std::string_view key(entry.key().data(), entry.key().size());
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        return fail(path_, "unknown field '" + std::string(key) + "'");
      }
    }
    return {};
  }

  // A missing optional string reads as empty.
  tl::expected<std::string, std::string> string(std::string_view key, bool required) const {
    const json::value* v = o_.if_contains(key);
    if (v == nullptr) {
      if (required) return fail(path_of(key), "missing");
      return std::string();
    }
    if (!v->is_string()) return fail(path_of(key), "must be a string");
    return std::string(v->as_string().data(), v->as_string().size());
  }

  tl::expected<const json::value*, std::string> value(std::string_view key, bool required) const {
    const json::value* v = o_.if_contains(key);
    if (v == nullptr && required) return fail(path_of(key), "missing");
    return v;
  }

  tl::expected<const json::array*, std::string> array(std::string_view key) const {
    auto v = value(key, true);
    if (!v) return Error(v.error());
    if (!(*v)->is_array()) return fail(path_of(key), "must be an array");
    return &(*v)->as_array();
  }

  tl::expected<const json::object*, std::string> object(std::string_view key) const {
    auto v = value(key, true);
    if (!v) return Error(v.error());
    if (!(*v)->is_object()) return fail(path_of(key), "must be an object");
    return &(*v)->as_object();
  }

  tl::expected<clock::TimeLimit, std::string> limit(std::string_view key) const {
    auto text = string(key, true);
    if (!text) return Error(text.error());
    auto parsed = clock::parse_time_limit(*text);
    if (!parsed) return fail(path_of(key), parsed.error());
    return *parsed;
  }

 private:
  const json::object& o_;
  std::string path_;
};

tl::expected<const json::object*, std::string> as_object(const json::value& v,
                                                         const std::string& path) {
  if (!v.is_object()) return fail(path, "must be an object");
  return &v.as_object();
}

tl::expected<Action, std::string> parse_action(const json::value& v, const std::string& path) {
  auto object = as_object(v, path);
  if (!object) return Error(object.error());
  const Fields f(**object, path);
  if (auto ok = f.only({"kind", "target"}); !ok) return Error(ok.error());
  auto kind = f.string("kind", true);
  if (!kind) return Error(kind.error());
  const auto parsed = process::parse_action_kind(*kind);
  if (!parsed) return fail(f.path_of("kind"), "unknown action '" + *kind + "'");
  auto target = f.string("target", false);
  if (!target) return Error(target.error());
  return Action{*parsed, std::move(*target)};
}

tl::expected<process::Responsible, std::string> parse_responsible(const json::object& o,
                                                                  const std::string& path) {
  const Fields f(o, path);
  if (auto ok = f.only({"role", "unit"}); !ok) return Error(ok.error());
  process::Responsible responsible;
  auto role = f.string("role", false);
  if (!role) return Error(role.error());
  if (!role->empty()) {
    responsible.role = dossier::parse_role(*role);
    if (!responsible.role) return fail(f.path_of("role"), "unknown role '" + *role + "'");
  }
  auto unit = f.string("unit", false);
  if (!unit) return Error(unit.error());
  responsible.unit_id = std::move(*unit);
  return responsible;
}

tl::expected<Step, std::string> parse_step(const json::value& v, const std::string& path) {
  auto object = as_object(v, path);
  if (!object) return Error(object.error());
  const Fields f(**object, path);
  if (auto ok = f.only({"id", "name", "name_en", "responsible", "budget", "actions"}); !ok) {
    return Error(ok.error());
  }
  Step step;
  for (auto [key, field, required] :
       {std::tuple{"id", &step.id, true}, std::tuple{"name", &step.name, true},
        std::tuple{"name_en", &step.name_en, false}}) {
    auto text = f.string(key, required);
    if (!text) return Error(text.error());
    *field = std::move(*text);
  }
  auto responsible_object = f.object("responsible");
  if (!responsible_object) return Error(responsible_object.error());
  auto responsible = parse_responsible(**responsible_object, f.path_of("responsible"));
  if (!responsible) return Error(responsible.error());
  step.responsible = std::move(*responsible);
  auto budget = f.limit("budget");
  if (!budget) return Error(budget.error());
  step.budget = *budget;
  auto actions = f.array("actions");
  if (!actions) return Error(actions.error());
  for (std::size_t i = 0; i < (*actions)->size(); ++i) {
    auto action =
        parse_action((**actions)[i], f.path_of("actions") + "[" + std::to_string(i) + "]");
    if (!action) return Error(action.error());
    step.actions.push_back(std::move(*action));
  }
  return step;
}

tl::expected<int, std::string> parse_version(const json::value& v, const std::string& path) {
  std::int64_t n = 0;
  if (v.is_int64()) {
    n = v.as_int64();
  } else if (v.is_uint64() &&
             v.as_uint64() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())) {
    n = static_cast<std::int64_t>(v.as_uint64());
  } else {
    return fail(path, "must be a whole number");
  }
  if (n < 1 || n > std::numeric_limits<int>::max()) return fail(path, "must be 1 or more");
  return static_cast<int>(n);
}

}  // namespace

tl::expected<ProcessDefinition, std::string> process_from_json(const json::value& value) {
  auto object = as_object(value, "");
  if (!object) return Error("the process must be a JSON object");
  const Fields f(**object, "");
  if (auto ok = f.only({"id", "procedure_code", "agency_id", "version", "legal_limit", "steps"});
      !ok) {
    return Error(ok.error());
  }
  ProcessDefinition p;
  for (auto [key, field] : {std::pair{"id", &p.id}, std::pair{"procedure_code", &p.procedure_code},
                            std::pair{"agency_id", &p.agency_id}}) {
    auto text = f.string(key, true);
    if (!text) return Error(text.error());
    *field = std::move(*text);
  }
  auto version_value = f.value("version", true);
  if (!version_value) return Error(version_value.error());
  auto version = parse_version(**version_value, "version");
  if (!version) return Error(version.error());
  p.version = *version;
  auto limit = f.limit("legal_limit");
  if (!limit) return Error(limit.error());
  p.legal_limit = *limit;
  auto steps = f.array("steps");
  if (!steps) return Error(steps.error());
  for (std::size_t i = 0; i < (*steps)->size(); ++i) {
    auto step = parse_step((**steps)[i], "steps[" + std::to_string(i) + "]");
    if (!step) return Error(step.error());
    p.steps.push_back(std::move(*step));
  }
  return p;
}

tl::expected<ProcessDefinition, std::string> parse_process(std::string_view json_text) {
  json::stream_parser parser;
  json::error_code ec;
  const std::size_t used = parser.write_some(json_text.data(), json_text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    // Count lines up to where the parser stopped, so the author can find the mistake.
    const std::string_view read = json_text.substr(0, std::min(used, json_text.size()));
    const std::size_t line =
        1 + static_cast<std::size_t>(std::count(read.begin(), read.end(), '\n'));
    const std::size_t line_start = read.rfind('\n');
    const std::size_t column =
        read.size() - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return Error("invalid JSON at line " + std::to_string(line) + ", column " +
                 std::to_string(column) + ": " + ec.message());
  }
  return process_from_json(parser.release());
}

json::value process_to_json(const ProcessDefinition& p) {
  json::array steps;
  for (const Step& step : p.steps) {
    json::object responsible;
    if (step.responsible.role) responsible["role"] = dossier::to_string(*step.responsible.role);
    if (!step.responsible.unit_id.empty()) responsible["unit"] = step.responsible.unit_id;
    json::array actions;
    for (const Action& action : step.actions) {
      json::object a;
      a["kind"] = process::to_string(action.kind);
      if (!action.target.empty()) a["target"] = action.target;
      actions.push_back(std::move(a));
    }
    json::object s;
    s["id"] = step.id;
    s["name"] = step.name;
    if (!step.name_en.empty()) s["name_en"] = step.name_en;
    s["responsible"] = std::move(responsible);
    s["budget"] = clock::to_string(step.budget);
    s["actions"] = std::move(actions);
    steps.push_back(std::move(s));
  }
  json::object o;
  o["id"] = p.id;
  o["procedure_code"] = p.procedure_code;
  o["agency_id"] = p.agency_id;
  o["version"] = p.version;
  o["legal_limit"] = clock::to_string(p.legal_limit);
  o["steps"] = std::move(steps);
  return o;
}

std::string serialize_process(const ProcessDefinition& p) {
  return json::serialize(process_to_json(p));
}

json::array problems_to_json(const std::vector<process::Problem>& problems) {
  json::array out;
  for (const auto& problem : problems) {
    out.push_back(json::object{{"code", process::to_string(problem.code)},
                               {"step", problem.step_id},
                               {"message_vi", problem.message_vi},
                               {"message_en", problem.message_en}});
  }
  return out;
}

}  // namespace motcua::codec
