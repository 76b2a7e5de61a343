// Time to render each paper as PDF (src/documents): one receipt, each notice, the control sheet,
// and the tracking book of 200 and 1,000 lines. Fonts are loaded once per thread by fontconfig;
// the first iteration pays it, Google Benchmark's repetitions then measure the steady state.
//   build/bench/documents_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include "documents/dossier_documents.hpp"

namespace {

using namespace motcua;

app::TimelineEntry entry(std::string type, std::string at, dossier::Command command) {
  app::TimelineEntry e;
  e.type = std::move(type);
  e.at = std::move(at);
  e.with_people = true;
  e.actor_id = "official-1";
  e.actor_name = "Trần Văn Đức";
  e.command = std::move(command);
  return e;
}

app::DossierView sample() {
  app::DossierView v;
  v.id = "d-1";
  v.code = "000.00.01.H26-260312-0007";
  v.procedure_name = "Đăng ký khai sinh";
  v.applicant = {"Nguyễn Thị Hương", "001190000001", "Số 5 phố Hàng Bài, phường Hoàn Kiếm",
                 "0912345678", "huong@example.vn"};
  v.received_at = "2026-03-12T14:30:00+07:00";
  v.due = "2026-03-19T17:00:00+07:00";
  v.utc_offset_minutes = 420;
  v.terms.limit = {5, clock::LimitUnit::working_days};
  v.workspace.agency =
      app::AgencyCard{"a-1", "H26", "Ủy ban nhân dân phường Hoàn Kiếm", "", "Hà Nội"};
  v.workspace.receiving_unit = app::UnitCard{"u-1", "Bộ phận Một cửa phường Hoàn Kiếm", "",
                                             "Số 1 Lê Lai", "Ủy ban nhân dân phường Hoàn Kiếm"};
  v.workspace.received_papers = {{"Tờ khai đăng ký khai sinh", 1, 0}, {"Giấy chứng sinh", 1, 1}};
  v.timeline.push_back(entry("dossier_accepted", "2026-03-12T14:30:00+07:00",
                             dossier::Accept{"000.00.01.H26-260312-0007", Instant{1773914400}}));
  v.timeline.push_back(
      entry("supplement_requested", "2026-03-13T09:00:00+07:00",
            dossier::RequestSupplement{{"Bản sao Giấy đăng ký kết hôn"}, "Thiếu"}));
  v.timeline.push_back(entry("dossier_refused", "2026-03-13T10:00:00+07:00",
                             dossier::Refuse{{"Hồ sơ không thuộc thẩm quyền giải quyết"}}));
  v.timeline.push_back(entry("apology_issued", "2026-03-19T10:00:00+07:00",
                             dossier::IssueApology{"Chờ ý kiến", Instant{1774087200}, ""}));
  v.timeline.push_back(
      entry("dossier_stopped", "2026-03-20T08:00:00+07:00", dossier::Stop{"Người nộp rút hồ sơ"}));
  v.timeline.push_back(entry("dossier_approved", "2026-03-18T16:00:00+07:00",
                             dossier::Approve{"Cấp Giấy khai sinh bản chính"}));
  v.result_kind = "approval";
  return v;
}

void form(benchmark::State& state, documents::DossierForm which) {
  const auto v = sample();
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = documents::dossier_form_pdf(which, v, "https://motcua.example.vn/track?code=x");
    bytes = pdf ? pdf->size() : 0;
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

void tracking_book(benchmark::State& state) {
  app::TrackingBook book;
  book.unit = {"u-1", "Bộ phận Một cửa phường Hoàn Kiếm", "",
               "a-1", "Ủy ban nhân dân phường Hoàn Kiếm", "Hà Nội"};
  book.from = "2026-01-01";
  book.to = "2026-03-31";
  for (int i = 1; i <= state.range(0); ++i) {
    app::TrackingBookLine line;
    line.line = i;
    line.code = "000.00.01.H26-260312-" + std::to_string(10000 + i);
    line.procedure_name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản";
    line.applicant_name = "Đặng Thị Ánh";
    line.agency_name = "Ủy ban nhân dân phường Hoàn Kiếm";
    line.received_at = "2026-03-12T08:00:00+07:00";
    line.return_channel = "counter";
    book.dossiers.push_back(line);
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = documents::tracking_book_pdf(book);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}

using documents::DossierForm;
BENCHMARK_CAPTURE(form, receipt, DossierForm::receipt)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(form, supplement_request, DossierForm::supplement_request)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(form, refusal, DossierForm::refusal)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(form, apology, DossierForm::apology)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(form, stop_notice, DossierForm::stop_notice)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(form, control_sheet, DossierForm::control_sheet)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(form, result, DossierForm::result)->Unit(benchmark::kMillisecond);
BENCHMARK(tracking_book)->Arg(200)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
