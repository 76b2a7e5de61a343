// JSON for internal process definitions (domain/process), as stored and as sent through the API.
//
// Format (every key listed is accepted; any other key is an error, so a misspelt optional field
// is not silently lost):
//
//   {
//     "id": "khai-sinh-xa",                 required, string
//     "procedure_code": "1.001193",         required, string: the national catalogue's code
//     "agency_id": "commune-00004",         required, string: the competent agency
//     "version": 1,                         required, whole number >= 1
//     "legal_limit": "1 working-days",      required, a time limit: "<n> working-days",
//                                           "<n> days" (calendar) or "<n> hours" (working)
//     "steps": [                            required, array; the first step is the entry step
//       {
//         "id": "receive",                  required, string
//         "name": "Tiếp nhận hồ sơ",        required, string (Vietnamese)
//         "name_en": "Receive the dossier", optional, string
//         "responsible": {                  required, object; give a role, a unit or both
//           "role": "reception",            optional: applicant, reception, processing, leader,
//                                           administrator or system
//           "unit": "commune-00004-desk"    optional, string: a unit or agency id
//         },
//         "budget": "1 hours",              required, a time limit as for legal_limit
//         "actions": [                      required, array
//           {"kind": "forward", "target": "review"},
//           {"kind": "request_supplement"}
//         ]                                 kind: forward, send_back, request_supplement,
//                                           consult, approve, refuse, return_result;
//                                           target: optional string, a step id
//       }
//     ]
//   }
//
// Parsing checks the shape only; whether the process makes sense (targets exist, budgets add up,
// every path ends) is process::validate(), whose problems problems_to_json() renders as
//   [{"code": "budget_total_mismatch", "step": "", "message_vi": "…", "message_en": "…"}].
// Errors give the JSON path of the offending value, e.g.
//   "steps[2].budget: unknown time limit unit 'weeks' (use working-days, days or hours)",
//   "steps[0].responsible.role: unknown role 'clerk'", "version: missing",
// and syntax errors their line and column ("invalid JSON at line 3, column 14: syntax error").
// Serialising writes the keys in the order above and leaves out empty optional values, so
// parse(serialize(p)) == p.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/process/process.hpp"
#include "domain/process/validation.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

tl::expected<process::ProcessDefinition, std::string> parse_process(std::string_view json_text);
tl::expected<process::ProcessDefinition, std::string> process_from_json(
    const boost::json::value& value);

boost::json::value process_to_json(const process::ProcessDefinition& process);
std::string serialize_process(const process::ProcessDefinition& process);

boost::json::array problems_to_json(const std::vector<process::Problem>& problems);

}  // namespace motcua::codec
