#include "api/json/statistics_json.hpp"

#include <boost/json.hpp>

// The approval queue's rows are the work queue's: their encoder lives with the dossier views once
// those are typed (before that, queue_item() answers JSON already).
#include "api/json/dossier_json.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::value optional_text(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value optional_rate(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object tally_json(const OnTimeTally& t) {
  return {{"received", t.received},
          {"finished_early", t.finished_early},
          {"finished_on_time", t.finished_on_time},
          {"finished_late", t.finished_late},
          {"open_within_time", t.open_within_time},
          {"open_overdue", t.open_overdue},
          {"open_paused", t.open_paused},
          {"on_time_rate", optional_rate(t.on_time_rate)},
          {"late_by_cause", json::object{{"agency", t.late_by_cause.agency},
                                         {"official", t.late_by_cause.official},
                                         {"other_agency", t.late_by_cause.other_agency},
                                         {"applicant", t.late_by_cause.applicant}}}};
}

json::array months_json(const std::vector<MonthTally>& months) {
  json::array rows;
  for (const auto& m : months) {
    auto row = tally_json(m.tally);
    row["month"] = m.month;
    rows.push_back(std::move(row));
  }
  return rows;
}

json::object steps_json(const StepCounts& c) {
  return {{"steps", c.steps},
          {"early", c.early},
          {"on_time", c.on_time},
          {"late", c.late},
          {"without_budget", c.without_budget},
          {"minutes_used", c.minutes_used},
          {"on_time_rate", optional_rate(c.on_time_rate)}};
}

json::array shares_json(const std::vector<PartyShare>& parties) {
  json::array out;
  for (const auto& p : parties) {
    out.push_back(json::object{{"party", p.party},
                               {"minutes", p.minutes},
                               {"minutes_per_dossier", p.minutes_per_dossier},
                               {"share", optional_rate(p.share)}});
  }
  return out;
}

json::object overdue_json(const OverdueDossier& d) {
  json::array late_steps;
  for (const auto& s : d.causes.late_steps) {
    late_steps.push_back(json::object{{"name", s.name},
                                      {"official_id", s.official_id},
                                      {"official_name", s.official_name},
                                      {"started", s.started},
                                      {"due", optional_text(s.due)},
                                      {"ended", optional_text(s.ended)},
                                      {"minutes_used", s.minutes_used}});
  }
  json::value apology = nullptr;
  if (d.causes.apology) {
    apology = json::object{{"reason", d.causes.apology->reason},
                           {"new_due", optional_text(d.causes.apology->new_due)}};
  }
  json::value holder = nullptr;
  if (d.holder) {
    holder = json::object{
        {"official_id", d.holder->official_id}, {"name", d.holder->name}, {"step", d.holder->step}};
  }
  json::array shares;
  for (const auto& c : d.causes.shares) {
    shares.push_back(
        json::object{{"cause", c.cause}, {"step", c.step}, {"overrun_minutes", c.overrun_minutes}});
  }
  json::object causes{{"cause", optional_text(d.causes.primary)},
                      {"shares", std::move(shares)},
                      {"apology", std::move(apology)},
                      {"late_steps", std::move(late_steps)},
                      {"supplement_requests", d.causes.supplement_requests},
                      {"applicant_minutes", d.causes.applicant_minutes},
                      {"paused", optional_text(d.causes.paused)},
                      {"flags", json::value_from(d.causes.flags)}};
  return {{"id", d.id},
          {"code", optional_text(d.code)},
          {"procedure_code", d.procedure_code},
          {"procedure_name", d.procedure_name},
          {"agency_id", d.agency_id},
          {"agency_name", d.agency_name},
          {"status", d.status},
          {"outcome", d.outcome},
          {"received", d.received},
          {"due", optional_text(d.due)},
          {"due_766", optional_text(d.due_766)},
          {"finished", optional_text(d.finished)},
          {"holder", std::move(holder)},
          {"causes", std::move(causes)}};
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const Bilingual& text) {
  out = json::object{{"vi", text.vi}, {"en", text.en}};
}

void tag_invoke(json::value_from_tag, json::value& out, const OnTimeStatistics& v) {
  json::array groups;
  for (const auto& g : v.groups) {
    groups.push_back(json::object{{"id", g.id},
                                  {"name", g.name},
                                  {"months", months_json(g.months)},
                                  {"totals", tally_json(g.totals)}});
  }
  const auto& d = v.definition;
  out = json::object{
      {"group", v.group},
      {"from", v.from},
      {"to", v.to},
      {"agency_id", optional_text(v.agency_id)},
      {"as_of", v.as_of},
      {"months", json::value_from(v.months)},
      {"groups", std::move(groups)},
      {"totals", json::object{{"months", months_json(v.total_months)}, {"all", tally_json(v.all)}}},
      {"definition", json::object{{"period", json::value_from(d.period)},
                                  {"due_date", json::value_from(d.due_date)},
                                  {"on_time", json::value_from(d.on_time)},
                                  {"open", json::value_from(d.open)},
                                  {"on_time_rate", json::value_from(d.on_time_rate)}}}};
}

void tag_invoke(json::value_from_tag, json::value& out, const Index766& v) {
  json::object groups;
  for (const auto& g : v.groups) {
    json::array indices;
    for (const auto& i : g.indices) {
      indices.push_back(json::object{{"key", i.key},
                                     {"name_vi", i.name.vi},
                                     {"name_en", i.name.en},
                                     {"value", optional_rate(i.value)},
                                     {"points", i.points},
                                     {"max_points", i.max_points},
                                     {"numerator", i.numerator},
                                     {"denominator", i.denominator},
                                     {"drill_down_url", i.drill_down_url}});
    }
    groups[g.key] = json::object{{"name", json::value_from(g.name)},
                                 {"points", g.points},
                                 {"max_points", g.max_points},
                                 {"missing_inputs", json::value_from(g.missing_inputs)},
                                 {"indices", std::move(indices)}};
  }
  out = json::object{{"from", v.from},
                     {"to", v.to},
                     {"agency_id", optional_text(v.agency_id)},
                     {"as_of", v.as_of},
                     {"total", v.total},
                     {"max_total", 100},
                     {"groups", std::move(groups)},
                     {"source", json::value_from(v.source)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const Index766Items& v) {
  json::array items;
  for (const auto& i : v.items) {
    items.push_back(json::object{{"id", i.id}, {"label", i.label}, {"counted", i.counted}});
  }
  out = json::object{{"key", v.key},
                     {"from", v.from},
                     {"to", v.to},
                     {"numerator", v.numerator},
                     {"denominator", v.denominator},
                     {"listed", v.listed},
                     {"total_items", v.total_items},
                     {"offset", v.offset},
                     {"items", std::move(items)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const Index766Input& v) {
  out = json::object{{"procedure_code", v.procedure_code},
                     {"input_key", v.input_key},
                     {"value", v.value},
                     {"source", v.source},
                     {"recorded_by", v.recorded_by},
                     {"recorded_at", v.recorded_at}};
}

void tag_invoke(json::value_from_tag, json::value& out, const Index766Inputs& v) {
  json::array inputs;
  for (const auto& i : v.inputs) inputs.push_back(json::value_from(i));
  out = json::object{{"inputs", std::move(inputs)}};
}

AppResult<Index766InputChange> index_766_input_from_json(const json::value& body) {
  const auto field = [](const char* name) {
    return AppError{ErrorKind::invalid_input, "invalid_field",
                    std::string(name) + ": phải là chuỗi ký tự.",
                    std::string(name) + ": must be a string.", name};
  };
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  Index766InputChange c;
  for (auto [name, target] : {std::pair{"procedure_code", &c.procedure_code},
                              std::pair{"input_key", &c.input_key}, std::pair{"value", &c.value},
                              std::pair{"source", &c.source}, std::pair{"reason", &c.reason}}) {
    const auto* v = o.if_contains(name);
    if (v == nullptr || v->is_null()) continue;
    if (!v->is_string() || v->as_string().size() > 4000) return tl::unexpected(field(name));
    *target = std::string(v->as_string());
  }
  return c;
}

void tag_invoke(json::value_from_tag, json::value& out, const OfficialStatistics& v) {
  json::array units;
  for (const auto& u : v.units) {
    json::array officials;
    for (const auto& o : u.officials) {
      auto row = steps_json(o.counts);
      row["official_id"] = o.official_id;
      row["name"] = o.name;
      officials.push_back(std::move(row));
    }
    auto row = steps_json(u.counts);
    row["agency_id"] = u.agency_id;
    row["name"] = u.name;
    row["officials"] = std::move(officials);
    units.push_back(std::move(row));
  }
  out = json::object{{"from", v.from},
                     {"to", v.to},
                     {"as_of", v.as_of},
                     {"units", std::move(units)},
                     {"definition", json::value_from(v.definition)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const OverdueStatistics& v) {
  json::array dossiers;
  for (const auto& d : v.dossiers) dossiers.push_back(overdue_json(d));
  out = json::object{{"from", v.from},
                     {"to", v.to},
                     {"as_of", v.as_of},
                     {"limit", v.limit},
                     {"dossiers", std::move(dossiers)},
                     {"definition", json::value_from(v.definition)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const TimeUsedStatistics& v) {
  json::array procedures;
  for (const auto& p : v.procedures) {
    procedures.push_back(json::object{{"code", p.code},
                                      {"name", p.name},
                                      {"dossiers", p.dossiers},
                                      {"minutes", p.minutes},
                                      {"parties", shares_json(p.parties)}});
  }
  out = json::object{{"from", v.from},
                     {"to", v.to},
                     {"as_of", v.as_of},
                     {"procedures", std::move(procedures)},
                     {"totals", json::object{{"dossiers", v.total_dossiers},
                                             {"minutes", v.total_minutes},
                                             {"parties", shares_json(v.total_parties)}}},
                     {"definition", json::value_from(v.definition)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const ApprovalQueue& v) {
  out = json::object{{"as_of", v.as_of},
                     {"dossiers", json::value_from(v.dossiers)},
                     {"definition", json::value_from(v.definition)}};
}

namespace {

json::array evaluation_scores_json(const std::vector<EvaluationIndexScore>& scores) {
  json::array out;
  for (const auto& s : scores) {
    out.push_back(json::object{{"index", s.index},
                               {"key", s.key},
                               {"name", json::value_from(s.name)},
                               {"score", optional_rate(s.score)},
                               {"scored", s.scored}});
  }
  return out;
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const EvaluationStatistics& v) {
  json::array units;
  for (const auto& u : v.units) {
    json::array officials;
    for (const auto& o : u.officials) {
      officials.push_back(json::object{{"official_id", o.official_id},
                                       {"name", o.name},
                                       {"dossiers", o.dossiers},
                                       {"indices", evaluation_scores_json(o.indices)},
                                       {"total", optional_rate(o.total)},
                                       {"band", o.band}});
    }
    units.push_back(json::object{{"agency_id", u.agency_id},
                                 {"name", u.name},
                                 {"dossiers", u.dossiers},
                                 {"indices", evaluation_scores_json(u.indices)},
                                 {"total", optional_rate(u.total)},
                                 {"band", u.band},
                                 {"officials", std::move(officials)}});
  }
  out = json::object{{"from", v.from},
                     {"to", v.to},
                     {"as_of", v.as_of},
                     {"units", std::move(units)},
                     {"definition", json::value_from(v.definition)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const DossierEvaluationView& v) {
  json::array indices;
  for (const auto& i : v.indices) {
    indices.push_back(
        json::object{{"index", i.index},
                     {"key", i.key},
                     {"name", json::value_from(i.name)},
                     {"points", i.points ? json::value(*i.points) : json::value(nullptr)},
                     {"reason", json::value_from(i.reason)}});
  }
  out = json::object{{"dossier_id", v.dossier_id},
                     {"code", optional_text(v.code)},
                     {"outcome", v.outcome},
                     {"indices", std::move(indices)},
                     {"definition", json::value_from(v.definition)}};
}

}  // namespace motcua::app
