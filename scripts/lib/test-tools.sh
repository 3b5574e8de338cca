# Sourced by scripts/test and scripts/soak: openssl, gpg, gpgsm (GnuPG's S/MIME engine, behind Kleopatra, KMail and
# GpgOL) and sq (Sequoia, a second OpenPGP implementation) are the reference implementations the interop tests compare
# us with; aiosmtpd is the real SMTP server deliveries go to (Debian's python, not a pyenv one, is the one that sees the
# package); Debian's chromium is the browser the web app's end-to-end tests drive (Playwright's own browser download
# cannot reach its servers). Installed as root when missing.
ensure_test_tools() {
  local missing=()
  command -v openssl >/dev/null || missing+=(openssl)
  command -v gpg >/dev/null || missing+=(gnupg)
  command -v gpgsm >/dev/null || missing+=(gpgsm)
  command -v sq >/dev/null || missing+=(sq)
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if ((${#missing[@]})) && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The web app's tools (Vite 8, Vitest, Playwright) need Node.js 20.19 or newer; Debian's own nodejs is older, so a
# missing or old Node is reported, not installed.
ensure_node_for_web() {
  local version
  version=$(node --version 2>/dev/null | sed 's/^v//')
  if [ -z "$version" ] || ! command -v npm >/dev/null 2>&1; then
    echo "Node.js 20.19+ with npm is needed for the web app's tests (src/Web); none was found." >&2
    return 1
  fi
  if [ "$(printf '%s\n' 20.19.0 "$version" | sort -V | head -n 1)" != 20.19.0 ]; then
    echo "Node.js $version is too old for the web app's tests: 20.19 or newer is needed." >&2
    return 1
  fi
}
