#include "store/backup.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <vector>

#include "store/event_log.hpp"
#include "store/sqlite/sqlite_backup.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/table_copy.hpp"

namespace motcua::store {

namespace fs = std::filesystem;

namespace {

std::string partial_name(const std::string& to) { return to + ".partial"; }

void prepare_destination(const std::string& to) {
  const fs::path file = to;
  if (file.has_parent_path()) fs::create_directories(file.parent_path());
  fs::remove(partial_name(to));  // left by an interrupted run
}

// Runs a program (no shell: the URL is one argument, never parsed by sh) and returns its exit
// status; its stdout is captured into `out` when given, its stderr goes to ours.
int run_program(const std::vector<std::string>& args, std::string* out) {
  int pipe_fds[2] = {-1, -1};
  if (out != nullptr && ::pipe(pipe_fds) != 0) throw StoreError("cannot create a pipe");
  const pid_t pid = ::fork();
  if (pid < 0) throw StoreError("cannot start " + args.front());
  if (pid == 0) {
    if (out != nullptr) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
    }
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execvp(argv.front(), argv.data());
    ::_exit(127);
  }
  if (out != nullptr) {
    ::close(pipe_fds[1]);
    char buffer[4096];
    ssize_t n;
    while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) {
      out->append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipe_fds[0]);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A password in the URL would sit in the process list of pg_dump and in shell history; libpq reads
// it from PGPASSWORD or ~/.pgpass instead.
bool url_has_password(std::string_view url) {
  const auto scheme_end = url.find("://");
  const auto rest = url.substr(scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  const auto host_start = rest.find('@');
  const auto path_start = rest.find('/');
  if (host_start != std::string_view::npos &&
      (path_start == std::string_view::npos || host_start < path_start) &&
      rest.substr(0, host_start).find(':') != std::string_view::npos) {
    return true;
  }
  return url.find("password=") != std::string_view::npos;
}

}  // namespace

bool is_postgres_url(std::string_view db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

BackupSummary backup_sqlite(const std::string& database, const std::string& to) {
  if (!fs::exists(database)) throw StoreError("no database at " + database);
  prepare_destination(to);
  const std::string partial = partial_name(to);
  sqlite_online_backup(database, partial);

  BackupSummary s;
  s.engine = "sqlite";
  s.file = to;
  bool integrity_ok = false;
  {
    SqliteConnection copy(partial, SqliteConnection::Mode::read_only);
    std::string integrity;
    for (const auto& row : copy.query("PRAGMA integrity_check")) {
      integrity += (integrity.empty() ? "" : "; ") + row.text(0);
    }
    integrity_ok = integrity == "ok";
    if (!integrity_ok) s.problem = "integrity check of the copy: " + integrity;
    s.tables = copy.query_one(
                       "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%'")
                   ->integer(0);
    s.dossiers = count_rows(copy, "dossiers");
    s.events = count_rows(copy, "dossier_events");
    const auto chain = verify_chain(copy);
    s.chain_ok = chain.ok();
    if (!chain.ok() && s.problem.empty()) s.problem = "event chain of the copy: " + chain.problem;
  }
  // A copy that fails the integrity check stays FILE.partial, for inspection; a broken chain is
  // the source's own state faithfully copied, so that copy keeps its name (and the report says so).
  if (integrity_ok) {
    fs::rename(partial, to);
    s.bytes = fs::file_size(to);
  } else {
    s.file = partial;
    s.bytes = fs::file_size(partial);
  }
  return s;
}

BackupSummary backup_postgres(const std::string& url, const std::string& to) {
  if (url_has_password(url)) {
    throw BackupRefused(
        "the database URL holds a password: give it through PGPASSWORD or ~/.pgpass instead");
  }
  prepare_destination(to);
  const std::string partial = partial_name(to);
  // --no-password: fail at once rather than wait for a prompt no one answers (cron, systemd).
  const int status = run_program(
      {"pg_dump", "--format=custom", "--no-password", "--file=" + partial, "--dbname=" + url},
      nullptr);
  if (status != 0) {
    fs::remove(partial);
    throw StoreError(status == 127 ? "pg_dump not found (Debian package postgresql-client-15)"
                                   : "pg_dump failed with exit status " + std::to_string(status));
  }
  // The archive's table of contents proves it is readable, and says how many tables it holds.
  std::string contents;
  if (run_program({"pg_restore", "--list", partial}, &contents) != 0) {
    throw StoreError("pg_restore cannot read the archive " + partial);
  }
  BackupSummary s;
  s.engine = "postgres";
  s.file = to;
  std::istringstream lines(contents);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with(";") && line.find(" TABLE ") != std::string::npos &&
        line.find(" TABLE DATA ") == std::string::npos) {
      ++s.tables;
    }
  }
  fs::rename(partial, to);
  s.bytes = fs::file_size(to);
  return s;
}

}  // namespace motcua::store
