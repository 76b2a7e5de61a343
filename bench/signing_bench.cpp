// Time to sign one paper (src/documents/signing): the PAdES incremental update, the SHA-256 over
// the signed ranges and the RSA-2048 CMS signature, on a one-page notice drawn by cairo. The key is
// a throwaway one made with the OpenSSL command line at start (signing_test_support.hpp); the
// PKCS#12 file is opened once, as the server keeps it open.
//   build/bench/signing_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include "documents/pdf_canvas.hpp"
#include "documents/signing/pades.hpp"
#include "documents/signing/pkcs12_signer.hpp"
#include "documents/signing/signing_test_support.hpp"

namespace {

using namespace motcua::documents;

std::string notice(int pages) {
  PdfCanvas canvas("Thông báo");
  for (int p = 0; p < pages; ++p) {
    for (int i = 0; i < 12; ++i)
      canvas.paragraph(
          "Kết quả giải quyết thủ tục hành chính: chấp thuận hồ sơ đăng ký khai sinh.");
    canvas.keep(10000);
  }
  return canvas.finish();
}

void sign(benchmark::State& state) {
  static signing::testing::TestSigningDir keys("bench");
  static const auto signer = signing::Pkcs12Signer::load(keys.p12(), keys.password());
  const std::string pdf = notice(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto out =
        signing::sign_pdf(pdf, *signer, {std::chrono::system_clock::now(), "Kết quả", "Xã Một"});
    benchmark::DoNotOptimize(out);
  }
  state.counters["pdf_bytes"] = static_cast<double>(pdf.size());
}
BENCHMARK(sign)->Arg(1)->Arg(20)->Unit(benchmark::kMillisecond);

void open_pkcs12(benchmark::State& state) {
  static signing::testing::TestSigningDir keys("bench-open");
  for (auto _ : state) {
    auto signer = signing::Pkcs12Signer::load(keys.p12(), keys.password());
    benchmark::DoNotOptimize(signer);
  }
}
BENCHMARK(open_pkcs12)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
