#include "app/delivery/delivery_engine.hpp"

#include <unistd.h>

#include <condition_variable>
#include <exception>
#include <mutex>
#include <random>

#include "app/payments/refunds.hpp"
#include "app/postal/postal_orders.hpp"
#include "domain/text/mask.hpp"
#include "store/exchange_links_repository.hpp"

namespace motcua::app::delivery {

namespace {

double random_share() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

// Counts the outcome jobs submitted in a round, so the round ends only when all are durable and
// the next claim sees them.
class PendingWrites {
 public:
  store::WriteDone track() {
    const std::lock_guard lock(mu_);
    ++open_;
    return [this](std::exception_ptr error) {
      const std::lock_guard held(mu_);
      if (error && !error_) error_ = error;
      if (--open_ == 0) done_.notify_all();
    };
  }
  void wait() {
    std::unique_lock lock(mu_);
    done_.wait(lock, [this] { return open_ == 0; });
    if (error_) std::rethrow_exception(error_);
  }

 private:
  std::mutex mu_;
  std::condition_variable done_;
  int open_ = 0;
  std::exception_ptr error_;
};

// What a partner answered may be any bytes (garbage, binary, a huge page): the administrators'
// view shows valid UTF-8 without control characters, at most ~500 bytes, and an SMS gateway that
// echoes the recipient's phone (or a partner an ID number) has it masked (text/mask.hpp).
std::string printable_error(const std::string& text) {
  constexpr std::size_t kMax = 500;
  std::string out;
  for (std::size_t i = 0; i < text.size() && out.size() < kMax;) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xE  ? 3
                      : (c >> 3) == 0x1E ? 4
                                         : 0;
    bool valid = len > 0 && i + len <= text.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) >> 6) == 0x2;
    }
    if (!valid) {
      out += '?';
      ++i;
    } else if (len == 1 && (c < 0x20 || c == 0x7F)) {
      out += ' ';
      ++i;
    } else {
      out.append(text, i, len);
      i += len;
    }
  }
  return text::mask_identifiers_in(out);
}

}  // namespace

// What a partner's answer tells the dossier, kept in the transaction that marks the row delivered:
// the post's tracking number goes on the order and into the dossier's history.
static void record_delivery_facts(store::SqlConnection& db, const std::string& topic,
                                  const std::string& key, const std::string& partner_ref,
                                  const std::string& at_iso) {
  if (topic == "postal.order" && !partner_ref.empty())
    record_postal_tracking(db, key, partner_ref, at_iso);
  // The partner instance's signed receipt names its child dossier (app/exchange).
  if (topic == "exchange" && !partner_ref.empty())
    store::record_link_receipt(db, key, partner_ref, at_iso);
  // The gateway refunded: the refund is settled and the dossier's log says so.
  if (topic == payments::kRefundTopic)
    payments::record_refund_outcome(db, key, true, partner_ref, at_iso);
}

// What a partner's final refusal tells the dossier (a dead row): a refund the gateway refused is
// failed, with its answer, for an official to see and settle by other means.
static void record_refusal_facts(store::SqlConnection& db, const std::string& topic,
                                 const std::string& key, const std::string& error,
                                 const std::string& at_iso) {
  if (topic == payments::kRefundTopic)
    payments::record_refund_outcome(db, key, false, error, at_iso);
}

TopicTally deliver_round(store::Store& store, const std::string& topic, DeliveryAdapter& adapter,
                         const std::function<Instant()>& now, const EngineSettings& settings) {
  TopicTally tally;
  if (!adapter.configured()) return tally;
  std::vector<store::OutboxMessage> claimed;
  store.write([&](store::SqlConnection& db) {
    claimed = store::claim_outbox(db, topic, settings.batch, settings.worker, now().seconds,
                                  settings.lease_s);
  });
  tally.claimed = static_cast<int>(claimed.size());
  PendingWrites writes;
  std::mutex tally_mu;
  for (const auto& row : claimed) {
    DeliveryResult result;
    try {
      result = adapter.deliver(
          OutgoingMessage{row.id, row.topic, row.idempotency_key, row.payload, row.attempts});
    } catch (const std::exception& e) {
      // The port says adapters never throw; one that does must not lose the row.
      result = {DeliveryOutcome::retry, "", std::string("adapter failed: ") + e.what()};
    }
    const auto at = now();
    const auto at_iso = to_iso(at, settings.utc_offset_minutes);
    const double share = settings.jitter ? settings.jitter() : random_share();
    // Recorded at once (group commit), not at the end of the round: a crash mid-round repeats
    // as few deliveries as possible.
    store.submit(
        [&, id = row.id, topic = row.topic, key = row.idempotency_key, result, at, at_iso,
         share](store::SqlConnection& db) {
          if (result.outcome == DeliveryOutcome::delivered) {
            const bool held = store::complete_outbox(db, id, settings.worker, at_iso, at.seconds,
                                                     result.partner_ref);
            if (held) record_delivery_facts(db, topic, key, result.partner_ref, at_iso);
            const std::lock_guard lock(tally_mu);
            ++(held ? tally.delivered : tally.lost);
            return;
          }
          const auto outcome = store::fail_outbox(
              db, id, settings.worker, printable_error(result.error),
              result.outcome == DeliveryOutcome::dead, at.seconds, at_iso, share, settings.policy);
          if (outcome == store::FailOutcome::dead && result.outcome == DeliveryOutcome::dead)
            record_refusal_facts(db, topic, key, printable_error(result.error), at_iso);
          const std::lock_guard lock(tally_mu);
          switch (outcome) {
            case store::FailOutcome::retrying:
              ++tally.retried;
              break;
            case store::FailOutcome::dead:
              ++tally.dead;
              break;
            case store::FailOutcome::lost:
              ++tally.lost;
              break;
          }
        },
        writes.track());
  }
  writes.wait();
  return tally;
}

std::map<std::string, TopicTally> deliver_due(store::Store& store, const Adapters& adapters,
                                              const std::function<Instant()>& now,
                                              const EngineSettings& settings) {
  std::map<std::string, TopicTally> out;
  for (const auto& [topic, adapter] : adapters) {
    auto& total = out[topic];
    if (!adapter || !adapter->configured()) continue;
    for (;;) {
      const auto round = deliver_round(store, topic, *adapter, now, settings);
      total.claimed += round.claimed;
      total.delivered += round.delivered;
      total.retried += round.retried;
      total.dead += round.dead;
      total.lost += round.lost;
      if (round.delivered + round.dead == 0) break;
    }
  }
  return out;
}

std::string make_worker_id() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  std::random_device random;
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" +
         std::to_string(random() % 1000000);
}

}  // namespace motcua::app::delivery
