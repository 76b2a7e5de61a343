// SQLite's own ceiling for durable writes on a given disk: one writer, WAL, synchronous=FULL
// (the settings of MotCua's SQLite store), committing ROWS one-row INSERTs per transaction as fast
// as the disk allows for SECONDS. With --rows 1 (the default) every row is its own fsynced commit:
// the rate any server that acknowledges each change only once it is on disk, with no group commit,
// cannot beat. scripts/bench-side-by-side puts it next to MotCua's state changes per second.
//
//   sqlite_ceiling --db DIR/ceiling.db [--seconds 10] [--rows 1]
//
// Output: one JSON line {"rows_per_commit", "commits", "rows", "seconds", "commits_per_second",
// "rows_per_second", "p50_ms", "p99_ms"} (latency of one commit). The file is deleted first.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

void exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(std::string(sql) + ": " + message);
  }
}

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  double seconds = 10;
  int rows = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--db") {
      path = argv[i + 1];
    } else if (key == "--seconds") {
      seconds = std::stod(argv[i + 1]);
    } else if (key == "--rows") {
      rows = std::max(1, std::stoi(argv[i + 1]));
    } else {
      std::fprintf(stderr, "unknown option %s\n", key.c_str());
      return 2;
    }
  }
  if (path.empty()) {
    std::fprintf(stderr, "usage: sqlite_ceiling --db FILE [--seconds 10] [--rows 1]\n");
    return 2;
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);

  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    return 1;
  }
  try {
    exec(db, "PRAGMA journal_mode=WAL");
    exec(db, "PRAGMA synchronous=FULL");
    // A row the size of a small event (a key, a time, a short JSON payload), so the figure is a
    // ceiling for rows like MotCua's rather than for empty ones.
    exec(db, "CREATE TABLE rows(id INTEGER PRIMARY KEY, at TEXT NOT NULL, payload TEXT NOT NULL)");
    sqlite3_stmt* insert = nullptr;
    if (sqlite3_prepare_v2(db, "INSERT INTO rows(at, payload) VALUES (?1, ?2)", -1, &insert,
                           nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db));
    }
    const std::string at = "2026-12-07T09:00:00+07:00";
    const std::string payload(200, 'x');
    std::vector<double> latencies;
    long commits = 0;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    while (Clock::now() < end) {
      const auto t0 = Clock::now();
      exec(db, "BEGIN");
      for (int r = 0; r < rows; ++r) {
        sqlite3_bind_text(insert, 1, at.data(), static_cast<int>(at.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, payload.data(), static_cast<int>(payload.size()),
                          SQLITE_STATIC);
        if (sqlite3_step(insert) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db));
        sqlite3_reset(insert);
      }
      exec(db, "COMMIT");
      latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      ++commits;
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    sqlite3_finalize(insert);
    std::printf(
        "{\"rows_per_commit\":%d,\"commits\":%ld,\"rows\":%ld,\"seconds\":%.2f,"
        "\"commits_per_second\":%.1f,\"rows_per_second\":%.1f,\"p50_ms\":%.3f,\"p99_ms\":%.3f}\n",
        rows, commits, commits * rows, elapsed, static_cast<double>(commits) / elapsed,
        static_cast<double>(commits * rows) / elapsed, percentile(latencies, 0.5),
        percentile(latencies, 0.99));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sqlite_ceiling: %s\n", e.what());
    sqlite3_close(db);
    return 1;
  }
  sqlite3_close(db);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return 0;
}
