// The bodies of the messages between MotCua instances (docs/integrations.md "Exchange between
// MotCua instances"), as the JSON text each envelope signs:
//   dossier_transfer       a step of the sender's process handed to the receiver: the dossier's
//                          facts and the papers it needs (bytes added by the adapter at sending)
//   result                 the receiver's outcome for a transfer, naming it by its message id
//   consultation_question  a question to an agency the receiver serves, with the shared papers
//   consultation_answer    the answer, naming the question by its message id
// Readers name the first field missing or of the wrong type.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "codec/dossier_document.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

struct ExchangePaper {
  std::string name;      // what the paper is
  std::string paper_id;  // the national catalog's paper id, when it has one
  std::string file_name;
  std::string content_type;
  std::string sha256;
  std::int64_t size = 0;
  std::string content_b64;  // empty in the outbox row; the adapter fills it from the file store
};

struct TransferBody {
  std::string parent_id;    // the dossier at the sender
  std::string parent_code;  // its code (mã hồ sơ)
  std::string procedure_code;
  std::string procedure_name;
  std::string variant;
  std::string agency_code;  // the receiver's agency that holds the step
  std::string step_id;
  std::string step_name;
  std::string due_at;  // the parent's due date, for the receiver's officials
  ApplicantInfo applicant;
  std::vector<ExchangePaper> papers;
};

struct ResultBody {
  std::string transfer_id;  // the dossier_transfer's message id
  std::string child_code;
  std::string outcome;  // approval | refusal | refused_at_receipt | stopped
  std::string note;     // the reasons or the decision's summary
  std::string decided_at;
};

struct QuestionBody {
  std::string parent_id;
  std::string parent_code;
  std::string procedure_name;
  std::string agency_code;  // the receiver's agency asked
  std::string question;
  std::string due_at;
  std::vector<ExchangePaper> papers;
};

struct AnswerBody {
  std::string question_id;  // the consultation_question's message id
  std::string answer;
  std::string answered_by;  // the answering official's name
  std::string answered_at;
};

// Feedback on regulations forwarded to the competent partner (docs/rules.md section 10): the
// sender's item as it was received there.
struct FeedbackForwardBody {
  std::string code;  // the sender's tracking code
  std::string name;
  std::string contact;
  std::string procedure_code;
  std::string kind;
  std::string content;
  std::string received_at;
  std::string from_agency_id;
  std::string reason;  // why it is outside the sender's competence
};

std::string transfer_body_to_text(const TransferBody& body);
tl::expected<TransferBody, std::string> transfer_body_from_text(const std::string& text);
std::string result_body_to_text(const ResultBody& body);
tl::expected<ResultBody, std::string> result_body_from_text(const std::string& text);
std::string question_body_to_text(const QuestionBody& body);
tl::expected<QuestionBody, std::string> question_body_from_text(const std::string& text);
std::string answer_body_to_text(const AnswerBody& body);
tl::expected<AnswerBody, std::string> answer_body_from_text(const std::string& text);
tl::expected<FeedbackForwardBody, std::string> feedback_forward_body_from_text(
    const std::string& text);

// The papers as stored with an inbound question (without their bytes), and back.
std::string exchange_papers_to_text(const std::vector<ExchangePaper>& papers);
std::vector<ExchangePaper> exchange_papers_from_text(const std::string& text);

// Adds each paper's bytes to the "papers" of a body as content_b64: `read_b64` gives the base64 of
// the file with a sha256, or nothing when it is missing (the error then names it). A body without
// papers passes unchanged.
tl::expected<std::string, std::string> with_paper_contents(
    const std::string& body,
    const std::function<std::optional<std::string>(const std::string&)>& read_b64);

}  // namespace motcua::codec
