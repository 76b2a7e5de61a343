#include "app/admin/audit_reading.hpp"

#include <charconv>
#include <optional>

#include "app/admin/admin_users.hpp"
#include "store/audit_log.hpp"

namespace motcua::app {

namespace {

std::optional<std::int64_t> whole_number(const std::string& text, std::int64_t min,
                                         std::int64_t max) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

AppError bad_number(const std::string& field, const std::string& range) {
  return AppError{ErrorKind::invalid_input, "invalid_" + field,
                  "Tham số " + field + " phải là số nguyên từ " + range + ".",
                  "The parameter " + field + " must be a whole number from " + range + ".", field};
}

}  // namespace

AppResult<AuditPageView> read_audit(store::SqlConnection& db, const Actor& actor,
                                    const AuditQuery& query) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const auto page = whole_number(query.page, 1, 1000000);
  if (!page) return tl::unexpected(bad_number("page", "1 đến/to 1000000"));
  const auto per_page = whole_number(query.per_page, 1, 200);
  if (!per_page) return tl::unexpected(bad_number("per_page", "1 đến/to 200"));
  store::AuditFilter filter{query.actor_id, query.action, query.from,
                            query.to,       *per_page,    (*page - 1) * *per_page};
  const auto found = store::audit_page(db, filter);
  AuditPageView out;
  out.total = found.total;
  out.page = *page;
  out.per_page = *per_page;
  for (const auto& e : found.entries) {
    out.entries.push_back({e.seq, e.actor_id, e.at, e.action, e.object, e.reason, e.details});
  }
  return out;
}

}  // namespace motcua::app
