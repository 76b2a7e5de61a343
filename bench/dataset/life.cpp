#include "life.hpp"

#include <boost/json.hpp>
#include <cstdlib>
#include <iostream>

#include "app/accounts/accounts.hpp"
#include "app/dossier/variant_check.hpp"
#include "app/engagement/ratings.hpp"
#include "app/portal/inbound.hpp"
#include "codec/command_json.hpp"
#include "store/agency_repository.hpp"
#include "store/catalog_repository.hpp"

namespace motcua::dataset {

namespace json = boost::json;
using dossier::CommandKind;

Lives::Lives(const calendar::WorkingCalendar& cal, const codec::DemoConfig& config,
             const Shares& shares, Instant present, Date first_day, std::uint64_t seed)
    : cal_(cal),
      config_(config),
      shares_(shares),
      present_(present),
      first_day_(first_day),
      seed_(seed),
      rng_(seed),
      service_(cal, [this] { return clock_; }) {
  for (const auto& p : config_.procedures)
    (p.level == "province" ? province_procedures_ : commune_procedures_).push_back(&p);
}

std::string Lives::load(store::SqlConnection& db) {
  std::string missing;
  const auto actor = [&](const std::string& username) {
    auto a = app::load_actor(db, "u-" + username);
    if (!a) missing = username;
    return a.value_or(app::Actor{});
  };
  std::map<std::string, std::string> codes(config_.agency_codes.begin(),
                                           config_.agency_codes.end());
  for (const auto& d : config_.departments) codes[d.id] = d.code;
  // The demo's cast (data/demo/ninh-binh.json): three communes and the Department of Justice,
  // whose dossiers the provincial service centre receives.
  const auto commune = [&](const char* unit, const char* agency, const char* place) {
    return Cast{unit,
                agency,
                codes[agency],
                actor(std::string("tiepnhan.") + place),
                actor(std::string("chuyenvien.") + place),
                actor(std::string("lanhdao.") + place)};
  };
  communes_ = {commune("mc-14329", "commune-14329", "hoalu"),
               commune("mc-14362", "commune-14362", "tamdiep"),
               commune("mc-14464", "commune-14464", "giavien")};
  province_ = Cast{"ttphvhcc-37",
                   "so-tu-phap-37",
                   codes["so-tu-phap-37"],
                   actor("tiepnhan.tinh"),
                   actor("chuyenvien.tuphap"),
                   actor("lanhdao.tuphap")};
  for (const auto& c : config_.citizens) citizens_.push_back(actor(c.username));
  // No dossier before its agency exists: the demo's units are those of the 2025 reorganisation
  // (valid from 2025-07-01), so that is where their history can start.
  for (const Cast* cast : {&communes_[0], &communes_[1], &communes_[2], &province_}) {
    const auto agency = store::find_agency(db, cast->agency_id);
    if (!agency) return "demo agency missing: " + cast->agency_id;
    const auto& from = agency->valid_from;
    if (from.size() == 10) {
      const Date d = date_from_ymd(std::stoi(from.substr(0, 4)), std::stoi(from.substr(5, 2)),
                                   std::stoi(from.substr(8, 2)));
      first_day_ = std::max(first_day_, d);
    }
  }
  if (!missing.empty())
    return "demo user missing: " + missing + " (run `motcua demo --dossiers 0`)";
  if (commune_procedures_.empty() || province_procedures_.empty())
    return "the demo config needs commune and provincial procedures";
  // A counter dossier of a procedure with several cases names one (app/dossier/variant_check).
  for (const auto& p : config_.procedures) {
    if (const auto latest = store::latest_procedure(db, p.code)) {
      const auto cases = app::procedure_case_names(db, latest->code, latest->version);
      if (cases.size() > 1) first_case_[p.code] = cases.front();
    }
  }
  return {};
}

std::size_t Lives::pick(std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
}
double Lives::chance() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
double Lives::uniform(double low, double high) {
  return std::uniform_real_distribution<double>(low, high)(rng_);
}

// Moves the simulated clock by a random amount of working time; false once it would pass the
// present (the rest of this dossier's life has not happened yet: it stays open).
bool Lives::wait_hours(double low, double high) {
  const auto seconds = static_cast<Seconds>(uniform(low, high) * 3600);
  auto next = cal_.add_working_time(clock_, std::max<Seconds>(60, seconds));
  if (!next || *next > present_) return false;
  clock_ = *next;
  return true;
}

// A working day drawn evenly over the span, and an instant in its office hours: most arrive in
// the first three working hours (the morning queue at the desk), the rest spread over the day.
void Lives::draw_start() {
  const auto days = present_.seconds / 86400 - first_day_.days;
  for (;;) {
    const Date day = first_day_ + static_cast<std::int32_t>(
                                      std::uniform_int_distribution<std::int64_t>(0, days)(rng_));
    if (!cal_.is_working_day(day)) continue;
    const double hours =
        chance() < shares_.arrivals_in_morning_peak
            ? uniform(0, 3)
            : uniform(0, static_cast<double>(cal_.working_seconds_per_day()) / 3600);
    auto at = cal_.add_working_time(cal_.office_open(day), static_cast<Seconds>(hours * 3600));
    if (!at || *at > present_) continue;
    clock_ = *at;
    return;
  }
}

bool Lives::act(store::SqlConnection& db, const app::Actor& who, const std::string& id,
                CommandKind kind, json::object body, std::string& status) {
  auto command = codec::command_from_json(kind, body, cal_.utc_offset_minutes());
  if (!command) return false;
  auto r = service_.act(db, who, id, *command);
  if (!r) return false;
  status = r->record.status;
  if (r->record.due_s) due_ = Instant{*r->record.due_s};
  return true;
}

void Lives::resume_after(std::int64_t existing) {
  const auto count = static_cast<std::uint64_t>(existing);
  std::seed_seq seq{static_cast<std::uint32_t>(seed_), static_cast<std::uint32_t>(seed_ >> 32),
                    static_cast<std::uint32_t>(count), static_cast<std::uint32_t>(count >> 32)};
  rng_.seed(seq);
  serial_ = count;
}

void Lives::live_one(store::SqlConnection& db, Tally& tally) {
  const bool provincial = chance() < shares_.province_level;
  const auto& procedures = provincial ? province_procedures_ : commune_procedures_;
  const auto& procedure = *procedures[pick(procedures.size())];
  const Cast& cast = provincial ? province_ : communes_[pick(communes_.size())];
  const auto status = run(db, procedure, cast, tally);
  if (status.empty()) {
    ++tally.refused_creation;
    return;
  }
  ++tally.by_status[status];
}

std::string Lives::run(store::SqlConnection& db, const codec::DemoProcedure& procedure,
                       const Cast& cast, Tally& tally) {
  draw_start();
  due_.reset();
  const double c = chance();
  const char* channel = c < shares_.counter                                   ? "counter"
                        : c < shares_.counter + shares_.online                ? "online"
                        : c < shares_.counter + shares_.online + shares_.post ? "post"
                                                                              : "national_portal";
  ++tally.by_channel[channel];
  const std::string kind = channel;
  const bool at_desk = kind == "counter" || kind == "post";
  const app::Actor& citizen = citizens_[pick(citizens_.size())];
  const auto& names = config_.applicant_names;
  const std::string walk_in = names[pick(names.size())];
  std::string id, status;
  if (kind == "national_portal") {
    app::portal::InboundDossier in;
    in.portal_code = "G22.99-" + std::to_string(++serial_) + "-" + std::to_string(rng_() % 1000000);
    in.procedure_code = procedure.code;
    in.agency_code = cast.agency_code;
    in.applicant.name = walk_in;
    in.applicant.address = "Ninh Bình";
    const auto out =
        app::portal::take_inbound(db, service_, {in}, to_iso(clock_, cal_.utc_offset_minutes()));
    if (out.empty() || out.front().result != "created") return {};
    id = out.front().dossier_id;
    status = "submitted";
  } else {
    app::NewDossier input;
    input.procedure_code = procedure.code;
    input.agency_id = cast.agency_id;
    input.receiving_unit_id = cast.unit_id;
    input.channel = kind == "online" ? dossier::Channel::online
                    : kind == "post" ? dossier::Channel::post
                                     : dossier::Channel::counter;
    input.return_channel =
        input.channel == dossier::Channel::post ? dossier::Channel::post : input.channel;
    input.applicant.name = at_desk ? walk_in : citizen.display_name;
    input.applicant.address = "Ninh Bình";
    if (at_desk) {
      if (auto it = first_case_.find(procedure.code); it != first_case_.end())
        input.variant = it->second;
    }
    auto created = service_.create(db, at_desk ? cast.reception : citizen, input);
    if (!created) {
      // Counted as refused_creation in the summary; MOTCUA_DATASET_DEBUG=1 says why (a demo
      // province whose data no longer fits the shares, say).
      if (std::getenv("MOTCUA_DATASET_DEBUG") != nullptr)
        std::cerr << to_iso(clock_, 420) << " " << procedure.code << " " << created.error().code
                  << " " << created.error().message_en << " " << created.error().detail << "\n";
      return {};
    }
    id = created->record.id;
    status = created->record.status;
    if (created->record.due_s) due_ = Instant{*created->record.due_s};
  }
  // Who speaks for the applicant: the citizen's account online, the desk otherwise.
  const app::Actor& applicant_side = kind == "online" ? citizen : cast.reception;
  if (!at_desk) {
    if (!wait_hours(0.5, 8)) return status;
    if (chance() < shares_.refused_at_receipt) {
      act(db, cast.reception, id, CommandKind::refuse,
          {{"reasons", json::array{"Thủ tục không thuộc thẩm quyền giải quyết của cơ quan"}}},
          status);
      return status;
    }
    if (!act(db, cast.reception, id, CommandKind::accept, {}, status)) return status;
  }
  if (!wait_hours(0.5, 3)) return status;
  if (!act(db, cast.processing, id, CommandKind::assign,
           {{"official_id", cast.processing.user_id}, {"step", "tham-dinh"}}, status))
    return status;
  if (chance() < shares_.withdrawn) {
    if (!wait_hours(1, 8)) return status;
    act(db, applicant_side, id, CommandKind::request_withdrawal, {{"reason", "Không còn nhu cầu"}},
        status);
    if (!wait_hours(1, 8)) return status;
    act(db, cast.reception, id, CommandKind::stop, {{"reason", "Người nộp hồ sơ rút hồ sơ"}},
        status);
    return status;
  }
  if (chance() < shares_.supplement) {
    if (!wait_hours(1, 12)) return status;
    act(db, cast.processing, id, CommandKind::request_supplement,
        {{"missing_items", json::array{"Bản sao giấy tờ tùy thân của người yêu cầu"}},
         {"reason", "Hồ sơ chưa đủ thành phần theo quy định"}},
        status);
    if (chance() < shares_.supplement_never_provided) {
      // Nothing comes: once the time given for the papers has passed (one to six weeks of
      // working time), the desk stops the dossier, as a province does rather than keep it open
      // for ever; one still inside that time at the present stays open, waiting.
      if (!wait_hours(40, 240)) return status;
      act(db, cast.reception, id, CommandKind::stop,
          {{"reason", "Quá thời hạn bổ sung hồ sơ mà người nộp không bổ sung"}}, status);
      return status;
    }
    if (!wait_hours(4, 40)) return status;
    act(db, applicant_side, id, CommandKind::provide_supplement,
        {{"documents", json::array{"giay-to-bo-sung.pdf"}}}, status);
  }
  if (chance() < shares_.fee) {
    if (!wait_hours(1, 4)) return status;
    act(db, cast.processing, id, CommandKind::request_payment,
        {{"amount", 50000}, {"description", "Lệ phí giải quyết thủ tục"}}, status);
    if (!wait_hours(1, 24)) return status;
    act(db, cast.reception, id, CommandKind::confirm_payment,
        {{"amount", 50000}, {"reference", "BL-" + id.substr(2, 8)}}, status);
  }
  // How long review takes, as a share of the working time left: a quarter of those in time finish
  // on the deadline day (the last ~10% of the time), the late ones overrun by 5-80%.
  double left_hours = 8;
  if (due_)
    left_hours = static_cast<double>(cal_.working_time_between(clock_, *due_).value_or(0)) / 3600;
  const bool late = chance() < shares_.late;
  const double share = late                                          ? uniform(1.05, 1.8)
                       : chance() < shares_.finished_on_deadline_day ? uniform(0.9, 0.99)
                                                                     : uniform(0.2, 0.85);
  const double review = std::max(0.5, left_hours * share);
  if (late && chance() < shares_.late_announced_by_apology && left_hours > 9 && due_) {
    // Announced in time with an apology slip and one more working day (Decree 61 Art. 19(9)).
    if (!wait_hours(left_hours - 9, left_hours - 8.5)) return status;
    if (auto new_due = cal_.nth_working_day_after(cal_.local(*due_).date, 1)) {
      act(db, cast.processing, id, CommandKind::issue_apology,
          {{"reason", "Cần xác minh thông tin với cơ quan liên quan"},
           {"new_due", to_iso(cal_.office_close(*new_due), cal_.utc_offset_minutes())}},
          status);
    }
  }
  if (!wait_hours(review * 0.6, review * 0.7)) return status;
  if (!act(db, cast.processing, id, CommandKind::forward,
           {{"official_id", cast.leader.user_id}, {"step", "phe-duyet"}}, status))
    return status;
  if (!wait_hours(review * 0.3, review * 0.4)) return status;
  if (chance() < shares_.rejected_after_review) {
    act(db, cast.leader, id, CommandKind::reject_after_review,
        {{"reasons", json::array{"Không đủ điều kiện theo quy định"}}}, status);
  } else {
    act(db, cast.leader, id, CommandKind::approve, {{"note", "Đồng ý"}}, status);
  }
  if (!wait_hours(1, 24)) return status;
  // Results are collected at the counter: an online return needs the result signed with the
  // agency's key, which the demo province has none of (docs/integrations.md "Signing").
  act(db, cast.reception, id, CommandKind::return_result,
      {{"channel", "counter"}, {"receiver_name", at_desk ? walk_in : citizen.display_name}},
      status);
  // Only an applicant with an account can rate (app/engagement/ratings.hpp).
  if (kind == "online" && app::may_be_rated(status) && chance() < shares_.rated &&
      wait_hours(1, 40)) {
    app::RatingInput rating;
    const double r = chance();
    double acc = 0;
    for (int score = 1; score <= 5; ++score) {
      acc += shares_.rating_overall[static_cast<std::size_t>(score - 1)];
      if (r < acc || score == 5) {
        rating.overall = score;
        break;
      }
    }
    rating.contacts = rating.overall >= 4 ? 0 : 1;
    if (app::rate_dossier(db, citizen, id, rating, clock_, cal_.utc_offset_minutes()))
      ++tally.rated;
  }
  return status;
}

}  // namespace motcua::dataset
