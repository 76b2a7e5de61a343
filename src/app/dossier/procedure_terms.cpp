#include "app/dossier/procedure_terms.hpp"

#include "app/common/text_keyed_cache.hpp"
#include "store/agency_repository.hpp"
#include "store/catalog_repository.hpp"
#include "store/procedure_terms_repository.hpp"

namespace motcua::app {

namespace {
// The agency tree is shallow (province, department or commune); a cycle must not loop forever.
constexpr int kMaxDepth = 16;

std::string limit_text(const std::optional<ChannelLimits>& limits, clock::Channel channel) {
  if (!limits) return {};
  if (const auto* own = limits->find(channel)) return *own;
  // A channel without its own limit uses the counter's, then any other (the national data often
  // lists one channel only).
  for (const auto other : {clock::Channel::counter, clock::Channel::online, clock::Channel::post}) {
    if (const auto* limit = limits->find(other)) return *limit;
  }
  return {};
}

void merge_limits(std::optional<ChannelLimits>& into, const ChannelLimits& over) {
  if (!into) into.emplace();
  for (const auto& [channel, limit] : over) into->set(channel, limit);
}
}  // namespace

std::optional<AgencyTerms> own_agency_terms(store::SqlConnection& db, const std::string& code,
                                            const std::string& agency_id) {
  auto row = store::agency_terms(db, code, agency_id);
  if (!row) return std::nullopt;
  auto limits = codec::channel_limits_from_text(row->limits);
  if (!limits) {
    throw store::StoreError("local terms of " + code + " at " + agency_id + " are not JSON");
  }
  return AgencyTerms{std::move(row->agency_id),
                     std::move(*limits),
                     std::move(row->rule),
                     std::move(row->fees_note),
                     std::move(row->receiving_address),
                     std::move(row->note),
                     row->version,
                     std::move(row->updated_by),
                     std::move(row->updated_at)};
}

std::optional<AgencyTerms> nearest_agency_terms(store::SqlConnection& db, const std::string& code,
                                                const std::string& agency_id) {
  std::string at = agency_id;
  for (int depth = 0; depth < kMaxDepth && !at.empty(); ++depth) {
    if (auto own = own_agency_terms(db, code, at)) return own;
    const auto parent = store::parent_of(db, at);
    if (!parent) break;
    at = *parent;
  }
  return std::nullopt;
}

LocalTerms local_terms(store::SqlConnection& db, const std::string& code,
                       const std::string& agency_id) {
  LocalTerms local;
  // Province-wide terms (procedure_local_terms), then the agency's: each overrides what it sets.
  if (const auto province = store::province_terms(db, code)) {
    // Unreadable limits override nothing, but the terms still exist.
    merge_limits(local.limits,
                 codec::channel_limits_from_text(province->limits).value_or(ChannelLimits{}));
    local.rule = province->rule;
  }
  if (agency_id.empty()) return local;
  local.agency = nearest_agency_terms(db, code, agency_id);
  if (!local.agency) return local;
  merge_limits(local.limits, local.agency->limits);
  if (!local.agency->rule.empty()) local.rule = local.agency->rule;
  local.receiving_address = local.agency->receiving_address;
  return local;
}

TermsPart apply_local_terms(TermsPart part, const LocalTerms& local) {
  if (local.limits) merge_limits(part.limits, *local.limits);
  if (!local.rule.empty()) part.rule = local.rule;
  if (!local.receiving_address.empty()) part.receiving_address = local.receiving_address;
  return part;
}

TermsPart catalog_terms(const std::string& code, const std::string& document) {
  // Every intake reads its procedure's terms from the catalog document (a few kilobytes of JSON):
  // parsed once per stored text. A few thousand procedures, each in force in one version or two.
  static TextKeyedCache<TermsPart> parsed(4096);
  return *parsed.get(document, [&](const std::string& text) {
    auto part = codec::procedure_terms_part(text);
    if (!part) throw store::StoreError("procedure " + code + " document is not JSON");
    return TermsPart{std::move(part->limits), std::move(part->rule),
                     std::move(part->receiving_address)};
  });
}

AppResult<ProcedureTerms> load_procedure_terms(store::SqlConnection& db, const std::string& code,
                                               clock::Channel channel, const std::string& today,
                                               const std::string& agency_id) {
  const auto row = store::procedure_in_force(db, code, today);
  if (!row) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "unknown_procedure",
                                   "Thủ tục hành chính không tồn tại.",
                                   "No such administrative procedure.", code});
  }
  ProcedureTerms terms{code, row->version, row->name, {}};
  // Local details override the catalog's, channel by channel.
  const auto merged =
      apply_local_terms(catalog_terms(code, row->document), local_terms(db, code, agency_id));
  const auto limit = clock::parse_time_limit(limit_text(merged.limits, channel));
  if (!limit) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "procedure_without_time_limit",
        "Thủ tục chưa có thời hạn giải quyết; cần khai báo thời hạn trước khi tiếp nhận hồ sơ.",
        "The procedure has no time limit; set one before receiving dossiers.", code});
  }
  terms.clock.limit = *limit;
  terms.clock.channel = channel;
  if (merged.rule) {
    if (auto r = clock::parse_deadline_rule(*merged.rule)) terms.clock.rule = *r;
  }
  return terms;
}

}  // namespace motcua::app
