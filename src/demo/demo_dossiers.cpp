#include "demo/demo_dossiers.hpp"

#include <boost/json.hpp>

#include "app/accounts/accounts.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/dossier/variant_check.hpp"
#include "codec/command_json.hpp"
#include "store/catalog_repository.hpp"
#include "store/demo_rows.hpp"

namespace motcua::app::demo {

namespace json = boost::json;
using dossier::CommandKind;

namespace {

// Who works on a dossier: the desk that receives it and the officials of the competent agency.
struct Cast {
  std::string unit_id;
  std::string agency_id;
  Actor reception, processing, leader;
};

class Simulation {
 public:
  Simulation(store::Store& store, const calendar::WorkingCalendar& cal,
             const codec::DemoConfig& config, Instant now, std::uint64_t seed)
      : store_(store), cal_(cal), config_(config), present_(now), rng_(seed), service_(cal, [this] {
          return clock_;
        }) {}

  tl::expected<void, std::string> load_people() {
    std::string missing;
    store_.read([&](store::SqlConnection& db) {
      const auto actor = [&](const std::string& username) {
        auto a = load_actor(db, "u-" + username);
        if (!a) missing = username;
        return a.value_or(Actor{});
      };
      const auto commune_cast = [&](const char* unit, const char* agency, const char* place) {
        return Cast{unit, agency, actor(std::string("tiepnhan.") + place),
                    actor(std::string("chuyenvien.") + place),
                    actor(std::string("lanhdao.") + place)};
      };
      communes_ = {commune_cast("mc-14329", "commune-14329", "hoalu"),
                   commune_cast("mc-14362", "commune-14362", "tamdiep"),
                   commune_cast("mc-14464", "commune-14464", "giavien")};
      province_ = Cast{"ttphvhcc-37", "so-tu-phap-37", actor("tiepnhan.tinh"),
                       actor("chuyenvien.tuphap"), actor("lanhdao.tuphap")};
      for (const char* c : {"congdan.an", "congdan.binh", "congdan.cuong"})
        citizens_.push_back(actor(c));
    });
    if (!missing.empty()) return tl::unexpected("demo user missing: " + missing);
    return {};
  }

  // One dossier's life, in one write transaction. Returns its final status, or empty if creation
  // was refused.
  std::string live_one(const codec::DemoProcedure& procedure, bool recent) {
    recent_ = recent;
    const bool provincial = procedure.level == "province";
    const Cast& cast = provincial ? province_ : communes_[pick(communes_.size())];
    const auto& names = config_.applicant_names;
    std::string status;
    store_.write([&](store::SqlConnection& db) {
      status = run(db, procedure, cast, names[pick(names.size())]);
    });
    return status;
  }

 private:
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  double chance() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  // Moves the simulated clock forward by a random amount of working time; false once it would pass
  // the present (the rest of this dossier's life has not happened yet).
  bool wait_hours(double low, double high) {
    const auto minutes =
        static_cast<Seconds>(std::uniform_real_distribution<double>(low, high)(rng_) * 60);
    auto next = cal_.add_working_time(clock_, std::max<Seconds>(60, minutes * 60));
    if (!next || *next > present_) return false;
    clock_ = *next;
    return true;
  }
  bool act(store::SqlConnection& db, const Actor& who, const std::string& id, CommandKind kind,
           json::object body, std::string& status, json::object* result = nullptr) {
    auto command = codec::command_from_json(kind, body, cal_.utc_offset_minutes());
    if (!command) return false;
    auto r = service_.act(db, who, id, *command);
    if (!r) return false;
    status = r->record.status;
    if (result != nullptr) *result = due_of(*r);
    return true;
  }

  // The part of a dossier's answer the walk reads on: its due date.
  json::object due_of(const app::CommittedDossier& c) const {
    return {{"due", c.record.due_s
                        ? json::value(to_iso(Instant{*c.record.due_s}, c.utc_offset_minutes))
                        : json::value(nullptr)}};
  }

  std::string run(store::SqlConnection& db, const codec::DemoProcedure& procedure, const Cast& cast,
                  const std::string& walk_in_name) {
    if (recent_) {
      // Started within the last working day: still at its first steps now.
      const auto back = std::uniform_int_distribution<Seconds>(1, 8 * 3600)(rng_);
      const auto start = cal_.add_working_time(cal_.office_open(cal_.local(present_).date - 7), 0);
      clock_ = start.value_or(present_);
      const auto total = cal_.working_time_between(clock_, present_).value_or(0);
      clock_ = cal_.add_working_time(clock_, std::max<Seconds>(0, total - back)).value_or(present_);
    } else {
      const std::int64_t span =
          static_cast<std::int64_t>(present_.seconds) - std::int64_t{days_back_} * 86400;
      // A start drawn after the last working hour before now (on a weekend or holiday, say) moves
      // to a working instant after now: draw again, so the number of dossiers never depends on
      // the day the demo is built.
      for (int draw = 0; draw < 50; ++draw) {
        clock_ = Instant{
            std::uniform_int_distribution<std::int64_t>(span, present_.seconds - 3600)(rng_)};
        clock_ = cal_.next_working_instant(clock_).value_or(present_);
        if (clock_ <= present_) break;
      }
    }
    if (clock_ > present_) return {};
    const bool online = chance() < 0.4;
    const Actor& citizen = citizens_[pick(citizens_.size())];
    NewDossier input;
    input.procedure_code = procedure.code;
    input.agency_id = cast.agency_id;
    input.receiving_unit_id = cast.unit_id;
    input.channel = online ? dossier::Channel::online : dossier::Channel::counter;
    input.return_channel = input.channel;
    input.applicant.name = online ? citizen.display_name : walk_in_name;
    input.applicant.address = "Ninh Bình";
    // A counter dossier of a procedure with several cases names one (app/dossier/variant_check).
    if (const auto latest = store::latest_procedure(db, procedure.code)) {
      const auto cases = app::procedure_case_names(db, latest->code, latest->version);
      if (cases.size() > 1) input.variant = cases.front();
    }
    auto created = service_.create(db, online ? citizen : cast.reception, input);
    if (!created) return {};
    const std::string id = created->record.id;
    std::string status = created->record.status;
    const Actor& applicant_side = online ? citizen : cast.reception;
    json::object last;
    if (online) {
      if (!wait_hours(0.5, 8)) return status;
      if (chance() < 0.04) {
        act(db, cast.reception, id, CommandKind::refuse,
            {{"reasons", json::array{"Thủ tục không thuộc thẩm quyền giải quyết của cơ quan"}}},
            status);
        return status;
      }
      if (!act(db, cast.reception, id, CommandKind::accept, {}, status, &last)) return status;
    } else {
      last = due_of(*created);
    }
    if (!wait_hours(0.5, 3)) return status;
    if (!act(db, cast.processing, id, CommandKind::assign,
             {{"official_id", cast.processing.user_id}, {"step", "tham-dinh"}}, status)) {
      return status;
    }
    if (chance() < (recent_ ? 0.25 : 0.03)) {
      if (!wait_hours(1, 8)) return status;
      act(db, applicant_side, id, CommandKind::request_withdrawal,
          {{"reason", "Không còn nhu cầu"}}, status);
      if (!wait_hours(1, 8)) return status;
      act(db, cast.reception, id, CommandKind::stop, {{"reason", "Người nộp hồ sơ rút hồ sơ"}},
          status);
      return status;
    }
    if (chance() < 0.15) {
      if (!wait_hours(1, 12)) return status;
      act(db, cast.processing, id, CommandKind::request_supplement,
          {{"missing_items", json::array{"Bản sao giấy tờ tùy thân của người yêu cầu",
                                         "Giấy tờ chứng minh nơi cư trú"}},
           {"reason", "Hồ sơ chưa đủ thành phần theo quy định"}},
          status);
      if (chance() < 0.2 || !wait_hours(4, 40)) return status;
      act(db, applicant_side, id, CommandKind::provide_supplement,
          {{"documents", json::array{"giay-to-bo-sung.pdf"}}}, status, &last);
    }
    if (chance() < 0.08) {
      if (!wait_hours(1, 4)) return status;
      act(db, cast.processing, id, CommandKind::request_payment,
          {{"amount", 50000}, {"description", "Lệ phí giải quyết thủ tục"}}, status);
      if (!wait_hours(1, 24)) return status;
      act(db, cast.reception, id, CommandKind::confirm_payment,
          {{"amount", 50000}, {"reference", "BL-" + id.substr(2, 8)}}, status, &last);
    }
    // How long review takes, as a share of the time left: most finish in time, some do not.
    const auto due_text = last.contains("due") && last.at("due").is_string()
                              ? std::string(last.at("due").as_string())
                              : "";
    double left_hours = 8;
    if (!due_text.empty()) {
      if (auto due = parse_due(due_text))
        left_hours =
            static_cast<double>(cal_.working_time_between(clock_, *due).value_or(0)) / 3600.0;
    }
    const double share = chance() < 0.82 ? std::uniform_real_distribution<double>(0.2, 0.9)(rng_)
                                         : std::uniform_real_distribution<double>(1.05, 1.8)(rng_);
    const double review = std::max(0.5, left_hours * share);
    if (share > 1 && chance() < 0.5 && left_hours > 9) {
      // A late dossier announced in time: the apology slip with a new date (Decree 61 Art. 19(9)).
      if (!wait_hours(left_hours - 9, left_hours - 8.5)) return status;
      auto due = parse_due(due_text);
      // One working day more: within the bound on an apology's new date (docs/rules.md 3.9) for
      // every procedure of the demo, whose limits are whole working days.
      auto new_due = due ? cal_.nth_working_day_after(cal_.local(*due).date, 1)
                         : tl::unexpected(calendar::OutOfCalendarRange{});
      if (new_due) {
        act(db, cast.processing, id, CommandKind::issue_apology,
            {{"reason", "Cần xác minh thông tin với cơ quan liên quan"},
             {"new_due", to_iso(cal_.office_close(*new_due), cal_.utc_offset_minutes())}},
            status);
      }
    }
    if (!wait_hours(review * 0.6, review * 0.7)) return status;
    if (!act(db, cast.processing, id, CommandKind::forward,
             {{"official_id", cast.leader.user_id}, {"step", "phe-duyet"}}, status)) {
      return status;
    }
    if (!wait_hours(review * 0.3, review * 0.4)) return status;
    if (chance() < 0.05) {
      act(db, cast.leader, id, CommandKind::reject_after_review,
          {{"reasons", json::array{"Không đủ điều kiện theo quy định"}}}, status);
    } else {
      act(db, cast.leader, id, CommandKind::approve, {{"note", "Đồng ý"}}, status);
    }
    if (!wait_hours(1, 24)) return status;
    // An online return needs the result file signed with the agency's key, which the demo
    // province has none of (docs/integrations.md "Signing"): its results are collected at the
    // counter.
    act(db, cast.reception, id, CommandKind::return_result,
        {{"channel", "counter"}, {"receiver_name", online ? citizen.display_name : walk_in_name}},
        status);
    return status;
  }

  std::optional<Instant> parse_due(const std::string& text) const {
    // "2026-03-12T17:00:00+07:00"
    if (text.size() < 19) return std::nullopt;
    const Date d = date_from_ymd(std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)),
                                 std::stoi(text.substr(8, 2)));
    const Seconds sod = std::stoi(text.substr(11, 2)) * 3600 + std::stoi(text.substr(14, 2)) * 60;
    return from_local(d, sod, cal_.utc_offset_minutes());
  }

 public:
  int days_back_ = 120;

 private:
  store::Store& store_;
  const calendar::WorkingCalendar& cal_;
  const codec::DemoConfig& config_;
  Instant present_;
  Instant clock_;
  std::mt19937_64 rng_;
  DossierService service_;
  std::vector<Cast> communes_;
  Cast province_;
  std::vector<Actor> citizens_;
  bool recent_ = false;
};

}  // namespace

tl::expected<void, std::string> create_dossiers(store::Store& store,
                                                const calendar::WorkingCalendar& cal,
                                                const codec::DemoConfig& config, Instant now,
                                                const DemoOptions& options, DemoOutcome& out) {
  std::int64_t existing = 0;
  store.read([&](store::SqlConnection& db) { existing = store::count_dossiers(db); });
  if (existing > 0) return {};  // a demo database already has its dossiers
  Simulation sim(store, cal, config, now, options.seed);
  sim.days_back_ = options.days_back;
  if (auto ok = sim.load_people(); !ok) return ok;
  const auto& procedures = config.procedures;
  // Civil-status procedures are the everyday ones: weight them up.
  std::vector<std::size_t> weighted;
  for (std::size_t i = 0; i < procedures.size(); ++i) {
    const int weight = i < 3 ? 4 : 1;
    for (int w = 0; w < weight; ++w) weighted.push_back(i);
  }
  std::mt19937_64 pick(options.seed + 1);
  for (int i = 0; i < options.dossiers; ++i) {
    const auto& procedure = procedures[weighted[pick() % weighted.size()]];
    // The last few start within the last working day, so that every early state is on show.
    const bool recent = i >= options.dossiers - std::min(options.dossiers / 10, 24);
    const auto status = sim.live_one(procedure, recent);
    if (status.empty()) continue;
    ++out.dossiers_created;
    ++out.dossiers_by_status[status];
  }
  return {};
}

}  // namespace motcua::app::demo
