#!/usr/bin/env bash
# Installs the system packages, builds, starts, tests and publishes the Lab Dashboard on Debian or Ubuntu.
# Run `deploy/dashboard.sh --help` for the commands.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly SOLUTION="$REPO_ROOT/Dashboard.sln"
readonly WEB_PROJECT="$REPO_ROOT/src/Dashboard.Web/Dashboard.Web.csproj"
readonly BUILD_APPHOST="$REPO_ROOT/src/Dashboard.Web/bin/Release/net10.0/linux-x64/Dashboard.Web"
readonly DEFAULT_PUBLISH_DIR="$REPO_ROOT/artifacts/publish"
# Publish builds keep their bin/ and obj/ here, apart from the source tree, because a self-contained
# restore rewrites obj/project.assets.json and would force the next ordinary build to restore again.
readonly PUBLISH_BUILD_DIR="$REPO_ROOT/artifacts/publish-build"
readonly TEST_RESULTS_DIR="$REPO_ROOT/artifacts/test-results"
readonly DEFAULT_URL="http://127.0.0.1:5080"

# libLibTorchSharp.so of TorchSharp 0.107.0 requires this libstdc++ version for one symbol it never
# calls. Debian 12 and Ubuntu 22.04 lack it, so the build marks the requirement weak (Directory.Build.targets).
readonly WEAK_GLIBCXX_VERSION="GLIBCXX_3.4.32"

readonly RUNTIME_PACKAGES=(dataset-fashion-mnist binutils)
readonly TEST_PACKAGES=(chromium)

log() {
    printf '==> %s\n' "$*" >&2
}

fail() {
    printf 'dashboard.sh: error: %s\n' "$*" >&2
    exit 1
}

usage() {
    cat <<EOF
Usage: deploy/dashboard.sh COMMAND [ARGS...]

Commands:
  install [--with-tests]  Install the missing Debian/Ubuntu packages with apt-get: dataset-fashion-mnist
                          (the training data) and binutils (readelf, used by publish); with --with-tests
                          also chromium (browser tests). Uses sudo when not run as root.
  start [APP ARGS...]     Install, build Release, and run the dashboard in the foreground on
                          $DEFAULT_URL. The database and artifacts go to data/ of the repository.
                          APP ARGS go to the application, for example --urls http://127.0.0.1:5081
                          or --Storage:DatabasePath=/srv/lab/dashboard.db.
  test [TEST ARGS...]     Install (with chromium), restore in locked mode, publish once into
                          artifacts/publish (exported as DASHBOARD_PUBLISH_DIR), and run every test
                          project of Dashboard.sln, one project at a time. TEST ARGS go to dotnet test,
                          for example --filter FullyQualifiedName~Browser. Result files (.trx) go to
                          artifacts/test-results, screenshots to artifacts/test-screenshots.
  add-user NAME ROLE [--password-stdin] [APP ARGS...]
                          Build Release and add a user who signs in to the dashboard; ROLE is viewer,
                          researcher or admin. The password is prompted for, or read from the first line
                          of standard input with --password-stdin. Run it while the dashboard is stopped;
                          pass the same --Storage:DatabasePath as to start when you changed it.
  list-users [APP ARGS...]
                          List the users and their roles.
  publish [DIR]           Publish a self-contained linux-x64 Release build into DIR
                          (default artifacts/publish) and check that it is complete.
  help, --help, -h        Show this help.

The .NET 10 SDK must be on PATH; the script says how to get it when it is missing.
EOF
}

# --- Packages --------------------------------------------------------------------------------------

is_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# Installs the given Debian packages that are not installed yet.
install_packages() {
    local missing=()
    local package
    for package in "$@"; do
        if ! is_installed "$package"; then
            missing+=("$package")
        fi
    done

    if [[ ${#missing[@]} -eq 0 ]]; then
        log "System packages present: $*"
        return
    fi

    command -v apt-get >/dev/null 2>&1 \
        || fail "apt-get not found; install these packages with your system's package manager: ${missing[*]}"

    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 \
            || fail "installing ${missing[*]} needs root; run as root or install sudo"
        sudo=(sudo)
    fi

    log "Installing ${missing[*]} with apt-get"
    "${sudo[@]}" apt-get update \
        || fail "apt-get update failed; check the package sources in /etc/apt/sources.list*"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
        || fail "apt-get install ${missing[*]} failed; see the apt output above"
}

readonly DOTNET_INSTALL_HELP="Install the .NET 10 SDK, then run this command again:
    curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
    bash /tmp/dotnet-install.sh --channel 10.0
    export PATH=\"\$HOME/.dotnet:\$PATH\"
(or install your distribution's dotnet-sdk-10.0 package where it has one)."

require_dotnet() {
    command -v dotnet >/dev/null 2>&1 || fail "dotnet not found on PATH. $DOTNET_INSTALL_HELP"

    local sdks
    sdks="$(dotnet --list-sdks)"
    if ! grep -q '^10\.' <<<"$sdks"; then
        fail "no .NET 10 SDK found; dotnet --list-sdks lists: ${sdks//$'\n'/, }. $DOTNET_INSTALL_HELP"
    fi
}

command_install() {
    local packages=("${RUNTIME_PACKAGES[@]}")
    case "${1:-}" in
        "") ;;
        --with-tests) packages+=("${TEST_PACKAGES[@]}") ;;
        *) fail "install: unknown option '$1'; the only option is --with-tests" ;;
    esac

    install_packages "${packages[@]}"
    require_dotnet
}

# --- Start -----------------------------------------------------------------------------------------

# Prints the URL that the application will listen on: the value of --urls in the arguments, else the default.
listen_url() {
    # The command line wins over the environment (Urls, then ASPNETCORE_URLS), as in ASP.NET Core's configuration.
    local url="${Urls:-${ASPNETCORE_URLS:-$DEFAULT_URL}}"
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --urls=*) url="${1#--urls=}" ;;
            --urls) url="${2:-$url}"; shift ;;
        esac
        shift
    done
    printf '%s\n' "$url"
}

command_start() {
    command_install
    cd "$REPO_ROOT"

    log "Building $WEB_PROJECT (Release)"
    dotnet build "$WEB_PROJECT" -c Release --nologo -v quiet \
        || fail "the Release build failed; see the compiler output above"
    [[ -x "$BUILD_APPHOST" ]] || fail "the build did not produce $BUILD_APPHOST"

    log "Starting the dashboard at $(listen_url "$@") (stop it with Ctrl+C)"
    log "Database and artifacts: settings Storage:DatabasePath and Storage:ArtifactsPath (default data/ in $REPO_ROOT)"
    # exec: the shell's PID becomes the server's, so signals and service managers reach it directly.
    exec "$BUILD_APPHOST" "$@"
}

# --- Users -----------------------------------------------------------------------------------------

build_release() {
    log "Building $WEB_PROJECT (Release)"
    dotnet build "$WEB_PROJECT" -c Release --nologo -v quiet \
        || fail "the Release build failed; see the compiler output above"
    [[ -x "$BUILD_APPHOST" ]] || fail "the build did not produce $BUILD_APPHOST"
}

command_add_user() {
    [[ $# -ge 2 ]] || fail "add-user needs a name and a role, for example: deploy/dashboard.sh add-user alice admin"
    local name="$1"
    local role="$2"
    shift 2

    require_dotnet
    cd "$REPO_ROOT"
    build_release
    "$BUILD_APPHOST" users add --name "$name" --role "$role" "$@"
}

command_list_users() {
    require_dotnet
    cd "$REPO_ROOT"
    build_release
    "$BUILD_APPHOST" users list "$@"
}

# --- Publish ---------------------------------------------------------------------------------------

# Prints the path of the system libstdc++, or nothing when none is found.
system_libstdcxx() {
    local candidate
    for candidate in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6; do
        if [[ -e "$candidate" ]]; then
            printf '%s\n' "$candidate"
            return
        fi
    done
}

# Fails unless the GLIBCXX requirement in libLibTorchSharp.so is weak, or the system library provides it.
verify_glibcxx_requirement() {
    local library="$1"
    local system_library
    system_library="$(system_libstdcxx)"

    if [[ -n "$system_library" ]] && grep -aq "$WEAK_GLIBCXX_VERSION" "$system_library"; then
        log "$system_library provides $WEAK_GLIBCXX_VERSION; no weak requirement needed"
        return
    fi

    command -v readelf >/dev/null 2>&1 || fail "readelf not found; run 'deploy/dashboard.sh install' (it installs binutils)"

    # readelf -V lists each version requirement as "Name: GLIBCXX_3.4.32  Flags: WEAK  Version: N".
    local requirement
    requirement="$(readelf -V --wide "$library" | grep "Name: $WEAK_GLIBCXX_VERSION" || true)"
    if [[ -z "$requirement" ]]; then
        log "$library does not require $WEAK_GLIBCXX_VERSION"
    elif [[ "$requirement" == *"Flags: WEAK"* ]]; then
        log "$WEAK_GLIBCXX_VERSION is weak in $library"
    else
        fail "$library requires $WEAK_GLIBCXX_VERSION, which ${system_library:-the system libstdc++} lacks, and the requirement is not weak, so TorchSharp cannot load. The WeakenLibTorchSharpVersionInPublish target in Directory.Build.targets should have marked it weak; check the publish output for its messages."
    fi
}

verify_publish_dir() {
    local dir="$1"
    local missing=()
    [[ -x "$dir/Dashboard.Web" ]] || missing+=("Dashboard.Web (executable)")
    [[ -f "$dir/appsettings.json" ]] || missing+=("appsettings.json")
    [[ -d "$dir/wwwroot" ]] || missing+=("wwwroot/")
    [[ -f "$dir/libLibTorchSharp.so" ]] || missing+=("libLibTorchSharp.so")
    if [[ ${#missing[@]} -gt 0 ]]; then
        fail "the publish folder $dir lacks: ${missing[*]}"
    fi

    verify_glibcxx_requirement "$dir/libLibTorchSharp.so"
}

command_publish() {
    [[ $# -le 1 ]] || fail "publish takes at most one argument, the output folder; got: $*"
    local dir="${1:-$DEFAULT_PUBLISH_DIR}"

    install_packages binutils
    require_dotnet
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"

    log "Publishing a self-contained linux-x64 Release build into $dir"
    dotnet publish "$WEB_PROJECT" -c Release -r linux-x64 --self-contained true --nologo \
        -p:ContinuousIntegrationBuild=true \
        --artifacts-path "$PUBLISH_BUILD_DIR" \
        -o "$dir" \
        || fail "dotnet publish failed; see the output above"

    verify_publish_dir "$dir"
    log "Published $(du -sh "$dir" | cut -f1) into $dir"
}

# --- Test ------------------------------------------------------------------------------------------

# Copies the .trx files written since MARKER in each test project's TestResults/ folder to
# $TEST_RESULTS_DIR as PROJECT.trx, named after the project's folder. Each project writes its own folder
# because VSTest names a .trx file after the time to the second, so projects sharing one folder could
# overwrite each other's results.
collect_test_results() {
    local marker="$1"
    local file project
    while IFS= read -r -d '' file; do
        project="$(basename "$(dirname "$(dirname "$file")")")"
        cp "$file" "$TEST_RESULTS_DIR/$project.trx"
    done < <(find "$REPO_ROOT/tests" "$REPO_ROOT/src" -path '*/TestResults/*.trx' -newer "$marker" -print0)
}

# Prints one line per test project and a closing "N passed, N failed, N skipped" line, read from the
# counters of the .trx files in $TEST_RESULTS_DIR. grep -m 1 stops at the first match without a pipe,
# because "grep | head" could fail the script with SIGPIPE under pipefail.
summarize_test_results() {
    local total_passed=0 total_failed=0 total_skipped=0
    local file counters total executed passed failed
    shopt -s nullglob
    for file in "$TEST_RESULTS_DIR"/*.trx; do
        counters="$(grep -m 1 -o '<Counters [^>]*>' "$file" || true)"
        total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
        executed="$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")"
        passed="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
        failed="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
        total="${total:-0}" executed="${executed:-0}" passed="${passed:-0}" failed="${failed:-0}"
        printf '  %-32s %s passed, %s failed, %s not run\n' "$(basename "$file" .trx)" \
            "$passed" "$failed" "$((total - executed))"
        total_passed=$((total_passed + passed))
        total_failed=$((total_failed + failed))
        total_skipped=$((total_skipped + total - executed))
    done
    shopt -u nullglob
    printf '%s passed, %s failed, %s skipped\n' "$total_passed" "$total_failed" "$total_skipped"
}

command_test() {
    command_install --with-tests
    cd "$REPO_ROOT"

    log "Restoring $SOLUTION in locked mode (packages.lock.json must be current)"
    dotnet restore "$SOLUTION" -p:ContinuousIntegrationBuild=true \
        || fail "restore failed; if a lock file is out of date, run 'dotnet restore Dashboard.sln' and commit the packages.lock.json changes"

    command_publish "$DEFAULT_PUBLISH_DIR"
    export DASHBOARD_PUBLISH_DIR="$DEFAULT_PUBLISH_DIR"

    log "Building $SOLUTION (Debug)"
    dotnet build "$SOLUTION" --no-restore --nologo \
        || fail "the build failed; see the compiler output above"

    rm -rf "$TEST_RESULTS_DIR"
    mkdir -p "$TEST_RESULTS_DIR"
    local marker="$TEST_RESULTS_DIR/.started"
    touch "$marker"

    # One test project at a time (-m:1): several projects train with libtorch, and running them side by
    # side on a small machine turns generous timeouts into flaky ones. A test that hangs is stopped
    # after 15 minutes so that the run ends with a report instead of at CI's time limit.
    log "Running the tests of $SOLUTION"
    local status=0
    dotnet test "$SOLUTION" --no-build --nologo -m:1 \
        --logger "console;verbosity=detailed" \
        --logger trx \
        --blame-hang-timeout 15m --blame-hang-dump-type none \
        "$@" || status=$?

    collect_test_results "$marker"
    log "Test results (.trx files in $TEST_RESULTS_DIR):"
    summarize_test_results
    if [[ "$status" -ne 0 ]]; then
        fail "dotnet test failed with exit code $status; the failing tests and their messages are listed above"
    fi
}

# --- Main ------------------------------------------------------------------------------------------

main() {
    local command="${1:-}"
    if [[ $# -gt 0 ]]; then
        shift
    fi

    case "$command" in
        install) command_install "$@" ;;
        start) command_start "$@" ;;
        test) command_test "$@" ;;
        publish) command_publish "$@" ;;
        add-user) command_add_user "$@" ;;
        list-users) command_list_users "$@" ;;
        help | --help | -h) usage ;;
        "") usage >&2; exit 2 ;;
        *) printf 'dashboard.sh: unknown command %s\n\n' "'$command'" >&2; usage >&2; exit 2 ;;
    esac
}

main "$@"
