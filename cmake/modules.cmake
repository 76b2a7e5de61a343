# The layers, bottom up (docs/architecture.md). Each line is one folder of src/.
motcua_module(calendar src/domain/calendar DEPS tl::expected)
motcua_module(dossier src/domain/dossier DEPS motcua_calendar)
motcua_module(clock src/domain/clock DEPS motcua_calendar)
# JSON at the edges: data files, CLI and HTTP bodies.
motcua_module(codec src/codec DEPS motcua_clock Boost::json)

# The binary: build/motcua.
file(GLOB MOTCUA_CLI_SOURCES CONFIGURE_DEPENDS src/cli/*.cpp)
list(FILTER MOTCUA_CLI_SOURCES EXCLUDE REGEX "_test\\.cpp$")
add_executable(motcua ${MOTCUA_CLI_SOURCES})
target_include_directories(motcua PRIVATE src)
target_link_libraries(motcua PRIVATE motcua_codec CLI11::CLI11)
