#include "http/request_target.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include "http/http_types.hpp"

namespace motcua::http {

std::optional<RequestTarget> parse_target(std::string_view target) {
  if (target.empty()) return std::nullopt;
  auto parsed = target.front() == '/' ? boost::urls::parse_origin_form(target)
                                      : boost::urls::parse_absolute_uri(target);
  if (!parsed) return std::nullopt;
  const boost::urls::url_view& url = *parsed;
  if (target.front() != '/' && url.scheme_id() != boost::urls::scheme::http &&
      url.scheme_id() != boost::urls::scheme::https) {
    return std::nullopt;
  }

  RequestTarget out;
  out.path = std::string(url.encoded_path());
  if (out.path.empty()) out.path = "/";
  if (out.path.front() != '/') return std::nullopt;
  if (url.has_query()) {
    for (const auto& param : url.params()) {
      out.query.emplace(param.key, param.value);
    }
  }
  return out;
}

std::optional<std::vector<std::string>> decode_segments(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string> segments;
  std::string_view rest = path.substr(1);
  for (;;) {
    const auto slash = rest.find('/');
    auto decoded = percent_decode(rest.substr(0, slash));
    if (!decoded) return std::nullopt;
    segments.push_back(std::move(*decoded));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return segments;
}

}  // namespace motcua::http
