# The layers, bottom up (docs/architecture.md). Each line is one folder of src/.
motcua_module(calendar src/domain/calendar DEPS tl::expected)
motcua_module(dossier src/domain/dossier DEPS motcua_calendar)
motcua_module(clock src/domain/clock DEPS motcua_calendar)
