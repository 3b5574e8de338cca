# Sourced: the local token-signing key, vault key and audit chain key, made once under .data/ and kept there
# (losing the vault key makes the stored private keys unreadable). Environment variables win.
load_local_secrets() {
  local file="$PROJECT_ROOT/.data/local-secrets.env"
  if [ ! -f "$file" ]; then
    mkdir -p "$PROJECT_ROOT/.data"
    (umask 077 && {
      echo "LOCAL_AUTH_SIGNING_KEY=$(openssl rand -hex 32)"
      echo "LOCAL_VAULT_KEY=$(openssl rand -base64 32)"
    } >"$file")
  fi
  # A key added after the file was first made is appended, never regenerated over the old ones.
  if ! grep -q '^LOCAL_AUDIT_CHAIN_KEY=' "$file"; then
    (umask 077 && echo "LOCAL_AUDIT_CHAIN_KEY=$(openssl rand -base64 32)" >>"$file")
  fi
  # shellcheck disable=SC1090
  . "$file"
  export Auth__SigningKey="${Auth__SigningKey:-$LOCAL_AUTH_SIGNING_KEY}"
  # The service refuses a local signing key outside ASP.NET Core's Development environment unless told it is meant.
  export Auth__AllowLocalSigningKey="${Auth__AllowLocalSigningKey:-true}"
  export Vault__Key="${Vault__Key:-$LOCAL_VAULT_KEY}"
  export Audit__ChainKey="${Audit__ChainKey:-$LOCAL_AUDIT_CHAIN_KEY}"
}
