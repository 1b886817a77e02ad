# modforge's hand-written Makefile (in the manner of git's): knobs first, then what ./configure
# found (config.mak.autogen), then your overrides (config.mak).
#
#   make          build everything into build/ (in parallel: JOBS, default the number of CPUs)
#   make run      run the whole service on 127.0.0.1:3000 (Ctrl-C stops it)
#   make check    run every test (unit and end-to-end); ends with "N passed, N failed"
#   make schema   regenerate sql/ from odb/ after a schema change
#   make fuzz-run        fuzz request parsing, routing and JSON, FUZZ_SECONDS (300) per target
#   make check-sanitize  unit and end-to-end tests again under AddressSanitizer + UBSan
#   make check-scaleout  several hosts in network namespaces: failover, partitions (root)
#
# Both run and check first install what is missing (scripts/setup.sh, as root); a plain `make`
# never runs apt, and builds with the Debian 12 defaults below unless ./configure (optional: it
# checks every library and says which package is missing) or config.mak says otherwise.

CXX = g++
ODB = odb
PQ_CPPFLAGS = -I/usr/include/postgresql
CXXFLAGS = -O2 -g
# odb/ headers carry `#pragma db` lines that only the odb compiler reads. GCC 12 reports
# -Wuse-after-free inside ODB 2.4's own intrusive reference count (shared_base::_dec_ref, in a
# system header) in every file that inlines it: a known false positive of GCC 12, silenced
# everywhere because almost every file that touches the database inlines it.
WARNINGS = -Wall -Wextra -Wno-unknown-pragmas -Wno-use-after-free
# ODB 2.4's headers use dynamic exception specifications, which C++17 rejects.
CXXSTD = -std=c++14
LDFLAGS =
PORT = 3000
BUILD = build
# Jobs of a build when the command line gives no -j.
JOBS := $(shell nproc 2>/dev/null || echo 2)

-include config.mak.autogen
-include config.mak

ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(JOBS)
endif

# Every flag of the odb compiler, in one place. The whole model is compiled at once so that it
# has one schema version, one changelog (odb/modforge.xml) and one generated source.
ODB_HEADERS = odb/user.hxx odb/session.hxx odb/session_token.hxx odb/job.hxx \
              odb/auth_event.hxx odb/token_principal.hxx odb/session_summary.hxx \
              odb/job_summary.hxx odb/job_key.hxx odb/job_folder.hxx odb/login_throttle.hxx odb/user_summary.hxx odb/row_counts.hxx \
              odb/outbox_message.hxx odb/email_token.hxx odb/outbox_due.hxx \
              odb/user_queue.hxx odb/known_address.hxx odb/counted_rows.hxx odb/job_pick.hxx \
              odb/stored_number.hxx
ODB_COMMON = -d pgsql --std c++11 --at-once --input-name modforge --changelog-dir odb \
             --generate-query --generate-prepared
# The generated C++ reads and writes the enums kept as text through odb/traits.hxx.
ODB_FLAGS = $(ODB_COMMON) --generate-schema --schema-format embedded \
            --hxx-prologue '\#include "traits.hxx"'
ODB_SQL_FLAGS = $(ODB_COMMON) --generate-schema-only --schema-format sql

CPPFLAGS = -I$(BUILD)/odb -Iodb $(PQ_CPPFLAGS) -MMD -MP
ALL_CXXFLAGS = $(CXXSTD) $(CXXFLAGS) $(WARNINGS)
# The ODB runtime is linked statically: Debian 12 does not ship it (scripts/setup.sh takes its
# static libraries from Debian 11), so the programs and the .deb need only Debian 12's packages.
LIBS = -Wl,-Bstatic -lodb-pgsql -lodb -Wl,-Bdynamic -lpq -lfcgi -lcrypt -lcrypto -lpng16 -lzip -lpwquality \
       -lcurl -lpthread

LIB_SOURCES = $(filter-out src/app/%_main.cpp,$(wildcard src/*/*.cpp))
TEST_SOURCES = $(wildcard tests/unit/*.cpp tests/unit/*/*.cpp)
LIB_OBJECTS = $(LIB_SOURCES:%.cpp=$(BUILD)/obj/%.o)
# Linked as an object, not from the archive: its embedded schema registers itself in a static
# initializer that nothing references, and the linker would leave it out.
ODB_OBJECT = $(BUILD)/odb/modforge-odb.o
TEST_OBJECTS = $(TEST_SOURCES:%.cpp=$(BUILD)/obj/%.o)
PROGRAMS = $(BUILD)/bin/modforge-fcgi $(BUILD)/bin/modforge-admin $(BUILD)/bin/modforge-worker
UNIT_TESTS = $(BUILD)/bin/modforge-unit-tests
# Writes generated projects for the mods suite (tests/mods/mod_samples.cpp).
MOD_SAMPLES = $(BUILD)/bin/modforge-mod-samples

.PHONY: all setup check run schema clean print-odb-sql-flags fuzz fuzz-check fuzz-run \
        check-sanitize check-scaleout
all: $(PROGRAMS) $(UNIT_TESTS) $(MOD_SAMPLES)

setup:
	./scripts/setup.sh

# ./configure is optional (the defaults above are Debian 12's); make configure writes it.
configure: configure.ac
	autoconf -o $@+ $< && chmod +x $@+ && mv $@+ $@

ODB_SUPPORT = odb/model.hxx odb/types.hxx odb/traits.hxx odb/stored_enum.hxx odb/job_state.hxx \
              odb/auth_event_kind.hxx odb/mail_state.hxx
$(BUILD)/odb/modforge-odb.cxx: $(ODB_HEADERS) $(ODB_SUPPORT) Makefile
	@mkdir -p $(BUILD)/odb
	$(ODB) $(ODB_FLAGS) -o $(BUILD)/odb $(ODB_HEADERS)
$(BUILD)/odb/modforge-odb.hxx: $(BUILD)/odb/modforge-odb.cxx

# Everything that includes the generated header waits for it.
$(LIB_SOURCES:%.cpp=$(BUILD)/obj/%.o) $(TEST_OBJECTS): $(BUILD)/odb/modforge-odb.hxx

# Generated code: GCC 12 sees ODB's lazy_ptr move-assignment (lazy-ptr-impl.ixx) read members
# of a temporary it cannot prove initialised; the generated object loaders do this for every
# relationship. Silenced for the generated file only; our own code keeps the warning.
$(BUILD)/odb/modforge-odb.o: $(BUILD)/odb/modforge-odb.cxx
	$(CXX) $(ALL_CXXFLAGS) -Wno-maybe-uninitialized $(CPPFLAGS) -c -o $@ $<

$(BUILD)/obj/%.o: %.cpp
	@mkdir -p $(dir $@)
	$(CXX) $(ALL_CXXFLAGS) $(CPPFLAGS) -c -o $@ $<

# The Gradle wrapper jar that every generated mod project carries, assembled from Debian's
# libgradle-core-java (scripts/gradle_wrapper_jar.sh says what goes in) and linked into the
# library as read-only data: the worker needs no file at run time, on any host.
GRADLE_WRAPPER_JAR = $(BUILD)/gradle/gradle-wrapper.jar
GRADLE_WRAPPER_OBJECT = $(BUILD)/gradle/gradle-wrapper-jar.o
$(GRADLE_WRAPPER_JAR): scripts/gradle_wrapper_jar.sh
	@mkdir -p $(dir $@)
	scripts/gradle_wrapper_jar.sh $@+ && mv $@+ $@
# ld names the symbols after the input path, hence the cd: _binary_gradle_wrapper_jar_start/_end.
$(GRADLE_WRAPPER_OBJECT): $(GRADLE_WRAPPER_JAR)
	cd $(dir $@) && ld -r -b binary -z noexecstack -o $(notdir $@)+ $(notdir $<) && \
	  objcopy --rename-section .data=.rodata,alloc,load,readonly,data,contents $(notdir $@)+ && \
	  mv $(notdir $@)+ $(notdir $@)

$(BUILD)/libmodforge.a: $(LIB_OBJECTS) $(GRADLE_WRAPPER_OBJECT)
	rm -f $@+ && ar rcs $@+ $^ && mv $@+ $@

# The programs' main objects are made through a pattern rule; kept, so a second make relinks
# nothing.
.SECONDARY: $(patsubst src/app/%.cpp,$(BUILD)/obj/src/app/%.o,$(wildcard src/app/*_main.cpp))
$(BUILD)/bin/modforge-%: $(BUILD)/obj/src/app/%_main.o $(ODB_OBJECT) $(BUILD)/libmodforge.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@+ $^ $(LIBS) && mv $@+ $@

$(UNIT_TESTS): $(TEST_OBJECTS) $(ODB_OBJECT) $(BUILD)/libmodforge.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@+ $^ $(LIBS) -lcppunit && mv $@+ $@

$(MOD_SAMPLES): $(BUILD)/obj/tests/mods/mod_samples.o $(BUILD)/libmodforge.a
	@mkdir -p $(dir $@)
	$(CXX) $(LDFLAGS) -o $@+ $^ $(LIBS) && mv $@+ $@

# setup first, then the build: with parallel jobs, prerequisites would run side by side.
check: setup
	$(MAKE) all
	./tests/run

run: setup
	$(MAKE) all
	/usr/bin/python3 -m tests.kit.stack run --port $(PORT)

# sql/ holds the schema SQL for DBAs; tests/schema checks that it is what odb generates.
schema: $(ODB_HEADERS)
	$(ODB) $(ODB_SQL_FLAGS) -o sql $(ODB_HEADERS)

# The exact odb invocation behind sql/, for tests/schema/sql_matches_odb.sh.
print-odb-sql-flags:
	@echo $(ODB_SQL_FLAGS) $(ODB_HEADERS)

# The libFuzzer harnesses (tests/fuzz/): libFuzzer comes with clang, so they are built with
# clang++ into $(BUILD)/fuzz/, together with the sources they need compiled again for coverage and
# the sanitizers. Only sources without ODB or FastCGI: a fuzzer runs with no database or server.
FUZZ_CXX = clang++-14
# Seconds per target of make fuzz-run, the long run by hand (tests/fuzz/run.sh alone: 5).
FUZZ_SECONDS = 300
SANITIZERS = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_IGNORELIST = tests/fuzz/ubsan-ignorelist.txt
FUZZ_CXXFLAGS = $(CXXSTD) -O1 -g $(SANITIZERS) -fsanitize-ignorelist=$(FUZZ_IGNORELIST) \
                -Wall -Wextra -Wno-unknown-pragmas -MMD -MP
FUZZ_SOURCES = src/http/json.cpp src/http/query_string.cpp src/http/router.cpp \
               src/http/request.cpp src/http/response.cpp src/http/error_response.cpp \
               src/common/utf8.cpp src/common/domain_error.cpp src/api/error_mapping.cpp \
               src/auth/user_agent.cpp src/common/text_rules.cpp \
               src/common/uuid.cpp src/auth/client_address.cpp src/jobs/download_name.cpp \
               src/generator/decisions.cpp src/generator/abilities.cpp src/generator/materials.cpp \
               src/generator/mod_ids.cpp src/generator/recipes.cpp src/generator/tiers.cpp \
               src/common/mail_address.cpp src/auth/credentials_rules.cpp \
               src/mail/header_encoding.cpp src/mail/mail_message.cpp
FUZZ_OBJECTS = $(FUZZ_SOURCES:%.cpp=$(BUILD)/fuzz/obj/%.o)
FUZZ_PROGRAMS = $(patsubst tests/fuzz/%.cpp,$(BUILD)/fuzz/%,$(wildcard tests/fuzz/*_fuzz.cpp))

fuzz: $(FUZZ_PROGRAMS)

# Made through pattern rules only, so make would delete them as intermediates after each build.
.PRECIOUS: $(BUILD)/fuzz/obj/%.o
$(BUILD)/fuzz/obj/%.o: %.cpp $(FUZZ_IGNORELIST)
	@mkdir -p $(dir $@)
	$(FUZZ_CXX) $(FUZZ_CXXFLAGS) -fsanitize=fuzzer-no-link -I$(BUILD)/fuzz -c -o $@ $<

# The router harness dispatches over the API's real route patterns, taken from the handlers'
# rt.add lines so that a new route is fuzzed without anyone copying it.
$(BUILD)/fuzz/api_routes.inc: $(wildcard src/api/*_handlers.cpp)
	@mkdir -p $(dir $@)
	sed -n 's/.*rt\.add ("\([A-Z]*\)", "\([^"]*\)".*/{"\1", "\2"},/p' $^ > $@+
	test -s $@+ && mv $@+ $@
$(BUILD)/fuzz/obj/tests/fuzz/router_fuzz.o: $(BUILD)/fuzz/api_routes.inc

$(BUILD)/fuzz/%_fuzz: $(BUILD)/fuzz/obj/tests/fuzz/%_fuzz.o $(FUZZ_OBJECTS)
	$(FUZZ_CXX) $(SANITIZERS) -fsanitize=fuzzer -o $@+ $^ -lcrypto && mv $@+ $@

# The short bounded run (a few seconds per target; tests/run includes it) and the long one.
fuzz-check:
	BUILD=$(BUILD) tests/fuzz/run.sh

fuzz-run:
	BUILD=$(BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run.sh

# The unit, e2e and docs suites once more, against everything built with AddressSanitizer and
# UndefinedBehaviorSanitizer (-O1 keeps the stack traces readable) into $(BUILD)/sanitize/;
# tests/run sanitize also fails on any sanitizer report from any process.
SANITIZE_BUILD = $(BUILD)/sanitize
# With the sanitizers' instrumentation GCC 12 warns about code that is not ours: ODB's
# shared_base (its operator new(size, share) is ::operator new, which GCC cannot see) and
# libstdc++'s <regex>. The normal build keeps both warnings for our code.
SANITIZE_WARNINGS = $(WARNINGS) -Wno-mismatched-new-delete -Wno-maybe-uninitialized

# The bool check goes on after a report, so that tests/sanitize/ubsan-suppressions.txt can
# silence the one in ODB's query.hxx (an unrecoverable check stops even when suppressed); any
# other report still halts, through UBSAN_OPTIONS=halt_on_error=1.
SANITIZE_CXXFLAGS = -O1 -g $(SANITIZERS) -fsanitize-recover=bool

# Objects built with other flags are not reused: make does not track flags, so a change of them
# starts the sanitizer build afresh.
check-sanitize: setup
	@mkdir -p $(SANITIZE_BUILD)
	@echo '$(SANITIZE_CXXFLAGS) $(SANITIZE_WARNINGS)' | cmp -s - $(SANITIZE_BUILD)/flags || \
	  { rm -rf $(SANITIZE_BUILD)/* && echo '$(SANITIZE_CXXFLAGS) $(SANITIZE_WARNINGS)' > $(SANITIZE_BUILD)/flags; }
	$(MAKE) BUILD=$(SANITIZE_BUILD) CXXFLAGS="$(SANITIZE_CXXFLAGS)" LDFLAGS="$(SANITIZERS)" \
	        WARNINGS="$(SANITIZE_WARNINGS)" all
	MODFORGE_BIN_DIR=$(SANITIZE_BUILD)/bin ./tests/run sanitize

# tests/scaleout: two app hosts, two worker hosts, a load balancer, PostgreSQL under Patroni
# (with etcd) on two database hosts, each a network namespace of this machine that the suite
# makes and removes; needs root. Not part of check: it takes a few minutes.
check-scaleout: setup
	$(MAKE) all
	/usr/bin/python3 -u -m tests.scaleout.run

clean:
	rm -rf $(BUILD) configure config.mak.autogen config.log config.status autom4te.cache

# make install [DESTDIR=...] [PREFIX=/usr]: the three programs to $(PREFIX)/bin, the nginx site to
# $(SYSCONFDIR)/nginx/sites-available/modforge and every other conf/nginx/*.conf to its snippets/
# (where the site includes them), the example configuration to $(PREFIX)/share/doc/modforge/,
# the web page (web/) to $(PREFIX)/share/modforge/web (the site's $modforge_web_root).
# It never writes /etc/modforge/modforge.conf: the Debian package makes that conffile from the
# example (debian/rules), and an existing one must not be overwritten. `?=`: config.mak, read
# above, may set them.
PREFIX ?= /usr
SYSCONFDIR ?= /etc
INSTALL = install
WEB_FILES = $(shell find web -type f)
NGINX_SNIPPETS = $(filter-out conf/nginx/modforge.conf,$(wildcard conf/nginx/*.conf))

.PHONY: install
install: $(PROGRAMS)
	$(INSTALL) -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SYSCONFDIR)/nginx/sites-available \
	    $(DESTDIR)$(SYSCONFDIR)/nginx/snippets $(DESTDIR)$(PREFIX)/share/doc/modforge/examples
	$(INSTALL) -m 0755 $(PROGRAMS) $(DESTDIR)$(PREFIX)/bin/
	$(INSTALL) -m 0644 conf/nginx/modforge.conf $(DESTDIR)$(SYSCONFDIR)/nginx/sites-available/modforge
	$(INSTALL) -m 0644 $(NGINX_SNIPPETS) $(DESTDIR)$(SYSCONFDIR)/nginx/snippets/
	$(INSTALL) -m 0644 conf/modforge.conf.example $(DESTDIR)$(PREFIX)/share/doc/modforge/examples/
	for f in $(WEB_FILES); do $(INSTALL) -D -m 0644 $$f $(DESTDIR)$(PREFIX)/share/modforge/$$f; done

-include $(shell find $(BUILD)/obj $(BUILD)/odb -name '*.d' 2>/dev/null)
-include $(shell find $(BUILD)/fuzz/obj -name '*.d' 2>/dev/null)
