# Shared shell helpers.

# Run a command as root (directly when we are root, else through sudo).
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Run a command as the postgres system user.
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# Install Debian packages that are missing (one apt-get update at most).
apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "Installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
    fi
}

# Install the Debian packages listed in scripts/apt-packages.txt (Tesseract for OCR, fonts),
# and with "test" or "bench" also those in scripts/apt-packages-test.txt or -bench.txt.
apt_install_project_packages() {
    local dir packages
    dir="$(dirname "${BASH_SOURCE[0]}")"
    local lists=("$dir/apt-packages.txt")
    [ -n "${1:-}" ] && lists+=("$dir/apt-packages-$1.txt")
    packages=$(sed -e 's/#.*//' "${lists[@]}" | tr -s '[:space:]' ' ')
    # shellcheck disable=SC2086 # one word per package
    apt_install $packages
}

# A free TCP port on the loopback interface.
free_port() {
    .venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Wait until something listens on 127.0.0.1:$1 (at most ~20 s).
wait_for_port() {
    for _ in $(seq 1 100); do
        if .venv/bin/python -c "import socket,sys; socket.create_connection(('127.0.0.1', $1), 0.2)" 2>/dev/null; then
            return 0
        fi
        sleep 0.2
    done
    echo "Nothing is listening on 127.0.0.1:$1" >&2
    return 1
}
