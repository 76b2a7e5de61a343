#include "codec/feedback_review_codec.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "codec/labelled_answers.hpp"

namespace motcua::codec {

namespace fs = std::filesystem;

std::string hold_reasons_text(const std::vector<engagement::HoldReason>& reasons) {
  boost::json::array out;
  for (const auto& r : reasons) {
    out.push_back(boost::json::object{
        {"code", r.code}, {"detail", r.detail}, {"score", std::round(r.score * 1000) / 1000}});
  }
  return boost::json::serialize(out);
}

std::vector<engagement::HoldReason> hold_reasons_from_text(std::string_view text) {
  std::vector<engagement::HoldReason> out;
  boost::system::error_code ec;
  const auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return out;
  for (const auto& item : value.as_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    engagement::HoldReason r;
    if (const auto* c = o.if_contains("code"); c && c->is_string()) r.code = c->as_string();
    if (const auto* d = o.if_contains("detail"); d && d->is_string()) r.detail = d->as_string();
    if (const auto* s = o.if_contains("score"); s && s->is_number())
      r.score = s->to_number<double>();
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

fs::path boilerplate_path() {
  if (const char* env = std::getenv("MOTCUA_FEEDBACK_BOILERPLATE"); env != nullptr && *env != '\0')
    return env;
  const fs::path relative = fs::path("data") / "feedback" / "boilerplate.txt";
  std::error_code ec;
  if (fs::is_regular_file(relative, ec)) return relative;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& base : {exe.parent_path().parent_path(), exe.parent_path()}) {
      if (fs::is_regular_file(base / relative, ec)) return base / relative;
    }
  }
  return "/usr/share/motcua/feedback/boilerplate.txt";
}

}  // namespace

const engagement::Boilerplate& installed_boilerplate() {
  static const engagement::Boilerplate phrases = [] {
    auto read = read_boilerplate(boilerplate_path());
    return read ? *read : engagement::Boilerplate{};
  }();
  return phrases;
}

}  // namespace motcua::codec
