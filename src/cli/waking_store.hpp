// The store as the API sees it in `motcua serve`: every write, once committed, wakes the delivery
// workers (cli/delivery_job.hpp), so a message enqueued by a request goes out at once instead of
// at the next poll. The workers themselves write through the plain store, so their own writes do
// not wake them.
#pragma once

#include <functional>
#include <utility>

#include "store/store.hpp"

namespace motcua::cli {

class WakingStore final : public store::Store {
 public:
  WakingStore(store::Store& inner, std::function<void()> wake)
      : inner_(inner), wake_(std::move(wake)) {}
  void write(const store::WriteJob& job) override {
    inner_.write(job);
    wake_();
  }
  void submit(store::WriteJob job, store::WriteDone done) override {
    inner_.submit(std::move(job), [this, done = std::move(done)](std::exception_ptr error) {
      done(error);
      if (!error) wake_();
    });
  }
  void read(const store::ReadJob& job) override { inner_.read(job); }
  store::StoreStats stats() const override { return inner_.stats(); }
  int schema_version() override { return inner_.schema_version(); }

 private:
  store::Store& inner_;
  std::function<void()> wake_;
};

}  // namespace motcua::cli
