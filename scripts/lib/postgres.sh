# Sourced by scripts/run and scripts/test: a project-local PostgreSQL cluster under .data/.
# ensure_postgres NAME PORT [EXTRA_SERVER_OPTIONS] starts it (installing the server when it can) and
# exports ConnectionStrings__Marten; an existing ConnectionStrings__Marten means "use that server instead".

postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL server not found; installing the Debian package..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -n "$dir" ] || { echo "PostgreSQL server binaries are missing: install the postgresql package, or set ConnectionStrings__Marten." >&2; return 1; }
  echo "$dir"
}

# initdb and the server refuse to run as root: as root, they run as the postgres user.
as_db_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_postgres() {
  local name=$1 port=$2 extra=${3:-}
  if [ -n "${ConnectionStrings__Marten:-}" ]; then return 0; fi
  local bin root data log
  bin=$(postgres_bin) || return 1
  root="$PROJECT_ROOT/.data/$name"
  data="$root/cluster"
  log="$root/postgres.log"
  mkdir -p "$root"
  [ "$(id -u)" = 0 ] && chown postgres: "$root"
  if [ ! -f "$data/PG_VERSION" ]; then
    as_db_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$root/initdb.log" 2>&1 ||
      { cat "$root/initdb.log" >&2; return 1; }
  fi
  # Large documents, raw messages and sealed content are TOASTed on every write: LZ4 compresses them at a fraction of
  # pglz's CPU (ADR 54). Servers built without it keep PostgreSQL's default.
  if "$bin/pg_config" --configure 2>/dev/null | grep -q -- "--with-lz4"; then extra="-c default_toast_compression=lz4 $extra"; fi
  if ! as_db_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_db_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $root $extra" start >/dev/null ||
      { tail -n 20 "$log" >&2; return 1; }
  fi
  # The service talks to this cluster directly, with no transaction-mode pooler between: Npgsql may prepare the
  # statements it runs often (ADR 49).
  export ConnectionStrings__Marten="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres;Max Auto Prepare=50"
}
