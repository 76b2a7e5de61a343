// The cost of personal data at rest (store/data_keys.hpp): sealing a value on write, opening it
// on read, and the keyed hash of a lookup, per value; docs/performance.md.
#include <benchmark/benchmark.h>

#include "store/data_keys.hpp"

namespace {

using motcua::store::DataKeys;

// The place a value is bound to (store/personal_data.hpp seal_context), as long as a real one.
constexpr const char* kContext = "users.id_number|u-0123456789abcdef";

const DataKeys& keys() {
  static const DataKeys k({DataKeys::generate()});
  return k;
}

void BM_SealIdNumber(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(keys().encrypt("001203004567", kContext));
}
BENCHMARK(BM_SealIdNumber);

void BM_OpenIdNumber(benchmark::State& state) {
  const std::string sealed = keys().encrypt("001203004567", kContext);
  for (auto _ : state) benchmark::DoNotOptimize(keys().decrypt(sealed, kContext));
}
BENCHMARK(BM_OpenIdNumber);

void BM_SealAddress(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(keys().encrypt("Số 12 ngõ 34 phố Tràng Tiền, phường Hoàn Kiếm, Hà Nội",
                                            "dossier_postal.address|d-0001"));
  }
}
BENCHMARK(BM_SealAddress);

void BM_LookupHashPhone(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(keys().lookup_hash("0912345689"));
}
BENCHMARK(BM_LookupHashPhone);

}  // namespace

BENCHMARK_MAIN();
