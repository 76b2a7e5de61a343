// The internal process enforced on the commands that move a dossier (docs/rules.md, "the internal
// process enforced"): a hand-over (assign, forward, send back) follows an edge of the dossier's own
// process version, a decision (approve, refuse after review) is taken only at a step that offers
// it, and the result is returned only at the step the decision led to. These checks are pure: who
// holds which role where is the caller's to say, through `fits`.
//
// A dossier whose recorded step is empty stands at the first step (it has just been received). A
// recorded step that is not in the process (written before processes were enforced) is not
// trusted as a place to move from: every step of the process may then be named.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/process/navigation.hpp"
#include "domain/process/process.hpp"
#include "tl/expected.hpp"

namespace motcua::process {

enum class HandOver { assign, forward, send_back };

// The step the dossier stands at: `recorded`, or the first step when nothing is recorded yet.
std::string current_step(const ProcessDefinition& process, std::string_view recorded);

// The steps a hand-over may lead to from `current`, in the process's order: for assign and forward
// the current step itself (passing the dossier to a colleague within the step) and the targets of
// its forward actions; for send_back the targets of its send_back actions.
std::vector<const Step*> hand_over_targets(const ProcessDefinition& process,
                                           std::string_view current, HandOver kind);

// The step a hand-over goes to. `requested` is the command's `step`; when it is empty the dossier
// stays at the current step if the new holder fits it, else moves along the one edge of that kind
// when there is exactly one. `fits` says whether the new holder holds the step's role in the step's
// unit; the caller reports a holder who does not fit the chosen step. Refused: a step that is not
// in the process (unknown_target) or not reachable by an edge of that kind (step_not_next); an
// empty step that cannot be resolved (step_required). The messages list the allowed steps.
tl::expected<const Step*, MoveError> resolve_hand_over(
    const ProcessDefinition& process, std::string_view current, HandOver kind,
    std::string_view requested, const std::function<bool(const Step&)>& fits);

// A decision (approve or refuse) at `current`: the step must offer it (decision_not_here). Returns
// the step the process goes on to, empty when the decision ends it.
tl::expected<std::string, MoveError> decision_move(const ProcessDefinition& process,
                                                   std::string_view current, ActionKind kind);

// Returning the result after the decision `decided` (approve or refuse) taken at `current`: the
// step the decision led to must offer return_result (return_not_here); a decision that ended the
// process leaves nothing to check.
tl::expected<void, MoveError> check_return(const ProcessDefinition& process,
                                           std::string_view current, ActionKind decided);

}  // namespace motcua::process
