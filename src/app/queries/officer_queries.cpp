#include "app/queries/officer_queries.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/dossier/dossier_access.hpp"
#include "codec/iso_time.hpp"
#include "codec/process_partners.hpp"
#include "codec/tracking_book_fields.hpp"
#include "store/agency_repository.hpp"
#include "store/official_directory.hpp"
#include "store/tracking_book_queries.hpp"

namespace motcua::app {

using dossier::Role;

namespace {

// The agencies named as responsible in the steps of the internal processes of `agency_id`.
void add_process_partners(store::SqlConnection& db, const std::string& agency_id,
                          std::set<std::string>& out) {
  for (const auto& document : store::process_documents_of(db, agency_id)) {
    for (const auto& id : codec::responsible_unit_ids(document)) {
      // A step names an agency or a one-stop unit; a unit stands for its agency.
      if (auto agency = store::unit_agency(db, id)) {
        out.insert(*agency);
      } else {
        out.insert(id);
      }
    }
  }
}

}  // namespace

AppResult<std::vector<PickableOfficial>> officials(store::SqlConnection& db, const Actor& actor,
                                                   const std::string& agency_id,
                                                   std::optional<Role> role) {
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
  std::map<std::string, PickableOfficial> people;
  std::vector<std::string> order;
  for (const auto& agency : agencies) {
    for (auto& row : store::official_grants_in(db, agency)) {
      auto [it, inserted] = people.try_emplace(row.user_id);
      if (inserted) {
        it->second.id = row.user_id;
        it->second.display_name = row.display_name;
        order.push_back(row.user_id);
      }
      it->second.roles.push_back(
          {std::move(row.role), std::move(row.agency_id), std::move(row.agency_name)});
    }
  }
  std::vector<PickableOfficial> out;
  for (const auto& id : order) {
    auto& person = people.at(id);
    if (role) {
      const auto holds = std::any_of(person.roles.begin(), person.roles.end(), [&](const auto& g) {
        return g.role == dossier::to_string(*role);
      });
      if (!holds) continue;
    }
    out.push_back(std::move(person));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.display_name < b.display_name; });
  return out;
}

AppResult<TrackingBook> tracking_book(store::SqlConnection& db, const Actor& actor,
                                      const std::string& unit_id, const std::string& from,
                                      const std::string& to, int offset) {
  const auto from_date = codec::parse_iso_date(from);
  const auto to_date = codec::parse_iso_date(to);
  if (!from_date || !to_date)
    return tl::unexpected(invalid_input("'from' and 'to' must be dates YYYY-MM-DD"));
  if (*to_date < *from_date || to_date->days - from_date->days > 366)
    return tl::unexpected(invalid_input("'from' must not be after 'to', at most 366 days apart"));
  const auto unit = store::book_unit(db, unit_id);
  if (!unit) return tl::unexpected(not_found("one-stop unit " + unit_id));
  // Reception keeps the book; the leader of the unit's agency reads it.
  std::set<std::string> scope;
  for (const Role r : {Role::reception, Role::leader}) {
    for (auto& id : scoped_agencies(db, actor, r)) scope.insert(std::move(id));
  }
  if (actor.applicant || !scope.contains(unit->agency_id))
    return tl::unexpected(not_found("one-stop unit " + unit_id));
  TrackingBook book{
      {unit->id, unit->name, unit->address, unit->agency_id, unit->agency_name, unit->parent_name},
      from,
      to,
      {}};
  for (auto& row : store::book_dossiers(db, unit_id, from, to)) {
    const auto doc = codec::book_document_fields(row.document);
    TrackingBookLine l;
    l.line = row.line;
    l.volume = row.volume;
    l.sets = row.sets;
    l.id = row.id;
    l.code = row.code;
    l.procedure_code = row.procedure_code;
    l.procedure_name = doc.procedure_name;
    l.applicant_name = row.applicant_name;
    l.applicant_address = doc.applicant_address;
    l.applicant_phone = doc.applicant_phone;
    l.agency_id = row.agency_id;
    l.agency_name = row.agency_name;
    l.channel = row.channel;
    l.return_channel = doc.return_channel;
    l.received_at = row.received_at;
    if (row.due_s) l.due = to_iso(Instant{*row.due_s}, offset);
    l.finished_at = row.finished_at;
    l.status = row.status;
    if (const auto ret = store::last_return(db, row.id)) {
      const auto fields = codec::return_fields(ret->payload);
      l.returned = TrackingBookLine::Return{ret->at, fields.receiver_name, fields.channel};
    }
    book.dossiers.push_back(std::move(l));
  }
  return book;
}

}  // namespace motcua::app
