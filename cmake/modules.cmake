# The layers, bottom up (docs/architecture.md). Each line is one folder of src/.
motcua_module(calendar src/domain/calendar DEPS tl::expected)
motcua_module(dossier src/domain/dossier DEPS motcua_calendar)
motcua_module(clock src/domain/clock DEPS motcua_calendar)
motcua_module(text src/domain/text)
motcua_module(catalog src/domain/catalog DEPS motcua_text motcua_clock)
motcua_module(agency src/domain/agency DEPS motcua_calendar)
motcua_module(process src/domain/process DEPS motcua_clock motcua_dossier)
motcua_module(queue src/domain/queue)
motcua_module(index766 src/domain/index766 DEPS motcua_calendar)
motcua_module(evaluation src/domain/evaluation)
# Feedback on regulations: its deadlines and the generic-answer detector (issue 16 point 5).
motcua_module(engagement src/domain/engagement DEPS motcua_clock motcua_text)
# JSON and CSV at the edges: data files, catalog imports, CLI and HTTP bodies.
motcua_module(codec src/codec DEPS motcua_clock motcua_dossier motcua_catalog motcua_agency
              motcua_process motcua_evaluation motcua_engagement Boost::json ZLIB::ZLIB)
# Storage: the SQL interface, the SQLite and PostgreSQL engines and the repositories; migrations
# embedded.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
motcua_module(store src/store DEPS motcua_calendar SQLite::SQLite3 PkgConfig::LIBPQ OpenSSL::Crypto
              Threads::Threads PkgConfig::SODIUM ZLIB::ZLIB)
include(cmake/embed_migrations.cmake)
motcua_embed_migrations(motcua_store ${PROJECT_SOURCE_DIR}/src/store/migrations
                        ${PROJECT_BINARY_DIR}/generated/migration_sources.cpp)
# The preset dictionary sealed application forms are packed with (store/document_packing.hpp).
include(cmake/embed_text.cmake)
motcua_embed_text(motcua_store ${PROJECT_SOURCE_DIR}/src/store/dossier_document_dictionary_1.txt
                  dossier_document_dictionary_1
                  ${PROJECT_BINARY_DIR}/generated/dossier_document_dictionary_1.cpp)
# The preset dictionary event payloads are packed with (store/event_payload_packing.hpp).
motcua_embed_text(motcua_store ${PROJECT_SOURCE_DIR}/src/store/event_payload_dictionary_2.txt
                  event_payload_dictionary_2
                  ${PROJECT_BINARY_DIR}/generated/event_payload_dictionary_2.cpp)
if(MOTCUA_BUILD_TESTS)
  # The same store tests once more with a throwaway PostgreSQL server: each test then also runs on a
  # fresh database of it (store/test_database.hpp).
  add_test(NAME store_tests_postgres
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/test-postgres run $<TARGET_FILE:store_tests>
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
# HTTP edge: Boost.Beast server with C++20 coroutines, router, middleware, static files; TLS
# (optional, for installs without a reverse proxy) on OpenSSL through Asio; the text module masks
# ID and phone numbers in the access log.
motcua_module(http src/http DEPS motcua_text Boost::headers Boost::json Boost::url Threads::Threads
              ZLIB::ZLIB spdlog::spdlog OpenSSL::SSL OpenSSL::Crypto)

# Use cases: authorization, the dossier lifecycle, queries.
motcua_module(app src/app DEPS motcua_store motcua_codec motcua_dossier motcua_clock motcua_text
              motcua_queue motcua_index766 motcua_evaluation motcua_engagement
              PkgConfig::SODIUM)
if(MOTCUA_BUILD_TESTS)
  # The use-case tests once more with a throwaway PostgreSQL server: those whose stores come from
  # the test support (paper_process_test_support.hpp, StoreTest) then run on a database of their
  # own there.
  add_test(NAME app_tests_postgres
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/test-postgres run $<TARGET_FILE:app_tests>
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
# Adapters to the outside world (SMTP, National Portal, post, SMS, Zalo, webhooks, other MotCua
# instances), each behind app/delivery/delivery_port.hpp; outgoing HTTP and SMTP on libcurl.
motcua_module(integrations src/integrations DEPS motcua_app CURL::libcurl Boost::json
              OpenSSL::Crypto PkgConfig::SODIUM)
# The demo province (motcua demo, benchmarks): built through the same use cases as real work.
motcua_module(demo src/demo DEPS motcua_app)
# QR codes (receipt slips) drawn as SVG; the encoding is Debian's libqrencode.
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
motcua_module(qr src/qr DEPS motcua_text PkgConfig::QRENCODE)
# Documents as PDF (forms 01-07 of Circular 03/2025, the result): pango + cairo draw real,
# shaped text with fonts fontconfig finds among Debian's packages.
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
# The periodic report as an Excel workbook: Debian's libxlsxwriter.
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
motcua_module(documents src/documents DEPS motcua_app motcua_qr PkgConfig::PANGOCAIRO
              PkgConfig::XLSXWRITER OpenSSL::Crypto)
# The API: /api/v1 handlers over the use cases; the OpenAPI document embedded.
motcua_module(api src/api DEPS motcua_app motcua_http motcua_qr motcua_documents)
if(TARGET motcua_api)
  include(cmake/embed_text.cmake)
  motcua_embed_text(motcua_api ${PROJECT_SOURCE_DIR}/docs/api/openapi.json openapi_document
                    ${PROJECT_BINARY_DIR}/generated/openapi_document.cpp)
endif()

# The binary: build/motcua.
file(GLOB MOTCUA_CLI_SOURCES CONFIGURE_DEPENDS src/cli/*.cpp)
list(FILTER MOTCUA_CLI_SOURCES EXCLUDE REGEX "_test\\.cpp$")
add_executable(motcua ${MOTCUA_CLI_SOURCES})
target_include_directories(motcua PRIVATE src)
target_link_libraries(motcua PRIVATE motcua_api motcua_integrations motcua_demo motcua_app motcua_codec
                      CLI11::CLI11)

if(MOTCUA_BUILD_TESTS)
  # Rule cases (tests/cases/) replayed by one driver against the real calendar data.
  add_executable(cases_tests tests/cases_test.cpp)
  target_link_libraries(cases_tests PRIVATE motcua_codec motcua_dossier GTest::gtest_main)
  target_compile_definitions(cases_tests PRIVATE MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(cases_tests DISCOVERY_TIMEOUT 120)
endif()

if(MOTCUA_BUILD_TESTS)
  # The binary, run as a user runs it, from the repository root.
  add_executable(cli_tests tests/cli_test.cpp)
  # The store for its data keys only: the rotate-key test puts values back into the format written
# before values were bound to their row, with the database's own key.
  target_link_libraries(cli_tests PRIVATE Boost::json GTest::gtest_main motcua_store)
  target_compile_definitions(cli_tests PRIVATE MOTCUA_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_dependencies(cli_tests motcua)
  gtest_discover_tests(cli_tests DISCOVERY_TIMEOUT 120 WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  # Once more with a throwaway PostgreSQL server: the backup and migrate-db cases into PostgreSQL
  # run then (they skip without one).
  add_test(NAME cli_tests_postgres
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/test-postgres run $<TARGET_FILE:cli_tests>
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()

if(MOTCUA_BUILD_BENCH)
  find_package(benchmark REQUIRED)
  add_executable(deadline_bench bench/deadline_bench.cpp)
  target_link_libraries(deadline_bench PRIVATE motcua_codec benchmark::benchmark)
  target_compile_definitions(deadline_bench PRIVATE MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_target_properties(deadline_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
  add_executable(store_bench bench/store_bench.cpp)
  target_link_libraries(store_bench PRIVATE motcua_store benchmark::benchmark)
  set_target_properties(store_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
  # The statistics read model over demo provinces of 1,000 to 50,000 dossiers.
  add_executable(statistics_bench bench/statistics_bench.cpp)
  target_include_directories(statistics_bench PRIVATE src)
  target_link_libraries(statistics_bench PRIVATE motcua_demo motcua_app motcua_codec
                        benchmark::benchmark)
  target_compile_definitions(statistics_bench PRIVATE MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_target_properties(statistics_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                    ${PROJECT_BINARY_DIR}/bench)
  # Time to compute the Decision 766 index for 100,000 dossiers, docs/performance.md.
  add_executable(index766_bench bench/index766_bench.cpp)
  target_include_directories(index766_bench PRIVATE src)
  target_link_libraries(index766_bench PRIVATE motcua_demo motcua_app motcua_codec
                        benchmark::benchmark)
  target_compile_definitions(index766_bench PRIVATE MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set_target_properties(index766_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                  ${PROJECT_BINARY_DIR}/bench)
  # Time to render each paper as PDF (src/documents), docs/performance.md.
  add_executable(documents_bench bench/documents_bench.cpp)
  target_include_directories(documents_bench PRIVATE src)
  target_link_libraries(documents_bench PRIVATE motcua_documents benchmark::benchmark)
  set_target_properties(documents_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                   ${PROJECT_BINARY_DIR}/bench)
  # Time to sign a paper (PAdES, src/documents/signing), docs/performance.md.
  add_executable(signing_bench bench/signing_bench.cpp)
  target_include_directories(signing_bench PRIVATE src)
  target_link_libraries(signing_bench PRIVATE motcua_documents benchmark::benchmark)
  set_target_properties(signing_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                 ${PROJECT_BINARY_DIR}/bench)
  # Cost of sealing, opening and hashing personal data (store/data_keys.hpp), docs/performance.md.
  add_executable(data_keys_bench bench/data_keys_bench.cpp)
  target_include_directories(data_keys_bench PRIVATE src)
  target_link_libraries(data_keys_bench PRIVATE motcua_store benchmark::benchmark)
  set_target_properties(data_keys_bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                   ${PROJECT_BINARY_DIR}/bench)
  # The dossier workload over REST against a running server (scripts/bench-rest-workload).
  add_executable(rest_workload bench/rest_workload.cpp)
  target_link_libraries(rest_workload PRIVATE Boost::json Threads::Threads)
  set_target_properties(rest_workload PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                 ${PROJECT_BINARY_DIR}/bench)
  # SQLite's own one-row synchronous=FULL commit rate on a disk (scripts/bench-side-by-side).
  add_executable(sqlite_ceiling bench/sqlite_ceiling.cpp)
  target_link_libraries(sqlite_ceiling PRIVATE SQLite::SQLite3)
  set_target_properties(sqlite_ceiling PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                  ${PROJECT_BINARY_DIR}/bench)
endif()


# The load generator of issue 17 (bench/load): a benchmark, and the client of the durability test
# under load (tests/durability/durability_load_test.cpp), so built with either.
if(MOTCUA_BUILD_BENCH OR MOTCUA_BUILD_TESTS)
  file(GLOB MOTCUA_LOAD_SOURCES CONFIGURE_DEPENDS bench/load/*.cpp)
  add_executable(motcua_load ${MOTCUA_LOAD_SOURCES})
  target_link_libraries(motcua_load PRIVATE Boost::json Threads::Threads)
  set_target_properties(motcua_load PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bench)
  # Years of realistic history through the real use cases (bench/dataset, issue 17), and its
  # quick check on 200 dossiers (tests/dataset).
  add_executable(motcua_dataset bench/dataset/main.cpp bench/dataset/life.cpp
                                bench/dataset/shares.cpp bench/dataset/delivery.cpp)
  target_include_directories(motcua_dataset PRIVATE src bench/dataset)
  target_link_libraries(motcua_dataset PRIVATE motcua_app motcua_codec)
  set_target_properties(motcua_dataset PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                  ${PROJECT_BINARY_DIR}/bench)
endif()
if(MOTCUA_BUILD_TESTS AND TARGET motcua_api)
  add_executable(dataset_tests tests/dataset/dataset_test.cpp)
  target_include_directories(dataset_tests PRIVATE src tests)
  target_link_libraries(dataset_tests PRIVATE motcua_store Boost::json GTest::gtest_main)
  target_compile_definitions(dataset_tests PRIVATE MOTCUA_BINARY_DIR="${PROJECT_BINARY_DIR}"
                             MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_dependencies(dataset_tests motcua motcua_dataset)
  add_test(NAME dataset_generator COMMAND dataset_tests WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(dataset_generator PROPERTIES TIMEOUT 600 COST 60)
endif()


if(MOTCUA_BUILD_TESTS AND TARGET motcua_api)
  # The real binary over HTTP on loopback, with fresh databases.
  file(GLOB MOTCUA_INTEGRATION_TESTS CONFIGURE_DEPENDS tests/integration/*_test.cpp)
  add_executable(integration_tests ${MOTCUA_INTEGRATION_TESTS})
  target_include_directories(integration_tests PRIVATE src tests/integration)
  target_link_libraries(integration_tests PRIVATE motcua_api motcua_app motcua_integrations
                        GTest::gtest_main)
  target_compile_definitions(integration_tests PRIVATE MOTCUA_BINARY_DIR="${PROJECT_BINARY_DIR}"
                             MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_dependencies(integration_tests motcua)
  gtest_discover_tests(integration_tests DISCOVERY_TIMEOUT 120 WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                       PROPERTIES TIMEOUT 300)
  # The same black-box tests, crash test included, with a throwaway PostgreSQL server: every test's
  # server then runs on a database of its own there (fixture.hpp, IntegrationDatabase).
  # In three shards (gtest's own sharding), each with its server: one run of six minutes would
  # otherwise be the suite's long pole. COST makes ctest start the long entries first even on a
  # fresh clone, where it has no timings of its own yet. Not under the sanitizers: there the three
  # shards took nineteen CPU minutes (a third of the sanitized run) for code that build already
  # checks, the HTTP layer on SQLite (integration_tests) and the PostgreSQL store beneath it
  # (store_tests_postgres, app_tests_postgres, cli_tests_postgres, durability_load_postgres).
  if(NOT MOTCUA_SANITIZE)
    foreach(shard RANGE 2)
      math(EXPR shard_number "${shard} + 1")
      add_test(NAME integration_tests_postgres_${shard_number}of3
               COMMAND ${PROJECT_SOURCE_DIR}/scripts/test-postgres run $<TARGET_FILE:integration_tests>
               WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
      set_tests_properties(integration_tests_postgres_${shard_number}of3 PROPERTIES
                           TIMEOUT 900 COST 400
                           ENVIRONMENT "GTEST_TOTAL_SHARDS=3;GTEST_SHARD_INDEX=${shard}")
    endforeach()
  endif()
endif()

if(MOTCUA_BUILD_TESTS AND TARGET motcua_api)
  # Durability under load (issue 17 point 4): the load generator against a server SIGKILLed 22
  # times, then the event log checked against the generator's journal of acknowledged changes.
  # Its own binary (the integration tests' helpers, not their list): about a minute, untimed.
  add_executable(durability_tests tests/durability/durability_load_test.cpp)
  target_include_directories(durability_tests PRIVATE src tests/integration)
  target_link_libraries(durability_tests PRIVATE motcua_app GTest::gtest_main)
  target_compile_definitions(durability_tests PRIVATE MOTCUA_BINARY_DIR="${PROJECT_BINARY_DIR}"
                             MOTCUA_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_dependencies(durability_tests motcua motcua_load)
  add_test(NAME durability_load COMMAND durability_tests WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(durability_load PROPERTIES TIMEOUT 300)
  # The same with every server on a throwaway PostgreSQL database (fixture.hpp).
  add_test(NAME durability_load_postgres
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/test-postgres run $<TARGET_FILE:durability_tests>
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(durability_load_postgres PROPERTIES TIMEOUT 300)
endif()

if(MOTCUA_BUILD_TESTS AND TARGET motcua_api)
  # The authorization matrix (issue 18 point 3, tests/authz/): every OpenAPI operation x role x
  # object ownership against tests/authz/matrix.tsv, on one demo-province server (~20 s).
  add_test(NAME authz_matrix
           COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/authz/authz_matrix.py
                   --binary $<TARGET_FILE:motcua> check
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(authz_matrix PROPERTIES TIMEOUT 300)
endif()

if(MOTCUA_BUILD_TESTS)
  # Every SQL statement lives in src/store: a check over the sources, and a check of the check.
  add_test(NAME sql_location COMMAND ${PROJECT_SOURCE_DIR}/scripts/check-sql-location
                                     ${PROJECT_SOURCE_DIR})
  add_test(NAME sql_location_self_test
           COMMAND ${PROJECT_SOURCE_DIR}/scripts/check-sql-location --self-test)
endif()

if(MOTCUA_BUILD_TESTS AND NOT MOTCUA_SANITIZE)
  # A few seconds of every fuzz target (fuzz/, docs/security.md "Fuzzing"), each saved crashing
  # input replayed first. The targets build with clang into build-fuzz/ (scripts/fuzz), a tree of
  # their own: their sanitizers are built in, so the ASan build does not run them a second time.
  add_test(NAME fuzz_smoke COMMAND ${PROJECT_SOURCE_DIR}/scripts/fuzz smoke
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(fuzz_smoke PROPERTIES TIMEOUT 1800 COST 1000)
endif()

if(MOTCUA_BUILD_TESTS AND NOT MOTCUA_SANITIZE)
  # Several servers and high availability (tests/ha/README.md): three servers on a Patroni cluster
  # behind haproxy with one SIGKILLed, the primary SIGKILLed under load, and the same load on one
  # SQLite server. System tests of the release binary: the sanitizer build runs the rest.
  add_test(NAME ha_tests COMMAND ${PROJECT_SOURCE_DIR}/tests/ha/run-all
           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(ha_tests PROPERTIES
    ENVIRONMENT "MOTCUA_HA_PG=1;MOTCUA_BIN=${PROJECT_BINARY_DIR}/motcua"
    TIMEOUT 1200 RUN_SERIAL TRUE)
endif()
