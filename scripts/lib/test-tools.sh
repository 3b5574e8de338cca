# Sourced by scripts/test and scripts/soak: openssl, gpg, gpgsm (GnuPG's S/MIME engine, behind Kleopatra, KMail and
# GpgOL) and sq (Sequoia, a second OpenPGP implementation) are the reference implementations the interop tests compare
# us with; aiosmtpd is the real SMTP server deliveries go to (Debian's python, not a pyenv one, is the one that sees the
# package). Installed as root when missing.
ensure_test_tools() {
  local missing=()
  command -v openssl >/dev/null || missing+=(openssl)
  command -v gpg >/dev/null || missing+=(gnupg)
  command -v gpgsm >/dev/null || missing+=(gpgsm)
  command -v sq >/dev/null || missing+=(sq)
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  if ((${#missing[@]})) && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
