# Sourced: builds the web app (src/Web) when its output is missing or older than what it is built from: its sources,
# its locked packages, and the service's OpenAPI document, from which the typed API client is generated.
# Needs the API built in Release first (the document comes from its `openapi` command, which needs no database).
web_dir() { echo "$PROJECT_ROOT/src/Web"; }

ensure_node() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Node.js 20.19+ with npm is needed to build the web app (src/Web)." >&2
    return 1
  fi
}

# The OpenAPI document, rewritten only when it changed, so an unchanged API does not force a rebuild of the app.
export_openapi() {
  local web; web=$(web_dir)
  local dll="$PROJECT_ROOT/src/Api/bin/Release/net10.0/SecureMail.Api.dll"
  local fresh="$web/.openapi/v1.new.json"
  mkdir -p "$web/.openapi"
  # The command builds the host without starting it: placeholder keys satisfy its configuration checks.
  Auth__SigningKey=$(openssl rand -hex 32) Vault__Key=$(openssl rand -base64 32) Audit__ChainKey=$(openssl rand -base64 32) \
    Auth__AllowLocalSigningKey=true dotnet "$dll" openapi -o "$fresh" >/dev/null
  if cmp -s "$fresh" "$web/.openapi/v1.json"; then rm "$fresh"; else mv "$fresh" "$web/.openapi/v1.json"; fi
}

web_is_stale() {
  local web; web=$(web_dir)
  local built="$web/dist/index.html"
  [ -f "$built" ] || return 0
  [ -n "$(find "$web/src" "$web/index.html" "$web/public" "$web/package-lock.json" "$web/vite.config.ts" \
    "$web/tsconfig.json" "$web/.openapi/v1.json" -newer "$built" -print -quit 2>/dev/null)" ]
}

build_web() {
  local web; web=$(web_dir)
  ensure_node || return 1
  export_openapi || return 1
  if [ ! -d "$web/node_modules" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
  if web_is_stale; then
    echo "Building the web app (src/Web)..." >&2
    (cd "$web" && npm run --silent build) || return 1
  fi
}
