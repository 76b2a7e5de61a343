#include "api/admin_setup_routes.hpp"

#include <fstream>
#include <iterator>

#include "api/admin_write.hpp"
#include "api/json/setup_json.hpp"
#include "codec/setup_templates_json.hpp"

namespace motcua::api {

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A template that cannot be read is the installation's fault, not the request's: a 409 that says
// which file, so the administrator can tell the operator.
app::AppError template_problem(const std::string& file, const std::string& problem) {
  return app::conflict("template_unusable", "Không đọc được mẫu " + file + ".",
                       "The template " + file + " cannot be used.", problem);
}

// Only an administrator of the province itself sets up its units and processes.
std::optional<app::AppError> outside_province(const app::Actor& a, const std::string& province) {
  for (const auto& g : a.grants) {
    if (g.role == dossier::Role::administrator && g.agency_id == province) return std::nullopt;
  }
  return app::forbidden_action("province_id: you are not an administrator of " + province);
}

template <typename Run>
auto setup_use_case(Run run) {
  return [run](store::SqlConnection& db, const app::Actor& a, const PathParams&,
               const SetupRequest& request,
               const std::string& now) -> app::AppResult<app::SetupOutcome> {
    if (auto refused = outside_province(a, request.scope.province_id)) {
      return tl::unexpected(*refused);
    }
    return run(db, a, request, now);
  };
}

}  // namespace

void add_admin_setup_routes(http::Router& router, ApiContext& ctx) {
  const std::string dir = ctx.settings.templates_dir;
  router.add_async(
      http::Method::post, "/api/v1/admin/setup/one-stop-units",
      administering(
          ctx, setup_request_from_json,
          setup_use_case([dir](store::SqlConnection& db, const app::Actor& a, const SetupRequest& r,
                               const std::string& now) -> app::AppResult<app::SetupOutcome> {
            const auto file = dir + "/one-stop-units.json";
            const auto templates = codec::parse_unit_templates(read_text(file));
            if (!templates) return tl::unexpected(template_problem(file, templates.error()));
            return app::set_up_one_stop_units(db, *templates, r.scope.province_id, a.user_id,
                                              r.reason, now);
          })));
  router.add_async(
      http::Method::post, "/api/v1/admin/setup/processes",
      administering(
          ctx, setup_request_from_json,
          setup_use_case([dir](store::SqlConnection& db, const app::Actor& a, const SetupRequest& r,
                               const std::string& now) -> app::AppResult<app::SetupOutcome> {
            const auto file = dir + "/internal-process.json";
            const auto tmpl = codec::parse_process_template(read_text(file));
            if (!tmpl) return tl::unexpected(template_problem(file, tmpl.error()));
            return app::set_up_processes(db, *tmpl, r.scope, a.user_id, r.reason, now.substr(0, 10),
                                         now);
          })));
}

}  // namespace motcua::api
