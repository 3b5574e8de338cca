# Sourced: the local token-signing key, vault key, audit chain key and first admin password, made once under .data/
# and kept there (losing the vault key makes the stored private keys unreadable). Environment variables win.
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
  if ! grep -q '^LOCAL_ADMIN_PASSWORD=' "$file"; then
    (umask 077 && echo "LOCAL_ADMIN_PASSWORD=$(openssl rand -hex 16)" >>"$file")
  fi
  # shellcheck disable=SC1090
  . "$file"
  export Auth__SigningKey="${Auth__SigningKey:-$LOCAL_AUTH_SIGNING_KEY}"
  # The service refuses a local signing key outside ASP.NET Core's Development environment unless told it is meant.
  export Auth__AllowLocalSigningKey="${Auth__AllowLocalSigningKey:-true}"
  export Vault__Key="${Vault__Key:-$LOCAL_VAULT_KEY}"
  export Audit__ChainKey="${Audit__ChainKey:-$LOCAL_AUDIT_CHAIN_KEY}"
  # Used only while the database holds no account at all: the service then creates the account admin with it.
  export Accounts__BootstrapAdminPassword="${Accounts__BootstrapAdminPassword:-$LOCAL_ADMIN_PASSWORD}"
}
