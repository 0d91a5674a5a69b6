# fabrique nodes and nginx in front of them, for the multi-node test, the data test and the bench (sourced, not run).
#
#   BIN=path/to/fabrique TMP=folder NGINX=nginx; source scripts/nodes.sh
#   start_node NAME DATABASE [serve options...]   # sets NODE_PID, NODE_PORT (NODE_THREADS: threads, default 2)
#   start_balancer PORT...                         # nginx round robin over those nodes: BALANCER_PID, BALANCER_PORT
#   start_site NODES DATABASE [serve options...]   # 1 node, or 2 behind the balancer: SITE_URL, SITE_PIDS, SITE_BALANCER
#   stop_site                                      # stops them
#   start_static ROOT LOCATIONS [SERVER_LINES]     # nginx serving files (the bench): STATIC_PID, STATIC_PORT
#   stop_pid PID                                   # TERM, then KILL after 5 s

stop_pid() {  # stop_pid PID: TERM, wait up to 5 s, then KILL
  local pid=$1 i
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# start_node NAME DATABASE [options...]: starts `fabrique serve` on a free loopback port; sets
# NODE_PID and NODE_PORT. Its output goes to $TMP/NAME.out and .err, its mails (without --smtp_url)
# to NAME.mail/ in $NODE_MAIL_ROOT (default $TMP).
start_node() {
  local name=$1 database=$2
  shift 2
  : >"$TMP/$name.out"
  "$BIN" serve --database "$database" --listen 127.0.0.1:0 --threads "${NODE_THREADS:-2}" --log_requests false \
    --mail_dir "${NODE_MAIL_ROOT:-$TMP}/$name.mail" "$@" \
    >"$TMP/$name.out" 2>"$TMP/$name.err" &
  NODE_PID=$!
  NODE_PORT=
  for _ in $(seq 100); do
    NODE_PORT=$(sed -n 's|^fabrique listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$TMP/$name.out")
    [ -n "$NODE_PORT" ] && return 0
    kill -0 "$NODE_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$TMP/$name.err" >&2
  echo "node $name did not start" >&2
  return 1
}

# start_balancer PORT...: nginx on a free loopback port, round-robin over fabrique nodes on PORTs, as the
# deployment guide configures it; sets BALANCER_PID and BALANCER_PORT. A POST is never retried on another
# node (nginx's default since 1.9.13): a write is answered by the node that ran it, or fails.
start_balancer() {
  local servers= port p user_line=
  for p in "$@"; do servers+="    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'; done
  # As root, the master would hand the workers to `nobody`, who cannot read $TMP: keep our own user.
  [ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);"
  mkdir -p "$TMP/balancer/tmp"
  for _ in $(seq 10); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    cat >"$TMP/balancer/nginx.conf" <<CONF
$user_line
worker_processes ${BALANCER_WORKERS:-1};
daemon off;
pid $TMP/balancer/nginx.pid;
error_log $TMP/balancer/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $TMP/balancer/tmp/body;
  proxy_temp_path $TMP/balancer/tmp/proxy;
  fastcgi_temp_path $TMP/balancer/tmp/fastcgi;
  uwsgi_temp_path $TMP/balancer/tmp/uwsgi;
  scgi_temp_path $TMP/balancer/tmp/scgi;
  upstream fabrique {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://fabrique;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 2s;
    }
  }
}
CONF
    "$NGINX" -p "$TMP/balancer" -c "$TMP/balancer/nginx.conf" -e "$TMP/balancer/error.log" >/dev/null 2>&1 &
    BALANCER_PID=$!
    for _ in $(seq 50); do
      kill -0 "$BALANCER_PID" 2>/dev/null || break
      if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
        BALANCER_PORT=$port
        return 0
      fi
      sleep 0.1
    done
    stop_pid "$BALANCER_PID"
  done
  cat "$TMP/balancer/error.log" >&2 2>/dev/null
  echo "nginx did not start" >&2
  return 1
}


# start_site NODES DATABASE [options...]: the site as docs/deploy.md sets it up: one node, or two nodes
# (fabrique, fabrique2) on the same database behind the nginx load balancer (BALANCER_WORKERS workers,
# NODE_THREADS by default). Sets SITE_URL (the node's or the balancer's), SITE_PIDS (the nodes') and
# SITE_BALANCER (the balancer's pid, or empty). On failure, stops what it started and returns 1.
start_site() {
  local nodes=$1 database=$2 first_port
  shift 2
  SITE_PIDS=()
  SITE_BALANCER=
  start_node fabrique "$database" "$@" || return 1
  SITE_PIDS=("$NODE_PID")
  SITE_URL=http://127.0.0.1:$NODE_PORT
  [ "$nodes" = 1 ] && return 0
  first_port=$NODE_PORT
  if start_node fabrique2 "$database" "$@"; then
    SITE_PIDS+=("$NODE_PID")
    BALANCER_WORKERS=${BALANCER_WORKERS:-${NODE_THREADS:-2}}
    if start_balancer "$first_port" "$NODE_PORT"; then
      SITE_BALANCER=$BALANCER_PID
      SITE_URL=http://127.0.0.1:$BALANCER_PORT
      return 0
    fi
  fi
  stop_site
  return 1
}

stop_site() {  # stops what start_site started
  local pid
  stop_pid "$SITE_BALANCER"
  for pid in "${SITE_PIDS[@]}"; do stop_pid "$pid"; done
  SITE_PIDS=()
  SITE_BALANCER=
}

# start_static ROOT LOCATIONS [SERVER_LINES]: nginx (STATIC_WORKERS workers, default 1) serving the files
# under ROOT on a free loopback port, as the benchmarks compare fabrique with it: no access log, sendfile,
# keep-alive without limit. LOCATIONS (nginx location blocks, one a line) and SERVER_LINES (e.g.
# "gzip_static on;") go into its server block as they are. Sets STATIC_PID and STATIC_PORT; its files
# are under $TMP/static/.
start_static() {
  local root=$1 locations=$2 server_lines=${3:-} port user_line=""
  [ "$(id -u)" = 0 ] && user_line="user $(id -un) $(id -gn);"  # workers must read files in $TMP (mode 0700)
  mkdir -p "$TMP/static/tmp"
  for _ in $(seq 10); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    cat >"$TMP/static/nginx.conf" <<CONF
$user_line
worker_processes ${STATIC_WORKERS:-1};
daemon off;
pid $TMP/static/nginx.pid;
error_log $TMP/static/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  types { }
  charset utf-8;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $TMP/static/tmp/body;
  proxy_temp_path $TMP/static/tmp/proxy;
  fastcgi_temp_path $TMP/static/tmp/fastcgi;
  uwsgi_temp_path $TMP/static/tmp/uwsgi;
  scgi_temp_path $TMP/static/tmp/scgi;
  server {
    listen 127.0.0.1:$port;
    root $root;
    $server_lines
$locations
  }
}
CONF
    "${NGINX:-nginx}" -p "$TMP/static" -c "$TMP/static/nginx.conf" -e "$TMP/static/error.log" >/dev/null 2>&1 &
    STATIC_PID=$!
    for _ in $(seq 50); do
      kill -0 "$STATIC_PID" 2>/dev/null || break
      if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" && kill -0 "$STATIC_PID" 2>/dev/null; then
        STATIC_PORT=$port
        return 0
      fi
      sleep 0.1
    done
    stop_pid "$STATIC_PID"
  done
  STATIC_PID=
  cat "$TMP/static/error.log" >&2 2>/dev/null
  echo "nginx did not start" >&2
  return 1
}
