#include "codec/procedure_json.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;
using namespace motcua::catalog;

namespace {

json::object time_json(const TimeTerm& t) {
  json::object o{{"raw", t.raw}, {"status", to_string(t.status)}, {"note", t.note}};
  o["limit"] = t.limit ? json::value(clock::to_string(*t.limit)) : json::value(nullptr);
  return o;
}

json::object fee_json(const Fee& f) {
  json::array amounts;
  for (const auto& a : f.amounts) {
    amounts.push_back(json::object{{"kind", to_string(a.kind)},
                                   {"currency", to_string(a.currency)},
                                   {"amount", a.amount},
                                   {"note", a.note}});
  }
  return {{"raw", f.raw},
          {"status", to_string(f.status)},
          {"amounts", std::move(amounts)},
          {"foreign_currency", f.foreign_currency},
          {"unparseable", f.unparseable}};
}

json::array strings(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& s : items) a.emplace_back(s);
  return a;
}

}  // namespace

json::object procedure_to_json(const Procedure& p) {
  json::array levels;
  for (const auto l : p.levels) levels.emplace_back(to_string(l));
  json::array channels;
  json::object limits;
  for (const auto& c : p.channels) {
    channels.push_back(json::object{{"channel", to_string(c.channel)},
                                    {"channel_raw", c.channel_raw},
                                    {"time", time_json(c.time)},
                                    {"fee", fee_json(c.fee)},
                                    {"description", c.description}});
    // The first parsed limit of a channel is its limit (several rows differ by fee, not time).
    const auto key = to_string(c.channel);
    if (c.time.limit && c.channel != Channel::other && !limits.contains(key)) {
      limits[key] = clock::to_string(*c.time.limit);
    }
  }
  json::array cases;
  for (const auto& v : p.cases) {
    json::array papers;
    for (const auto& paper : v.papers) {
      papers.push_back(
          json::object{{"id", paper.id},
                       {"name", paper.name},
                       {"form_files", strings(paper.form_files)},
                       {"originals", paper.originals},
                       {"copies", paper.copies},
                       {"count_raw", paper.count_raw},
                       {"mandatory", paper.mandatory},
                       {"kind", to_string(paper.kind)},
                       {"condition", paper.condition.empty() ? json::value(nullptr)
                                                             : json::value(paper.condition)}});
    }
    cases.push_back(json::object{{"name", v.name}, {"papers", std::move(papers)}});
  }
  json::array notes;
  for (const auto& n : p.notes) notes.emplace_back(n);
  json::array basis;
  for (const auto& b : p.legal_basis) {
    basis.push_back(
        json::object{{"number", b.number},
                     {"title", b.title},
                     {"issued", b.issued ? json::value(to_iso(*b.issued)) : json::value(nullptr)},
                     {"issuer", b.issuer}});
  }
  return {{"code", p.code},
          {"name", p.name},
          {"source", p.source},
          {"decision", p.decision},
          {"levels", std::move(levels)},
          {"kind", p.kind},
          {"field", p.field},
          {"applicants", p.applicants},
          {"competent_agency", p.competent_agency},
          {"implementing_agency", p.implementing_agency},
          {"delegated_agency", p.delegated_agency},
          {"coordinating_agency", p.coordinating_agency},
          {"receiving_address", p.receiving_address},
          {"result", p.result},
          {"requirements", p.requirements},
          {"steps", p.steps},
          {"online_service", to_string(p.online_service)},
          {"channels", std::move(channels)},
          {"limits", std::move(limits)},
          {"rule", "standard"},
          {"cases", std::move(cases)},
          {"notes", std::move(notes)},
          {"legal_basis", std::move(basis)},
          {"detail_url", p.detail_url}};
}

}  // namespace motcua::codec
