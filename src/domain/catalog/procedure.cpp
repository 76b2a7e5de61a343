#include "domain/catalog/procedure.hpp"

#include <algorithm>

#include "domain/text/fold.hpp"

namespace motcua::catalog {

OnlineService infer_online_service(const Procedure& p) {
  const bool online = std::any_of(p.channels.begin(), p.channels.end(), [](const ChannelTerms& c) {
    return c.channel == Channel::online;
  });
  if (!online) return OnlineService::none;
  // The sources have no column for it; the name is the only place that says so.
  if (text::fold_vietnamese(p.name).find("toan trinh") != std::string::npos) {
    return OnlineService::full;
  }
  return OnlineService::partial;
}

std::string_view to_string(Level level) {
  switch (level) {
    case Level::ministry:
      return "ministry";
    case Level::province:
      return "province";
    case Level::district:
      return "district";
    case Level::commune:
      return "commune";
    case Level::other:
      return "other";
  }
  return "other";
}

std::string_view to_string(Channel channel) {
  switch (channel) {
    case Channel::counter:
      return "counter";
    case Channel::online:
      return "online";
    case Channel::post:
      return "post";
    case Channel::other:
      return "other";
  }
  return "other";
}

std::string_view to_string(OnlineService service) {
  switch (service) {
    case OnlineService::none:
      return "none";
    case OnlineService::partial:
      return "partial";
    case OnlineService::full:
      return "full";
  }
  return "none";
}

std::string_view to_string(TimeStatus status) {
  switch (status) {
    case TimeStatus::limit:
      return "limit";
    case TimeStatus::not_regulated:
      return "not_regulated";
    case TimeStatus::missing:
      return "missing";
    case TimeStatus::unparsed:
      return "unparsed";
  }
  return "unparsed";
}

std::string_view to_string(FeeKind kind) {
  switch (kind) {
    case FeeKind::unspecified:
      return "unspecified";
    case FeeKind::fee:
      return "fee";
    case FeeKind::charge:
      return "charge";
  }
  return "unspecified";
}

std::string_view to_string(Currency currency) { return currency == Currency::vnd ? "VND" : "USD"; }

std::string_view to_string(FeeStatus status) {
  switch (status) {
    case FeeStatus::free:
      return "free";
    case FeeStatus::amounts:
      return "amounts";
    case FeeStatus::missing:
      return "missing";
    case FeeStatus::unparsed:
      return "unparsed";
  }
  return "unparsed";
}

std::string_view to_string(PaperKind kind) {
  switch (kind) {
    case PaperKind::submit:
      return "submit";
    case PaperKind::present:
      return "present";
  }
  return "submit";
}

}  // namespace motcua::catalog
