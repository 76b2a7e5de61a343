// The procedure catalog (danh mục thủ tục hành chính): what a citizen may apply for, with the
// papers to bring, the time limit and fee per channel, and who decides.
//
// Values only: the importers in src/codec fill these from the national formats, the store keeps
// them, the dossier keeps the version it was received under (version.hpp). Free text is kept as
// the source wrote it (after whitespace cleaning) next to every parsed value, so an import never
// loses information and a human can always check a parse against its raw text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/calendar/date.hpp"
#include "domain/clock/time_limit.hpp"

namespace motcua::catalog {

// Cấp thực hiện: the level of government that carries out the procedure.
enum class Level {
  ministry,  // Cấp bộ (central: ministry or ministerial agency)
  province,  // Cấp tỉnh
  district,  // Cấp huyện (abolished 1 July 2025; still in older records)
  commune,   // Cấp xã (commune, ward, special zone)
  other,     // Cơ quan khác (courts, banks' branches, ...)
};

// Hình thức nộp: how the applicant submits and receives.
enum class Channel {
  counter,  // Trực tiếp: in person at the one-stop desk
  online,   // Trực tuyến: through a public service portal
  post,     // Dịch vụ bưu chính: by public postal service
  other,    // anything else the source names (raw text kept)
};

// Dịch vụ công trực tuyến: whether the procedure can be done online end to end.
enum class OnlineService {
  none,     // no online channel
  partial,  // một phần: some steps online (at least submission)
  full,     // toàn trình: everything online, including payment and the result
};

// Thời hạn giải quyết for one channel.
enum class TimeStatus {
  limit,          // `limit` holds the parsed statutory limit
  not_regulated,  // "Không quy định": the law sets no limit
  missing,        // empty or "Không có thông tin": the source does not say
  unparsed,       // text we could not turn into a limit (months, a bare number, prose...)
};

struct TimeTerm {
  std::string raw;  // as published, whitespace cleaned: "30 Ngày làm việc", "01 Giờ", "1"
  TimeStatus status = TimeStatus::missing;
  std::optional<clock::TimeLimit> limit;  // only when status == limit
  std::string note;                       // why it was not parsed, or how it was interpreted
  friend bool operator==(const TimeTerm&, const TimeTerm&) = default;
};

// Phí (fee, paid for a service) versus lệ phí (charge, a levy for a State act).
enum class FeeKind { unspecified, fee, charge };
enum class Currency { vnd, usd };

struct FeeAmount {
  FeeKind kind = FeeKind::unspecified;
  Currency currency = Currency::vnd;
  // VND: whole đồng. USD: cents (the sources write "1.5 USD").
  std::int64_t amount = 0;
  std::string note;  // the text in brackets after the amount: who pays it, per what
  friend bool operator==(const FeeAmount&, const FeeAmount&) = default;
};

enum class FeeStatus {
  free,      // "Miễn phí", "Không", or every amount is 0
  amounts,   // `amounts` lists what is charged
  missing,   // empty or "Không có thông tin"
  unparsed,  // text with no amount we could read ("Mức thu bằng 50% ...")
};

// Phí, lệ phí for one channel.
struct Fee {
  std::string raw;
  FeeStatus status = FeeStatus::missing;
  std::vector<FeeAmount> amounts;
  bool foreign_currency = false;  // some amount is not in VND
  bool unparseable = false;       // some part of the text could not be read
  friend bool operator==(const Fee&, const Fee&) = default;
};

// One row of cách thức thực hiện: a channel with its time limit and fee. A channel may have
// several rows (one per fee variant, e.g. a residence card valid 2, 5 or 10 years).
struct ChannelTerms {
  Channel channel = Channel::counter;
  std::string channel_raw;  // hình thức nộp as published
  TimeTerm time;
  Fee fee;
  std::string description;  // mô tả
  friend bool operator==(const ChannelTerms&, const ChannelTerms&) = default;
};

// Whether the applicant hands the paper in (nộp) or only shows it at the counter (xuất trình),
// as the catalog's headings "Giấy tờ phải nộp" and "Giấy tờ phải xuất trình" say.
enum class PaperKind { submit, present };

// Giấy tờ: one required paper of thành phần hồ sơ.
struct Paper {
  std::string name;                     // tên giấy tờ
  std::vector<std::string> form_files;  // mẫu đơn, tờ khai: template file names
  int originals = 0;                    // số lượng: bản chính
  int copies = 0;                       // số lượng: bản sao
  std::string count_raw;                // số lượng as published
  // Bắt buộc. The sources have no such column: a paper is optional when its name says
  // "(nếu có)" ("if any") or when it asks for no original and no copy (an explanatory row).
  bool mandatory = true;
  PaperKind kind = PaperKind::submit;
  // The situation in which the paper is asked for ("Trường hợp trẻ em bị bỏ rơi", "nếu có");
  // empty when every applicant of the case must provide it.
  std::string condition;
  // Stable identity within the procedure version (paper_identity.hpp): uploads and checklists
  // refer to a paper by it, never by its name.
  std::string id;
  friend bool operator==(const Paper&, const Paper&) = default;
};

// Trường hợp: a case variant with its own list of papers ("Trường hợp (1): ..."). A procedure
// with a single list has one variant with an empty name.
struct CaseVariant {
  std::string name;
  std::vector<Paper> papers;
  friend bool operator==(const CaseVariant&, const CaseVariant&) = default;
};

// Căn cứ pháp lý: one legal document the procedure rests on.
struct LegalBasis {
  std::string number;          // số ký hiệu: "12/2021/QĐ-TTg"
  std::string title;           // trích yếu
  std::optional<Date> issued;  // ngày ban hành
  std::string issuer;          // cơ quan ban hành
  friend bool operator==(const LegalBasis&, const LegalBasis&) = default;
};

// Thủ tục hành chính: the content of one version of a procedure.
struct Procedure {
  std::string code;           // mã thủ tục: national code, "1.001193"
  std::string name;           // tên thủ tục
  std::string source;         // where it was imported from: ministry list ("bo-tu-phap"), "bqp"
  std::string decision;       // số quyết định: the decision that published this version
  std::vector<Level> levels;  // cấp thực hiện
  std::string levels_raw;
  std::string kind;                 // loại thủ tục
  std::string field;                // lĩnh vực
  std::string applicants;           // đối tượng thực hiện
  std::string competent_agency;     // cơ quan có thẩm quyền: decides
  std::string implementing_agency;  // cơ quan thực hiện: handles the dossier
  std::string delegated_agency;     // cơ quan được ủy quyền
  std::string coordinating_agency;  // cơ quan phối hợp
  std::string receiving_address;    // địa chỉ tiếp nhận hồ sơ
  std::string result;               // kết quả thực hiện
  std::string requirements;         // yêu cầu, điều kiện thực hiện
  std::string steps;                // trình tự thực hiện
  OnlineService online_service = OnlineService::none;
  std::vector<ChannelTerms> channels;   // cách thức thực hiện
  std::vector<CaseVariant> cases;       // thành phần hồ sơ
  std::vector<std::string> notes;       // lưu ý: advice printed with the papers, not papers
  std::vector<LegalBasis> legal_basis;  // căn cứ pháp lý
  std::string detail_url;               // the national portal page
  friend bool operator==(const Procedure&, const Procedure&) = default;
};

// The online service type the channels and name imply: none without an online channel, full when
// the name says "toàn trình", partial otherwise (an online channel means at least online
// submission).
OnlineService infer_online_service(const Procedure& p);

std::string_view to_string(Level level);
std::string_view to_string(Channel channel);
std::string_view to_string(OnlineService service);
std::string_view to_string(TimeStatus status);
std::string_view to_string(FeeKind kind);
std::string_view to_string(Currency currency);
std::string_view to_string(FeeStatus status);
std::string_view to_string(PaperKind kind);

}  // namespace motcua::catalog
