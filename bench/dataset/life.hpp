// One synthetic dossier's life, lived through the real use cases (app/dossier/dossier_service.hpp,
// app/portal/inbound.hpp, app/engagement/ratings.hpp) on a simulated clock, so that its events,
// legal clock, outbox rows and audit are exactly what the API would have written. Like the demo
// (src/demo/demo_dossiers.cpp), but with its shares read from a data file, four arrival channels,
// arrivals spread over years with a morning peak, and work bunched on the deadline day.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/dossier/dossier_service.hpp"
#include "codec/demo_config.hpp"
#include "shares.hpp"

namespace motcua::dataset {

using app::Actor;

// What the generator counts: the arrival channel and the final status of each dossier.
struct Tally {
  std::map<std::string, std::int64_t> by_channel;
  std::map<std::string, std::int64_t> by_status;
  std::int64_t rated = 0;
  std::int64_t refused_creation = 0;  // the use case said no (never expected)
};

class Lives {
 public:
  // Dossiers start between `first_day` and the present (both within the calendar).
  Lives(const calendar::WorkingCalendar& cal, const codec::DemoConfig& config, const Shares& shares,
        Instant present, Date first_day, std::uint64_t seed);

  // Reads the demo's people and the procedures' cases; a message when the demo is missing.
  std::string load(store::SqlConnection& db);

  // The first day a dossier may start: the one given, or later when an agency is younger.
  Date first_day() const { return first_day_; }

  // Lives one more dossier inside the caller's write job.
  void live_one(store::SqlConnection& db, Tally& tally);

  // Continues a history that already holds `existing` dossiers (motcua_dataset --resume): the
  // random stream is drawn again from the seed and that count, so the new lives are not the first
  // run's again, and the portal's own codes go on from beyond any earlier one.
  void resume_after(std::int64_t existing);

 private:
  struct Cast {
    std::string unit_id, agency_id, agency_code;
    Actor reception, processing, leader;
  };

  std::size_t pick(std::size_t n);
  double chance();
  double uniform(double low, double high);
  bool wait_hours(double low, double high);
  void draw_start();
  bool act(store::SqlConnection& db, const Actor& who, const std::string& id,
           dossier::CommandKind kind, boost::json::object body, std::string& status);
  std::string run(store::SqlConnection& db, const codec::DemoProcedure& procedure, const Cast& cast,
                  Tally& tally);

  const calendar::WorkingCalendar& cal_;
  const codec::DemoConfig& config_;
  Shares shares_;
  Instant present_;
  Date first_day_;
  Instant clock_{};
  std::uint64_t seed_;
  std::mt19937_64 rng_;
  app::DossierService service_;
  std::vector<Cast> communes_;
  Cast province_;
  std::vector<Actor> citizens_;
  std::vector<const codec::DemoProcedure*> commune_procedures_, province_procedures_;
  std::map<std::string, std::string> first_case_;  // procedure code -> case named at the counter
  std::optional<Instant> due_;                     // the dossier's current due instant
  std::uint64_t serial_ = 0;                       // for the portal's own codes
};

}  // namespace motcua::dataset
